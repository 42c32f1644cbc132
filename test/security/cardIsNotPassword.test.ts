import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signLogin } from '../../boss-stub/devices.ts'
import { api, login, startStack, type Stack, type Subscriber } from '../integration/harness.ts'

/**
 * Attack 2 of issue 15: the card number was the password. deviceId and cardNo are printed on the box and the
 * card; a session must need the box's device key (challenge-response, not replayable) and a card paired with it.
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const challenge = async (deviceId: string) => {
  const res = await api(stack, 'POST', '/api/v1/session/challenge', { body: { deviceId } })
  expect(res.status).toBe(200)
  return res.body.challenge as string
}
const open = (body: Record<string, string>) => api(stack, 'POST', '/api/v1/session', { body })
const signed = async (sub: Pick<Subscriber, 'deviceId' | 'cardNo'>, key: string, cardNo = sub.cardNo) => {
  const c = await challenge(sub.deviceId)
  return { deviceId: sub.deviceId, cardNo, challenge: c, signature: signLogin(key, sub.deviceId, cardNo, c) }
}

describe('opening a session', () => {
  it('the STB id and card number alone open nothing', async () => {
    const victim = stack.bySubscriber('normal')
    const res = await open({ deviceId: victim.deviceId, cardNo: victim.cardNo })
    expect(res.status).toBe(400)
    expect(res.body.token).toBeUndefined()
  })

  it('a signature under any key but the box’s own is refused', async () => {
    const victim = stack.bySubscriber('normal')
    const res = await open(await signed(victim, '00'.repeat(32)))
    expect(res.status).toBe(401)
  })

  it('a challenge is good for one log-in of the box it was given to', async () => {
    const sub = stack.bySubscriber('normal')
    const body = await signed(sub, String(sub.deviceKey))
    expect((await open(body)).status).toBe(200)
    expect((await open(body)).status).toBe(401) // replayed
    const other = stack.bySubscriber('arrears')
    const foreign = await challenge(other.deviceId)
    const res = await open({
      ...body,
      challenge: foreign,
      signature: signLogin(String(sub.deviceKey), sub.deviceId, sub.cardNo, foreign),
    })
    expect(res.status).toBe(401)
  })

  it('a proven box with a card not paired to it is refused; after a re-pair at the BOSS it opens', async () => {
    const box = stack.bySubscriber('normal')
    const stranger = stack.bySubscriber('arrears')
    const res = await open(await signed(box, String(box.deviceKey), stranger.cardNo))
    expect(res.status).toBe(401)
    // The operator provisions a replacement box and moves the card to it (换机).
    const provisioned = await fetch(`${stack.bossUrl}/admin/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'STBNEW0001' }),
    })
    const { deviceKey } = (await provisioned.json()) as { deviceKey: string }
    const moved = await fetch(`${stack.bossUrl}/admin/pairings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'STBNEW0001', cardNo: stranger.cardNo }),
    })
    expect(moved.status).toBe(200)
    const token = await login(stack, { deviceId: 'STBNEW0001', cardNo: stranger.cardNo, deviceKey })
    const account = await api(stack, 'GET', '/api/v1/account', { token })
    expect(account.status).toBe(200)
    // The old box no longer opens the household.
    expect((await open(await signed(stranger, String(stranger.deviceKey)))).status).toBe(401)
  })
})
