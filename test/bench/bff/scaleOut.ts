import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { startRedis } from '../../redisServer.ts'
import { accountRead, atRate, flatOut, relativeLadder, signedBalanceQuery, stepTogether, type Target } from './load.ts'
import { bffEntry, bffEnvironment, bffNodeArgs, freePort, rssMB, start, stopAll } from './processes.ts'
import { openSessions, summary, median, type Run, type Subscriber } from './benchBff.ts'

export interface ScaleOutOptions {
  connections: number
  rounds: number
  seconds: number
  stepSeconds: number
  log: (s: string) => void
}

/** The processes a process started (Linux /proc). */
const instancesOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)

/**
 * Scale-out, honestly: one BFF instance and two (Node's cluster, test/bench/bff/cluster.ts) on the same real
 * Redis (rate limits, revocations, idempotency shared), in front of the same stub, on the same 2 cores. Closed
 * loop rounds one and two taking turns, then the arrival-rate ladder (relative to what the stub alone answers
 * in this run) offered to both at each step. The stub and Redis share the machine with them: on 2 cores the
 * pair cannot double anything; what it shows is the cost of the shared store and the balancer.
 */
export async function benchScaleOut(o: ScaleOutOptions) {
  const redis = await startRedis()
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-bench-scale-'))
  const children: ChildProcess[] = []
  try {
    const [bossPort, onePort, twoPort] = [await freePort(), await freePort(), await freePort()]
    const bossUrl = `http://127.0.0.1:${bossPort}`
    children.push(
      await start(
        'boss-stub/main.ts',
        [],
        { BOSS_PORT: String(bossPort), BOSS_DB: join(dir, 'boss.sqlite'), BOSS_RESEED: '1' },
        /listening/,
      ),
    )
    const env = { ...bffEnvironment(bossUrl, join(dir, 'bff.sqlite')), REDIS_URL: redis.url }
    const entry = bffEntry()
    const one = await start(entry, [], { ...env, PORT: String(onePort) }, /BFF listening/, bffNodeArgs())
    children.push(one)
    const pair = await start(
      'test/bench/bff/cluster.ts',
      [entry, '2'],
      { ...env, PORT: String(twoPort) },
      /ready: 2 BFF instances, pids (\d+) (\d+)/,
      bffNodeArgs(),
    )
    children.push(pair)
    const oneUrl = `http://127.0.0.1:${onePort}`
    const twoUrl = `http://127.0.0.1:${twoPort}`

    const subs = ((await (await fetch(`${bossUrl}/admin/subscribers?limit=5000`)).json()) as Subscriber[]).slice(
      0,
      1200,
    )
    // Sessions opened through the pair: the tokens are good on every instance (same key, same Redis).
    const tokens = await openSessions(twoUrl, subs)
    const account = (url: string) => accountRead(url, tokens)
    const direct: Target = {
      url: bossUrl,
      method: 'POST',
      path: '/boss/gateway',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: signedBalanceQuery(subs.map((s) => s.customerId)),
    }
    for (const t of [account(oneUrl), account(twoUrl)]) await atRate(t, 200, Math.ceil(tokens.length / 200))

    const stub = summary(await flatOut(direct, o.connections, o.seconds))
    const oneRuns: Run[] = []
    const twoRuns: Run[] = []
    for (let round = 0; round < o.rounds; round++) {
      oneRuns.push(summary(await flatOut(account(oneUrl), o.connections, o.seconds)))
      twoRuns.push(summary(await flatOut(account(twoUrl), o.connections, o.seconds)))
      o.log(
        `scale-out closed loop round ${round + 1}: one ${oneRuns[round].rps.toFixed(0)} rps p99 ${oneRuns[round].p99}, two ${twoRuns[round].rps.toFixed(0)} rps p99 ${twoRuns[round].p99}`,
      )
    }
    const ladder = relativeLadder(stub.rps)
    o.log(`scale-out ladder (stub alone ${stub.rps.toFixed(0)} rps closed loop): ${ladder.join(' ')}`)
    const steps = await stepTogether({ one: account(oneUrl), two: account(twoUrl) }, ladder, o.stepSeconds, o.log)
    return {
      stub,
      one: { rps: median(oneRuns.map((r) => r.rps)), p99: median(oneRuns.map((r) => r.p99)), runs: oneRuns },
      two: { rps: median(twoRuns.map((r) => r.rps)), p99: median(twoRuns.map((r) => r.p99)), runs: twoRuns },
      ratios: twoRuns.map((t, i) => t.rps / oneRuns[i].rps),
      steps,
      rssOne: rssMB(one.pid!),
      // The pair's resident memory: both instances; the cluster primary (the balancer here) apart.
      rssTwo: instancesOf(pair.pid!).reduce((sum, pid) => sum + rssMB(pid), 0),
      rssBalancer: rssMB(pair.pid!),
      loadAverage: loadavg(),
    }
  } finally {
    await stopAll(children)
    await redis.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export type ScaleOutBench = Awaited<ReturnType<typeof benchScaleOut>>
