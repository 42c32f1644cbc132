import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, sessionBody, startStack, type Stack } from '../integration/harness.ts'

/**
 * Small leaks: a client-chosen x-request-id lands in every log line of its request, so only a bounded plain
 * format is kept; box ids, card numbers and device keys never reach the logs in clear.
 */
let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

describe('request ids and identifiers in logs', () => {
  it('keeps a plain request id, replaces a long or odd one', async () => {
    const plain = 'box-req-0001'
    await api(stack, 'GET', '/api/v1/account', { headers: { 'x-request-id': plain } })
    const odd = `evil"} {"level":60,"msg":"forged line ${'x'.repeat(300)}`
    await api(stack, 'GET', '/api/v1/account', { headers: { 'x-request-id': odd } })
    const logs = stack.logs()
    expect(logs).toContain(`"reqId":"${plain}"`)
    expect(logs).not.toContain('forged line')
    expect(logs).not.toContain('x'.repeat(100))
  })

  it('logs box ids hashed, card numbers masked, device keys and signatures never', async () => {
    const sub = stack.bySubscriber('normal')
    const token = await login(stack, sub)
    await api(stack, 'GET', `/api/v1/account?deviceId=${sub.deviceId}&deviceKey=${sub.deviceKey}`, { token })
    await api(stack, 'POST', '/api/v1/session', {
      body: await sessionBody(stack, sub, stack.bySubscriber('arrears').cardNo),
    })
    const logs = stack.logs()
    expect(logs).toContain('session opened')
    for (const s of stack.subscribers.slice(0, 20)) {
      expect(logs).not.toContain(s.deviceId)
      expect(logs).not.toContain(s.cardNo)
      expect(logs).not.toContain(s.deviceKey)
    }
    expect(logs).toMatch(/dev#[0-9a-f]{10}/)
  })
})
