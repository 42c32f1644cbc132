/**
 * `node test/bench/bff/compare.ts [rounds] [seconds]`: two BFFs side by side with the proxy baseline, closed loop
 * (32 connections, `GET /api/v1/account`), rounds taken in turn (proxy, A, B), each BFF's event-loop delay and
 * resident memory after its rounds. A is the BFF as the bench starts it; B differs by what the environment says:
 * `COMPARE_B_NODE_ARGS` (Node/V8 flags instead of the bench's) and/or `COMPARE_B_ROOT` (another checkout's
 * BFF, built by its own build.ts, e.g. main before a change). On a machine shared by six engineers only the ratios of one
 * round mean anything: medians of them are printed. Not part of `npm run bench`; RESULTS.md quotes it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { accountRead, flatOut, signedBalanceQuery, type Target } from './load.ts'
import { median, openSessions, summary, type Run, type Subscriber } from './benchBff.ts'
import {
  bffEntry,
  bffEnvironment,
  bffNodeArgs,
  cpuMs,
  freePort,
  rssMB,
  start,
  startServers,
  stopAll,
} from './processes.ts'
import { Inspector } from './inspector.ts'

const rounds = Number(process.argv[2] ?? 5)
const seconds = Number(process.argv[3] ?? 10)
const bArgs = process.env.COMPARE_B_NODE_ARGS?.split(' ').filter(Boolean) ?? bffNodeArgs()
// Another checkout runs built by its own build.ts, as A is (as TypeScript its RSS and CPU would include Node's stripper).
const bRoot = process.env.COMPARE_B_ROOT
const bEntry = bRoot
  ? ((await import(join(bRoot, 'src/bff/build.ts'))) as { buildBff(out: string): string }).buildBff(
      join(bRoot, 'test-output/bench/dist-bff-b'),
    )
  : bffEntry()
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')

/** The event loop's delay while loaded, from a 1 ms histogram in the inspected process (reset per read). */
const DELAY = `(() => {
  const h = (globalThis.__delay ??= (() => { const h = process.getBuiltinModule('node:perf_hooks').monitorEventLoopDelay({ resolution: 1 }); h.enable(); return h })())
  const r = { p99: Math.round(h.percentile(99) / 1e5) / 10, max: Math.round(h.max / 1e5) / 10 }
  h.reset()
  return r
})()`

console.log(`load average before: ${load()}; B: ${bEntry} ${bArgs.join(' ')}`)
const dir = mkdtempSync(join(tmpdir(), 'tvhall-compare-'))
const aInspect = await freePort()
const servers = await startServers({ bffNodeArgs: [`--inspect=127.0.0.1:${aInspect}`] })
const bPort = await freePort()
const bInspect = await freePort()
let b: ChildProcess | undefined
try {
  b = await start(
    bEntry,
    [],
    { ...bffEnvironment(servers.bossUrl, join(dir, 'b.sqlite')), PORT: String(bPort) },
    /BFF listening/,
    [...bArgs, `--inspect=127.0.0.1:${bInspect}`],
  )
  const all = (await (await fetch(`${servers.bossUrl}/admin/subscribers?limit=5000`)).json()) as Subscriber[]
  const subs = all.slice(0, 1200)
  // Same JWT key: a token opened on A is good on B (each has its own, empty, revocation list).
  const tokens = await openSessions(servers.bffUrl, subs)
  const targets = {
    proxy: {
      url: servers.proxyUrl,
      method: 'POST',
      path: '/boss/gateway',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: signedBalanceQuery(subs.map((s) => s.customerId)),
    } satisfies Target,
    A: accountRead(servers.bffUrl, tokens),
    B: accountRead(`http://127.0.0.1:${bPort}`, tokens),
  }
  const inspectors = {
    A: await Inspector.connect(aInspect),
    B: await Inspector.connect(bInspect),
  }
  for (const t of Object.values(targets)) await flatOut(t, 32, 3)
  const pids = { proxy: servers.proxyPid, A: servers.bffPid, B: b.pid! }
  const runs: Record<'proxy' | 'A' | 'B', Run[]> = { proxy: [], A: [], B: [] }
  // CPU time of the serving process per answer: far steadier than rps on a shared machine (a neighbour's burst
  // takes the CPU away, it does not make a request cost more of it).
  const cpu: Record<'proxy' | 'A' | 'B', number[]> = { proxy: [], A: [], B: [] }
  const delays: Record<'A' | 'B', { p99: number; max: number }[]> = { A: [], B: [] }
  for (let round = 0; round < rounds; round++) {
    const line: string[] = []
    for (const name of ['proxy', 'A', 'B'] as const) {
      if (name !== 'proxy') await inspectors[name].evaluate(DELAY)
      const cpuBefore = cpuMs(pids[name])
      const result = await flatOut(targets[name], 32, seconds)
      const run = summary(result)
      runs[name].push(run)
      cpu[name].push((cpuMs(pids[name]) - cpuBefore) / result.requests.total)
      let extra = ` ${cpu[name][round].toFixed(2)} CPU ms/answer`
      if (name !== 'proxy') {
        const d = await inspectors[name].evaluate<{ p99: number; max: number }>(DELAY)
        delays[name].push(d)
        extra += ` (loop delay p99 ${d.p99} max ${d.max})`
      }
      line.push(`${name} ${run.rps.toFixed(0)} rps p99 ${run.p99}${extra}`)
    }
    console.log(`round ${round + 1} (load ${load()}): ${line.join(', ')}`)
  }
  console.log(
    `median CPU ms per answer: ${(['proxy', 'A', 'B'] as const).map((n) => `${n} ${median(cpu[n]).toFixed(3)}`).join(', ')}`,
  )
  for (const name of ['A', 'B'] as const) {
    const ratio = median(runs[name].map((r, i) => r.rps / runs.proxy[i].rps))
    const p99 = median(runs[name].map((r, i) => r.p99 - runs.proxy[i].p99))
    console.log(
      `${name}: median ×${ratio.toFixed(2)} of the proxy's rps (rounds ${runs[name].map((r, i) => (r.rps / runs.proxy[i].rps).toFixed(2)).join(', ')}), median p99 ${p99 >= 0 ? '+' : ''}${p99} ms over the proxy's, median loop delay p99 ${median(delays[name].map((d) => d.p99))} ms`,
    )
  }
  console.log(`RSS after: A ${rssMB(servers.bffPid).toFixed(0)} MB, B ${rssMB(b.pid!).toFixed(0)} MB`)
  // COMPARE_ALLOC=1: one more round each with V8's allocation sampler, what each BFF allocates per answer, A and B
  // in turn (the garbage per answer is what the young generation's pauses, the p99 tail, pay for).
  if (process.env.COMPARE_ALLOC === '1') {
    for (const name of ['A', 'B'] as const) {
      await inspectors[name].startAllocationSampling()
      const result = await flatOut(targets[name], 32, seconds)
      const sites = await inspectors[name].stopAllocationSampling()
      const bytes = sites.reduce((sum, [, n]) => sum + n, 0)
      console.log(
        `${name} allocated ≈ ${(bytes / result.requests.total / 1024).toFixed(1)} KB per answer at ${summary(result).rps.toFixed(0)} rps (load ${load()})`,
      )
    }
  }
  for (const i of Object.values(inspectors)) i.close()
} finally {
  if (b) await stopAll([b])
  await servers.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(`load average after: ${load()}`)
}
