import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OperatorSessionPath, type SessionResponse } from '../../src/contract/index.ts'
import { api, login, startStack, type Stack, type Subscriber } from '../integration/harness.ts'

/**
 * Issue 15, "a revocation list serves logout, card swap and operator action": a token issued before the
 * operator ended a household's or a box's sessions, or before the household's card moved to another box,
 * opens nothing. One stack for the file; each attack uses its own household.
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack?.close()
})

const operator = () => ({
  authorization: `Basic ${Buffer.from(`${stack.config.usage.operatorUser}:${stack.config.usage.operatorPassword}`).toString('base64')}`,
})
const revoke = (body: unknown, headers: Record<string, string> = operator()) =>
  api(stack, 'POST', OperatorSessionPath.revoke, { body, headers })
const account = (token: string) => api(stack, 'GET', '/api/v1/account', { token })
const refresh = (session: SessionResponse) =>
  api(stack, 'POST', '/api/v1/session/refresh', { body: { refreshToken: session.refreshToken } })
/** Demo households no other test here touches. */
const household = (i: number): Subscriber =>
  stack.subscribers.filter((s) => s.scenario === 'normal' || s.status === 'normal')[i]

describe('sessions ended by the operator', () => {
  it("a box's token is no operator login: it cannot end anyone's sessions", async () => {
    const [attacker, victim] = [household(0), household(1)]
    const victimSession = await login(stack, victim, { full: true })
    const token = await login(stack, attacker)
    const withBoxToken = await revoke({ customerId: victim.customerId }, { authorization: `Bearer ${token}` })
    expect(withBoxToken.status).toBe(401)
    expect((await revoke({ customerId: victim.customerId }, {})).status).toBe(401)
    expect(
      (
        await revoke(
          { customerId: victim.customerId },
          { authorization: `Basic ${Buffer.from('operator:guess').toString('base64')}` },
        )
      ).status,
    ).toBe(401)
    expect((await account(victimSession.token)).status).toBe(200)
  })

  it("a household's tokens from before the operator ended its sessions are refused; its new log-in works; others keep theirs", async () => {
    const [target, neighbour] = [household(2), household(3)]
    const before = await login(stack, target, { full: true })
    const other = await login(stack, neighbour, { full: true })
    expect((await account(before.token)).status).toBe(200)

    const ended = await revoke({ customerId: target.customerId })
    expect(ended.status).toBe(200)
    expect(ended.body).toMatchObject({ revoked: 'household', id: target.customerId })
    expect((await account(before.token)).status).toBe(401)
    expect((await refresh(before)).status).toBe(401)
    expect((await account(other.token)).status).toBe(200)

    const again = await login(stack, target, { full: true })
    expect((await account(again.token)).status).toBe(200)
    const turned = await refresh(again)
    expect(turned.status).toBe(200)
  })

  it("a box's tokens from before the operator ended its sessions are refused", async () => {
    const target = household(4)
    const before = await login(stack, target, { full: true })
    const ended = await revoke({ deviceId: target.deviceId })
    expect(ended.status).toBe(200)
    expect(ended.body).toMatchObject({ revoked: 'box', id: target.deviceId })
    expect((await account(before.token)).status).toBe(401)
    expect((await refresh(before)).status).toBe(401)
    expect((await account(await login(stack, target))).status).toBe(200)
  })

  it('asks for exactly one of household or box, in their formats', async () => {
    for (const body of [{}, { customerId: 'C1', deviceId: 'STB1' }, { customerId: "C' OR 1=1" }, { deviceId: 'a/b' }]) {
      expect((await revoke(body)).status).toBe(400)
    }
  })
})

describe('a card swapped into another box (换机)', () => {
  it("refuses the old box's tokens from before the swap; the new box logs in to the same household", async () => {
    const moved = household(5)
    const old = await login(stack, moved, { full: true })
    expect((await account(old.token)).status).toBe(200)

    // The counter provisions the replacement box and pairs the viewer's card with it.
    const admin = (path: string, body: unknown) =>
      fetch(`${stack.bossUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const replacement = (await (await admin('/admin/devices', { deviceId: 'STBSWAP00001' })).json()) as {
      deviceId: string
      deviceKey: string
    }
    expect((await admin('/admin/pairings', { deviceId: replacement.deviceId, cardNo: moved.cardNo })).status).toBe(200)

    // The old box's next refresh finds the card gone at the BOSS: refused, and the box's access token with it.
    expect((await refresh(old)).status).toBe(401)
    expect((await account(old.token)).status).toBe(401)
    // Whoever holds the old box cannot log in with the card's number either.
    await expect(login(stack, moved)).rejects.toThrow(/401/)

    const fresh = await login(stack, { ...replacement, cardNo: moved.cardNo }, { full: true })
    const seen = await account(fresh.token)
    expect(seen.status).toBe(200)
    expect((await refresh(fresh)).status).toBe(200)
  })
})
