/**
 * `node test/bench/bff/steady.ts [minutes] [rps]`: the BFF's resident memory over a long steady load, beside a bare
 * fastify app under the same load at the same time (issue 22: at most ×1.5 of the bare app, no growth over 10
 * minutes). Both get `rps` of `GET /api/v1/account` (the BFF from 1 200 boxes' tokens), side by side, and both
 * processes' RSS is read every 30 s. The bare app runs twice over: as TypeScript (bare.ts, as the bench has
 * always run it, Node's type stripper resident) and as the same code in plain JavaScript (what the BFF runs as,
 * built), so the ratio is given against both. Growth: the median RSS of the last sixth of the samples against
 * that of the second sixth (rssGrowth). Not part of `npm run bench`; RESULTS.md quotes it.
 */
import { loadavg } from 'node:os'
import { accountRead, atRate, rssGrowth, statusCounts, type Target } from './load.ts'
import { openSessions, type Subscriber } from './benchBff.ts'
import { freePort, rssMB, start, startServers, stopAll } from './processes.ts'

const minutes = Number(process.argv[2] ?? 10)
const rate = Number(process.argv[3] ?? 100)
const SAMPLE_MS = 30_000
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')

console.log(`load average before: ${load()}; ${minutes} min at ${rate} rps each`)
// startServers' bare app is the plain JavaScript one (bareEntry); the TypeScript one beside it, as the bench ran it before.
const servers = await startServers()
const tsPort = await freePort()
const bareTsProcess = await start('test/bench/bff/bare.ts', [String(tsPort)], {}, /ready/)
try {
  const all = (await (await fetch(`${servers.bossUrl}/admin/subscribers?limit=5000`)).json()) as Subscriber[]
  const tokens = await openSessions(servers.bffUrl, all.slice(0, 1200))
  const bff = accountRead(servers.bffUrl, tokens)
  const bare = (url: string): Target => ({ url, method: 'GET', path: '/api/v1/account', headers: {} })
  const pids = { bff: servers.bffPid, bareTs: bareTsProcess.pid!, bareJs: servers.barePid }
  const samples: Record<keyof typeof pids, number[]> = { bff: [], bareTs: [], bareJs: [] }
  const sample = () => {
    for (const k of Object.keys(pids) as (keyof typeof pids)[]) samples[k].push(rssMB(pids[k]))
    const at = samples.bff.length - 1
    console.log(
      `${String((at * SAMPLE_MS) / 1000).padStart(4)} s: RSS BFF ${samples.bff[at].toFixed(0)} MB, bare (JS) ${samples.bareJs[at].toFixed(0)}, bare (TS) ${samples.bareTs[at].toFixed(0)}; load ${load()}`,
    )
  }
  sample()
  const timer = setInterval(sample, SAMPLE_MS)
  const seconds = minutes * 60
  const [rBff, rJs, rTs] = await Promise.all([
    atRate(bff, rate, seconds),
    atRate(bare(servers.bareUrl), rate, seconds),
    atRate(bare(`http://127.0.0.1:${tsPort}`), rate, seconds),
  ])
  clearInterval(timer)
  sample()
  console.log(
    `answers: BFF ${JSON.stringify(statusCounts(rBff))} p99 ${rBff.latency.p99} ms; bare (JS) ${JSON.stringify(statusCounts(rJs))}; bare (TS) ${JSON.stringify(statusCounts(rTs))}`,
  )
  const g = rssGrowth(samples.bff)
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
  const tail = (xs: number[]) => mid(xs.slice(-Math.max(1, Math.floor(xs.length / 6))))
  console.log(
    `BFF RSS second sixth ${g.first.toFixed(0)} → last sixth ${g.last.toFixed(0)} MB (${(100 * g.growth).toFixed(1)} %), max ${Math.max(...samples.bff).toFixed(0)}; ` +
      `last sixth ×${(g.last / tail(samples.bareJs)).toFixed(2)} of bare (JS) ${tail(samples.bareJs).toFixed(0)} MB, ×${(g.last / tail(samples.bareTs)).toFixed(2)} of bare (TS) ${tail(samples.bareTs).toFixed(0)} MB`,
  )
} finally {
  await stopAll([bareTsProcess])
  await servers.close()
  console.log(`load average after: ${load()}`)
}
