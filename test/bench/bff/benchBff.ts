import type { Result } from 'autocannon'
import { atRate, errorRate, flatOut, signedBalanceQuery, type Target } from './load.ts'
import { rssMB, startServers } from './processes.ts'

export interface BffBenchOptions {
  /** Fixed rate for the added-latency comparison. */
  rate: number
  rateSeconds: number
  flatSeconds: number
  connections: number
  memorySeconds: number
  log: (s: string) => void
}

export interface Run {
  rps: number
  p50: number
  p99: number
  errors: number
}

const summary = (r: Result): Run => ({ rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: errorRate(r) })

export async function benchBff(o: BffBenchOptions) {
  const servers = await startServers()
  try {
    const subs = (await (await fetch(`${servers.bossUrl}/admin/subscribers`)).json()) as { deviceId: string; cardNo: string; customerId: string; scenario: string }[]
    const who = subs.find((s) => s.scenario === 'normal') ?? subs[0]
    const session = await fetch(`${servers.bffUrl}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: who.deviceId, cardNo: who.cardNo }),
    })
    const { token } = (await session.json()) as { token: string }
    const bff: Target = { url: servers.bffUrl, method: 'GET', path: '/api/v1/account', headers: { authorization: `Bearer ${token}` } }
    const gateway = { method: 'POST' as const, path: '/boss/gateway', headers: { 'content-type': 'application/json; charset=utf-8' }, body: signedBalanceQuery(who.customerId) }
    const direct: Target = { url: servers.bossUrl, ...gateway }
    const proxied: Target = { url: servers.proxyUrl, ...gateway }

    // Make sure all three answer the balance before timing them (a bad signature would be a fast "200").
    const check = await (await fetch(`${servers.bossUrl}/boss/gateway`, { method: 'POST', headers: gateway.headers, body: gateway.body() })).json()
    if (check.HEAD?.RSP_CODE !== '0000') throw new Error(`direct balance query refused: ${JSON.stringify(check.HEAD)}`)
    const viaBff = await fetch(`${servers.bffUrl}/api/v1/account`, { headers: bff.headers })
    if (!viaBff.ok) throw new Error(`BFF /account: ${viaBff.status}`)

    // Warm up JITs and connection pools on every path.
    for (const t of [direct, bff, proxied]) await atRate(t, 100, 2)

    const atRateDirect = summary(await atRate(direct, o.rate, o.rateSeconds))
    const atRateBff = summary(await atRate(bff, o.rate, o.rateSeconds))
    o.log(`at ${o.rate} rps: direct p50 ${atRateDirect.p50} p99 ${atRateDirect.p99}; BFF p50 ${atRateBff.p50} p99 ${atRateBff.p99}`)

    const maxDirect = summary(await flatOut(direct, o.connections, o.flatSeconds))
    const maxProxy = summary(await flatOut(proxied, o.connections, o.flatSeconds))
    const maxBff = summary(await flatOut(bff, o.connections, o.flatSeconds))
    o.log(`flat out: direct ${maxDirect.rps.toFixed(0)} rps, proxy ${maxProxy.rps.toFixed(0)}, BFF ${maxBff.rps.toFixed(0)}`)

    // Steady at 90% of what the BFF just sustained, sampling its resident memory every second.
    const peak = Math.max(50, Math.floor(maxBff.rps * 0.9))
    const rss: number[] = [rssMB(servers.bffPid)]
    const timer = setInterval(() => rss.push(rssMB(servers.bffPid)), 1000)
    const steady = summary(await atRate(bff, peak, o.memorySeconds))
    clearInterval(timer)
    rss.push(rssMB(servers.bffPid))
    o.log(`steady ${peak} rps for ${o.memorySeconds}s: RSS ${rss[0].toFixed(0)} → max ${Math.max(...rss).toFixed(0)} MB`)

    return { rate: o.rate, atRateDirect, atRateBff, maxDirect, maxProxy, maxBff, connections: o.connections, peak, steady, rss, memorySeconds: o.memorySeconds }
  } finally {
    await servers.close()
  }
}

export type BffBench = Awaited<ReturnType<typeof benchBff>>
