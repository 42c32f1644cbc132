import type { Result } from 'autocannon'
import { loadavg } from 'node:os'
import {
  accountRead,
  atRate,
  errorRate,
  flatOut,
  relativeLadder,
  rssGrowth,
  signedBalanceQuery,
  statusCounts,
  stepTogether,
  type Target,
} from './load.ts'
import { rssMB, startServers } from './processes.ts'
import { signLogin } from '../../../boss-stub/devices.ts'

export interface BffBenchOptions {
  /** Fixed rate for the added-latency comparison. */
  rate: number
  rateSeconds: number
  flatSeconds: number
  /** Seconds of each step of the arrival-rate ladder (its rates are shares of what the stub alone answers in this run). */
  stepSeconds: number
  connections: number
  /** Closed-loop rounds, proxy and BFF taking turns, each `flatSeconds`; the report takes medians. */
  flatRounds: number
  /** The steady run whose RSS is watched for growth (10 minutes in the full bench). */
  memorySeconds: number
  /** The bare fastify app's steady run at the same rate (it plateaus at once). */
  bareSeconds: number
  log: (s: string) => void
}

export interface Run {
  rps: number
  p50: number
  p99: number
  errors: number
}

export const summary = (r: Result): Run => ({
  rps: r.requests.total / r.duration,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: errorRate(r),
})
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
/** The median run by each figure (rps, p50, p99, errors), of runs taken in turn with the baseline's. */
const medianRun = (runs: Run[]): Run => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  errors: median(runs.map((r) => r.errors)),
})

/** How many households' boxes share the load (the stub seeds 1 200). */
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1200)

