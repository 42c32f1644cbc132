import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../integration/harness.ts'

/**
 * Attack 5 of issue 15: lockout as a weapon. Failed log-ins that name a victim's box (without its key) must
 * never lock that box; limits key on the proven device and on the client address, the address taken from
 * X-Forwarded-For only when the request comes through a configured trusted proxy.
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { sessionMaxFailures: 5, trustProxy: ['127.0.0.1'] } })
})
afterAll(() => stack?.close())

const attempt = (deviceId: string, cardNo: string, from: string) =>
  api(stack, 'POST', '/api/v1/session', {
    body: { deviceId, cardNo, challenge: 'x'.repeat(32), signature: '0'.repeat(64) },
    headers: { 'x-forwarded-for': from },
  })

describe('failed log-ins aimed at a victim', () => {
  it('30 failures naming the victim box lock the attacker’s address, never the victim’s box', async () => {
    const victim = stack.bySubscriber('normal')
    const stranger = stack.bySubscriber('arrears')
    const answers = []
    for (let i = 0; i < 30; i++)
      answers.push((await attempt(victim.deviceId, i % 2 ? victim.cardNo : stranger.cardNo, '10.0.0.66')).status)
    expect(answers.every((s) => s === 401 || s === 429)).toBe(true)
    expect(answers.slice(-5)).toEqual([429, 429, 429, 429, 429])

    // The real box, from its own address behind the same proxy, opens its session.
    const token = await login(stack, victim, { headers: { 'x-forwarded-for': '10.0.0.7' } })
    expect((await api(stack, 'GET', '/api/v1/account', { token })).status).toBe(200)
  })

  it('an X-Forwarded-For from a client that is not a trusted proxy does not pick the address', async () => {
    const direct = await startStack({ bff: { sessionMaxFailures: 5 } })
    try {
      const victim = direct.bySubscriber('normal')
      const statuses = []
      for (let i = 0; i < 30; i++) {
        const res = await api(direct, 'POST', '/api/v1/session', {
          body: {
            deviceId: victim.deviceId,
            cardNo: victim.cardNo,
            challenge: 'x'.repeat(32),
            signature: '0'.repeat(64),
          },
          headers: { 'x-forwarded-for': `10.1.${i}.1` },
        })
        statuses.push(res.status)
      }
      // Rotating the header did not make a fresh address each time: the one real address was locked.
      expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429])
    } finally {
      await direct.close()
    }
  })
})
