/**
 * Where a cold start's time goes, up to the household's name drawn on home (what `boot.ts` times): CPU ×6,
 * 1280×720, fresh context, a Chrome trace (main-thread tasks: script parse/compile/evaluate, frames, XHR
 * handlers, GC) with the CDP sampling profiler beside it. Prints the requests, the app's marks, the main
 * thread's time by kind of task and the sampled CPU by what it was for (bundle evaluation, Lightning's
 * stage and WebGL, text textures, page building, …), and writes the trace and the .cpuprofile to
 * test-output/bench/.
 *
 *   node test/bench/app/profileBoot.ts [runs=1] [dist]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchBrowser } from '../../e2e/tv.ts'
import { startTvStack, tvUrl } from '../../e2e/stack.ts'
import { CPU_SLOWDOWN, loadAverage } from './page.ts'
import { installProbe } from './probe.ts'
import { bootCategories, bootTimeline, type CpuProfile } from './bootCategories.ts'

const ROOT = new URL('../../../', import.meta.url).pathname
const runs = Number(process.argv[2] ?? 1)
const dist = process.argv[3]

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  pid: number
  args?: { data?: { url?: string; functionName?: string }; name?: string }
}

const stack = await startTvStack({ bff: { logLevel: 'warn', ...(dist ? { staticDir: dist } : {}) } })
const browser = await launchBrowser()
const who = stack.subscribers.find((s) => s.scenario === 'big-household') ?? stack.subscribers[0]
try {
  console.log(`load average: ${loadAverage()}`)
  for (let run = 1; run <= runs; run++) {
    const context = await browser.createBrowserContext()
    const page = await context.newPage()
    await page.setViewport({ width: 1280, height: 720 })
    const cdp = await page.createCDPSession()
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await page.evaluateOnNewDocument((t) => {
      ;(window as any).__benchWatchText = t
    }, who.name)
    await page.evaluateOnNewDocument(installProbe)
    // Every string drawn into a text texture, with when: what the viewer waits for before the name.
    await page.evaluateOnNewDocument(() => {
      const drawn: [number, string][] = ((window as any).__drawnTexts = [])
      const fillText = CanvasRenderingContext2D.prototype.fillText
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
        drawn.push([performance.now(), text])
        return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max)
      }
    })
    await page.tracing.start({ categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing'] })
    await cdp.send('Profiler.start')
    await page.goto(tvUrl(stack, who, { inspector: '0' }), { waitUntil: 'load' })
    await page.waitForFunction(() => (window as any).__bench.textDrawnAt !== null, { timeout: 120_000, polling: 100 })
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile & { startTime: number } }
    const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString()) as { traceEvents: TraceEvent[] }
    const marks = await page.evaluate(() => {
      const b = (window as any).__bench
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (e) =>
          `  ${e.startTime.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)} ms  ${e.name.replace(location.origin, '')}`,
      )
      return {
        res,
        app: `  tvHallApp called ${b.startCalledAt?.toFixed(0)} ms, returned ${b.startReturnedAt?.toFixed(0)} ms, first drawn frame ${b.firstDrawnAt?.toFixed(0)} ms, account answered ${b.accountAnsweredAt?.toFixed(0)} ms, name drawn ${b.textDrawnAt?.toFixed(0)} ms`,
        timeOrigin: performance.timeOrigin,
      }
    })
    const texts = (await page.evaluate(() => (window as any).__drawnTexts)) as [number, string][]
    const upTo = (await page.evaluate(() => (window as any).__bench.textDrawnAt)) as number
    const before = texts.filter(([at]) => at <= upTo)
    console.log(`--- ${before.length} strings drawn into text textures up to the name (${texts.length} in all):`)
    console.log('  ' + before.map(([at, t]) => `${at.toFixed(0)} ${JSON.stringify(t.slice(0, 24))}`).join(', '))
    console.log(`--- run ${run}: requests (start → end, ms after navigation)\n${marks.res.join('\n')}\n${marks.app}`)

    // Main-thread tasks from the trace: the renderer's main thread is the one that ran EvaluateScript.
    const ev = trace.traceEvents
    const main = ev.find((e) => e.name === 'EvaluateScript')
    const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')?.ts ?? main?.ts ?? 0
    const onMain = ev.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
    const byKind = new Map<string, number>()
    for (const e of onMain) {
      if (
        ![
          'EvaluateScript',
          'v8.compile',
          'v8.parseOnBackground',
          'FunctionCall',
          'FireAnimationFrame',
          'XHRReadyStateChange',
          'XHRLoad',
          'TimerFire',
          'MinorGC',
          'MajorGC',
          'V8.GC_SCAVENGER',
          'ParseHTML',
          'Layout',
          'Paint',
          'v8.compileModule',
          'V8.GCFinalizeMC',
          'CompositeLayers',
          'UpdateLayoutTree',
        ].includes(e.name)
      )
        continue
      const label =
        e.name === 'EvaluateScript' ? `EvaluateScript ${(e.args?.data?.url ?? '').split('/').pop()}` : e.name
      byKind.set(label, (byKind.get(label) ?? 0) + e.dur! / 1000)
    }
    console.log('--- main thread by task kind (nested kinds overlap their parents), ms')
    for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 16))
      console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`)
    console.log('--- long main-thread tasks (> 40 ms), ms after navigation')
    for (const e of onMain.filter((x) => x.name === 'RunTask' && x.dur! > 40_000))
      console.log(`  ${((e.ts - nav) / 1000).toFixed(0).padStart(6)} +${(e.dur! / 1000).toFixed(0)}`)

    console.log(
      '--- sampled CPU in time slices (ms after navigation): busy ms, then the top stacks (leaf<caller<caller)',
    )
    console.log(bootTimeline(profile, nav).join('\n'))
    const cats = bootCategories(profile)
    console.log('--- sampled CPU by what it was for, ms')
    for (const [k, v] of cats) console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`)
    mkdirSync(`${ROOT}test-output/bench`, { recursive: true })
    writeFileSync(`${ROOT}test-output/bench/boot-${run}.cpuprofile`, JSON.stringify(profile))
    writeFileSync(`${ROOT}test-output/bench/boot-${run}.trace.json`, JSON.stringify(trace))
    await context.close()
  }
} finally {
  await browser.close()
  await stack.close()
}