/** Open a session for each box, a few at a time; returns the tokens that opened. */
export async function openSessions(bffUrl: string, subs: readonly Subscriber[], parallel = 16): Promise<string[]> {
  const tokens: string[] = []
  let next = 0
  const refused: Record<string, number> = {}
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < subs.length) {
        const who = subs[next++]
        // The log-in as a box does it: a one-time challenge, signed with the box's device key (dev provisioning lists it).
        // Each box from its own address, as behind the operator's load balancer (TRUST_PROXY): the log-in limits count per address.
        const json = {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(next >> 16) & 255}.${(next >> 8) & 255}.${next & 255}`,
        }
        const asked = await fetch(`${bffUrl}/api/v1/session/challenge`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ deviceId: who.deviceId }),
        })
        const { challenge } = (await asked.json()) as { challenge: string }
        const signature = signLogin(who.deviceKey, who.deviceId, who.cardNo, challenge)
        const res = await fetch(`${bffUrl}/api/v1/session`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ deviceId: who.deviceId, cardNo: who.cardNo, challenge, signature }),
        })
        if (res.ok) tokens.push(((await res.json()) as { token: string }).token)
        else refused[res.status] = (refused[res.status] ?? 0) + 1
      }
    }),
  )
  if (Object.keys(refused).length) throw new Error(`sessions refused: ${JSON.stringify(refused)}`)
  return tokens
}

export interface Subscriber {
  deviceId: string
  deviceKey: string
  cardNo: string
  customerId: string
  scenario: string
  status: string
}

export async function benchBff(o: BffBenchOptions) {
  const servers = await startServers()
  try {
    const all = (await (await fetch(`${servers.bossUrl}/admin/subscribers?limit=5000`)).json()) as Subscriber[]
    const subs = all.slice(0, HOUSEHOLDS)
    // Many boxes each asking a little, as at an evening peak: one session per household, requests round robin
    // over their tokens, so the per-box rate limit (600 reads/min by default) stays in force and is not what is measured.
    const t0 = Date.now()
    const tokens = await openSessions(servers.bffUrl, subs)
    o.log(`opened ${tokens.length} sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    const bff = accountRead(servers.bffUrl, tokens)
    const gateway = {
      method: 'POST' as const,
      path: '/boss/gateway',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: signedBalanceQuery(subs.map((s) => s.customerId)),
    }
    const direct: Target = { url: servers.bossUrl, ...gateway }
    const proxied: Target = { url: servers.proxyUrl, ...gateway }

    // Make sure all three answer the balance before timing them (a bad signature would be a fast "200").
    const check = await (
      await fetch(`${servers.bossUrl}/boss/gateway`, { method: 'POST', headers: gateway.headers, body: gateway.body() })
    ).json()
    if (check.HEAD?.RSP_CODE !== '0000') throw new Error(`direct balance query refused: ${JSON.stringify(check.HEAD)}`)
    const viaBff = await fetch(`${servers.bffUrl}/api/v1/account`, { headers: bff.perRequestHeaders!() })
    if (!viaBff.ok) throw new Error(`BFF /account: ${viaBff.status}`)

    // Warm up JITs and connection pools on every path; the BFF pass asks once for every box.
    for (const t of [direct, proxied]) await atRate(t, 100, 2)
    const warm = await atRate(bff, 200, Math.ceil(tokens.length / 200))
    o.log(`BFF warm-up over all boxes: ${JSON.stringify(statusCounts(warm))}`)

    const atRateDirect = summary(await atRate(direct, o.rate, o.rateSeconds))
    const atRateBff = summary(await atRate(bff, o.rate, o.rateSeconds))
    o.log(
      `at ${o.rate} rps: direct p50 ${atRateDirect.p50} p99 ${atRateDirect.p99}; BFF p50 ${atRateBff.p50} p99 ${atRateBff.p99}`,
    )

    // Step the arrival rate: the highest step each sustains with ≤ 1 % errors. The ladder is cut from what the stub
    // alone answers closed loop now (a busy machine brings it down with the stub), and each step is offered to the
    // stub, the proxy and the BFF in turn, so a neighbour's burst falls on all three.
    const stubNow = summary(await flatOut(direct, o.connections, Math.min(o.flatSeconds, 5)))
    const ladder = relativeLadder(stubNow.rps)
    o.log(`stepping the arrival rate (stub alone ${stubNow.rps.toFixed(0)} rps closed loop): ${ladder.join(' ')}`)
    const stepped = await stepTogether({ direct, proxied, bff }, ladder, o.stepSeconds, o.log)
    const [stepDirect, stepProxy, stepBff] = [stepped.direct, stepped.proxied, stepped.bff]

    // Closed loop (each answer immediately followed by the next request), proxy and BFF taking turns so a
    // neighbour's burst on the shared machine falls on both; medians of the rounds.
    const maxDirect = summary(await flatOut(direct, o.connections, o.flatSeconds))
    const proxyRuns: Run[] = []
    const bffRuns: Run[] = []
    let bffCodes: Record<string, number> = {}
    for (let round = 0; round < o.flatRounds; round++) {
      proxyRuns.push(summary(await flatOut(proxied, o.connections, o.flatSeconds)))
      const flatBff = await flatOut(bff, o.connections, o.flatSeconds)
      bffRuns.push(summary(flatBff))
      bffCodes = statusCounts(flatBff)
      o.log(
        `closed loop round ${round + 1}: proxy ${proxyRuns[round].rps.toFixed(0)} rps p99 ${proxyRuns[round].p99}, BFF ${bffRuns[round].rps.toFixed(0)} rps p99 ${bffRuns[round].p99} ${JSON.stringify(bffCodes)}`,
      )
    }
    const maxProxy = medianRun(proxyRuns)
    const maxBff = medianRun(bffRuns)
    const flatRatios = bffRuns.map((b, i) => b.rps / proxyRuns[i].rps)

    // Steady at 60 % of the BFF's stepped maximum (room for the neighbours' bursts over minutes), its resident
    // memory sampled every second and judged for growth; then the bare fastify app at the same rate.
    const peak = Math.max(48, Math.floor(((stepBff.max?.target ?? 100) * 0.6) / 8) * 8)
    const watch = async (pid: number, t: Target, seconds: number) => {
      const rss: number[] = [rssMB(pid)]
      const timer = setInterval(() => rss.push(rssMB(pid)), 1000)
      const result = await atRate(t, peak, seconds)
      clearInterval(timer)
      rss.push(rssMB(pid))
      return { rss, result }
    }
    const loadBefore = loadavg()
    const watched = await watch(servers.bffPid, bff, o.memorySeconds)
    const rss = watched.rss
    const steady = { ...summary(watched.result), codes: statusCounts(watched.result) }
    const growth = rssGrowth(rss)
    o.log(
      `steady ${peak} rps for ${o.memorySeconds}s: RSS ${rss[0].toFixed(0)} → max ${Math.max(...rss).toFixed(0)} → end ${rss[rss.length - 1].toFixed(0)} MB, second sixth ${growth.first.toFixed(0)} → last sixth ${growth.last.toFixed(0)} MB, ${JSON.stringify(steady.codes)}`,
    )
    const bare: Target = { url: servers.bareUrl, method: 'GET', path: '/api/v1/account', headers: {} }
    const bareSeconds = Math.min(o.memorySeconds, o.bareSeconds)
    const bareRss = (await watch(servers.barePid, bare, bareSeconds)).rss
    o.log(
      `bare fastify at ${peak} rps for ${bareSeconds}s: RSS ${bareRss[0].toFixed(0)} → max ${Math.max(...bareRss).toFixed(0)} MB`,
    )

    return {
      rate: o.rate,
      households: tokens.length,
      stepSeconds: o.stepSeconds,
      stubNow,
      ladder,
      atRateDirect,
      atRateBff,
      stepDirect,
      stepProxy,
      stepBff,
      maxDirect,
      maxProxy,
      maxBff,
      flatRatios,
      flatRounds: o.flatRounds,
      connections: o.connections,
      peak,
      steady,
      rss,
      growth,
      memorySeconds: o.memorySeconds,
      loadDuringSteady: loadBefore,
      bareRss,
      bareSeconds,
      loadAverage: loadavg(),
    }
  } finally {
    await servers.close()
  }
}

export type BffBench = Awaited<ReturnType<typeof benchBff>>
