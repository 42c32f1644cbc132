/**
 * `node test/bench/bff/profile.ts [seconds]`: where a BFF request’s time goes. Starts the stub, the BFF with
 * its inspector open (the CPU profile covers only the timed loop, not start-up or log-ins), the proxy baseline and the bare fastify app; runs the closed loop of `GET /api/v1/account` at
 * 32 connections against the proxy and the BFF (and the bare app) side by side, writes the profile
 * to test-output/bench/profile/, and prints the self time by function and by module
 * (summariseProfile). Not part of `npm run bench`; RESULTS.md quotes what it showed.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { accountRead, flatOut, signedBalanceQuery, statusCounts, type Target } from './load.ts'
import { openSessions, type Subscriber } from './benchBff.ts'
import { freePort, rssMB, startServers } from './processes.ts'
import { Inspector } from './inspector.ts'
import { summariseProfile } from './profileSummary.ts'

/** process.memoryUsage() of the inspected process, MB. */
async function memoryOf(inspector: Inspector): Promise<string> {
  const { result } = await inspector.send<{ result: { value: string } }>('Runtime.evaluate', {
    expression: 'JSON.stringify(process.memoryUsage())',
  })
  const m = JSON.parse(result.value) as Record<string, number>
  return Object.entries(m)
    .map(([k, v]) => `${k} ${(v / 1048576).toFixed(0)}`)
    .join(', ')
}

/**
 * Starts, in the inspected process, a 1 ms event-loop delay histogram and a list of GC pauses; `read` stops
 * them and returns what blocked the loop while they ran (the p99 tail is the loop's stalls, not the CPU's share).
 */
const STALLS_START = `(() => {
  const { monitorEventLoopDelay, PerformanceObserver } = process.getBuiltinModule('node:perf_hooks')
  const h = monitorEventLoopDelay({ resolution: 1 })
  const gc = []
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) gc.push([e.detail?.kind ?? 0, e.duration]) })
  obs.observe({ entryTypes: ['gc'] })
  h.enable()
  globalThis.__stalls = () => {
    h.disable(); obs.disconnect()
    const ms = (n) => Math.round(n / 1e4) / 100
    const kinds = {}
    for (const [k, d] of gc) { const o = (kinds[k] ??= { n: 0, total: 0, max: 0 }); o.n++; o.total += d; o.max = Math.max(o.max, d) }
    for (const o of Object.values(kinds)) { o.total = Math.round(o.total); o.max = Math.round(o.max * 10) / 10 }
    return { loopDelay: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) }, gcByKind: kinds }
  }
})()`
const STALLS_READ = 'globalThis.__stalls()'

/** Resident MB by mapping (anonymous, the node binary, each shared library), largest first. */
function mappings(pid: number): string {
  const rss = new Map<string, number>()
  let name = ''
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head) name = head[1].replace(/^.*\//, '') || '(anon)'
    const r = /^Rss:\s+(\d+) kB/.exec(line)
    if (r) rss.set(name, (rss.get(name) ?? 0) + Number(r[1]))
  }
  return [...rss]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, kb]) => `${k} ${(kb / 1024).toFixed(0)}`)
    .join(', ')
}

const ROOT = new URL('../../../', import.meta.url).pathname
const seconds = Number(process.argv[2] ?? 15)
const dir = join(ROOT, 'test-output/bench/profile')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
)
const inspectPort = await freePort()
const servers = await startServers({ bffNodeArgs: [`--inspect=127.0.0.1:${inspectPort}`] })
const inspector = await Inspector.connect(inspectPort)
const profileFile = join(dir, 'bff-account.cpuprofile')
try {
  const all = (await (await fetch(`${servers.bossUrl}/admin/subscribers?limit=5000`)).json()) as Subscriber[]
  const subs = all.slice(0, 1200)
  const tokens = await openSessions(servers.bffUrl, subs)
  const bff = accountRead(servers.bffUrl, tokens)
  const bare: Target = { url: servers.bareUrl, method: 'GET', path: '/api/v1/account', headers: {} }
  const proxied: Target = {
    url: servers.proxyUrl,
    method: 'POST',
    path: '/boss/gateway',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: signedBalanceQuery(subs.map((s) => s.customerId)),
  }
  await flatOut(proxied, 32, 3)
  await flatOut(bff, 32, 3)
  const line = (name: string, r: Awaited<ReturnType<typeof flatOut>>) =>
    console.log(
      `${name}: ${(r.requests.total / r.duration).toFixed(0)} rps, p50 ${r.latency.p50} p99 ${r.latency.p99} ms ${JSON.stringify(statusCounts(r))}`,
    )
  line('proxy', await flatOut(proxied, 32, seconds))
  // First a round without the profiler (it slows the loop): the event loop's delay and GC pauses under load.
  await inspector.evaluate(STALLS_START)
  line('BFF (not profiled)', await flatOut(bff, 32, seconds))
  // GC kinds: 1 scavenge (young generation), 2 minor mark-sweep, 4 mark-sweep-compact, 8 incremental, 16 weak callbacks.
  console.log(`BFF stalls while loaded: ${JSON.stringify(await inspector.evaluate(STALLS_READ))}`)
  if (process.env.ALLOC_PROFILE === '1') {
    // Where the garbage comes from: a round of its own (the sampler slows the loop), allocations per answer by site.
    await inspector.startAllocationSampling()
    const r = await flatOut(bff, 32, seconds)
    line('BFF (allocations sampled)', r)
    const sites = await inspector.stopAllocationSampling()
    const total = sites.reduce((sum, [, bytes]) => sum + bytes, 0)
    console.log(`allocated ≈ ${(total / r.requests.total / 1024).toFixed(1)} KB per answer; largest sites:`)
    for (const [site, bytes] of sites.slice(0, Number(process.env.ALLOC_TOP ?? 25)))
      console.log(
        `${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${(bytes / r.requests.total).toFixed(0).padStart(6)} B/answer  ${site}`,
      )
  }
  await inspector.startProfile()
  line('BFF  ', await flatOut(bff, 32, seconds))
  await inspector.stopProfile(profileFile)
  console.log(
    `RSS after the loop: BFF ${rssMB(servers.bffPid).toFixed(0)} MB; ${await memoryOf(inspector)}; by mapping: ${mappings(servers.bffPid)}`,
  )
  if (process.env.HEAP_SNAPSHOT === '1') await inspector.heapSnapshot(join(dir, 'bff.heapsnapshot'))
  line('bare ', await flatOut(bare, 32, 5))
  console.log(`RSS: BFF ${rssMB(servers.bffPid).toFixed(0)} MB, bare fastify ${rssMB(servers.barePid).toFixed(0)} MB`)
} finally {
  inspector.close()
  await servers.close()
  console.log(
    `load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
}
console.log(summariseProfile(profileFile, 30))
