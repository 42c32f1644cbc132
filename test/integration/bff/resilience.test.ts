import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { routes } from '../../../src/contract/routes.ts'
import { bff, login, loose, startStack, type Stack, sessionBody } from '../harness.ts'

let stack: Stack
let token: string
beforeAll(async () => {
  // A short breaker pause: the tests below open it on purpose, and each must start with the BOSS reachable again.
  stack = await startStack({ bff: { bossTimeoutMs: 400, bossBreakerResetMs: 300 } })
  token = await login(stack, stack.bySubscriber('normal'))
})
afterEach(async () => {
  await stack.resetFaults()
  await new Promise((r) => setTimeout(r, 350)) // past the breaker's pause: its next call is the half-open trial
})
afterAll(() => stack?.close())
const account = () => loose(bff(stack, routes.account, { token }))

describe('when the BOSS misbehaves', () => {
  it('answers 503 BOSS_UNAVAILABLE with a message when the BOSS is down (HTTP 503)', async () => {
    await stack.setFaults({ down: true, downMode: 'http503' })
    const res = await account()
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('BOSS_UNAVAILABLE')
    expect(res.body.error.message).toMatch(/not available/)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('answers 503 when the BOSS drops connections, and for log-in too', async () => {
    await stack.setFaults({ down: true, downMode: 'drop', holdMs: 0 })
    const sub = stack.bySubscriber('arrears')
    const res = await loose(bff(stack, routes.openSession, { body: await sessionBody(stack, sub) }))
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('BOSS_UNAVAILABLE')
  })

  it('answers 503 when the BOSS says it is busy (9999)', async () => {
    await stack.setFaults({ errorRate: 1, errorKind: 'rsp9999' })
    const res = await account()
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('BOSS_UNAVAILABLE')
  })

  it('answers 504 BOSS_TIMEOUT within the budget when the BOSS is slower than BOSS_TIMEOUT_MS', async () => {
    await stack.setFaults({ latencyMs: 1500 })
    const started = Date.now()
    const res = await account()
    const took = Date.now() - started
    expect(res.status).toBe(504)
    expect(res.body.error.code).toBe('BOSS_TIMEOUT')
    expect(res.body.error.message).toMatch(/did not answer in time/)
    expect(took).toBeGreaterThanOrEqual(stack.config.bossTimeoutMs - 50)
    expect(took).toBeLessThan(1400)
  })

  it('recovers as soon as the BOSS is back (at most the breaker pause later)', async () => {
    await stack.setFaults({ down: true })
    expect((await account()).status).toBe(503)
    await stack.resetFaults()
    await new Promise((r) => setTimeout(r, 350))
    expect((await account()).status).toBe(200)
  })

  it('readyz reflects the BOSS, healthz does not', async () => {
    const ready = await bff(stack, routes.ready, {})
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ status: 'ready', checks: { store: 'ok', boss: 'ok' } })
    await stack.setFaults({ down: true })
    const notReady = await bff(stack, routes.ready, {})
    expect(notReady.status).toBe(503)
    expect(notReady.body).toEqual({ status: 'not_ready', checks: { store: 'ok', boss: 'fail' } })
    expect((await bff(stack, routes.live, {})).body).toEqual({ status: 'ok' })
  })
})

describe('a BFF configured with the wrong BOSS secret', () => {
  it('is not ready, and log-in fails as a BOSS error rather than "wrong card"', async () => {
    const wrong = await startStack({ bff: { bossSecret: 'not-the-secret' }, bossSecret: 'tvhall-dev-secret' })
    try {
      expect((await bff(wrong, routes.ready, {})).status).toBe(503)
      const sub = wrong.bySubscriber('normal')
      const res = await loose(bff(wrong, routes.openSession, { body: await sessionBody(wrong, sub) }))
      expect(res.status).toBe(502)
      expect(res.body.error.code).toBe('BOSS_ERROR')
    } finally {
      await wrong.close()
    }
  })
})
