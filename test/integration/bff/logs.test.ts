import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack, sessionBody } from '../harness.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

/** Every string value of every log line, minus random ids that could contain any digits by chance. */
function loggedStrings(logs: string): string[] {
  const out: string[] = []
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (key !== 'reqId' && key !== 'seq') out.push(v)
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
  }
  for (const line of logs.split('\n').filter(Boolean)) walk(JSON.parse(line))
  return out
}

describe('logs of a run', () => {
  it('never contain a full card number or a PIN, wherever a client put them', async () => {
    const [a, b, c] = stack.subscribers
    const token = await login(stack, a)
    await api(stack, 'GET', '/api/v1/account', { token })
    // wrong pair, extra fields carrying secrets, secrets in the URL and path
    await api(stack, 'POST', '/api/v1/session', { body: await sessionBody(stack, a, b.cardNo) })
    await api(stack, 'POST', '/api/v1/session', {
      body: { ...(await sessionBody(stack, c)), pin: c.pin, cardPassword: '88776655' },
    })
    await api(stack, 'GET', `/api/v1/account?cardNo=${c.cardNo}&pin=${c.pin}`, { token })
    await api(stack, 'GET', `/api/v1/bills/${b.cardNo}`, { token })
    await api(stack, 'GET', `/api/v1/nope/${c.cardNo}?purchasePin=${a.pin}`)
    await api(stack, 'POST', '/api/v1/session', { rawBody: `{"cardNo":"${a.cardNo}","pin":"${a.pin}"` })
    await stack.setFaults({ down: true })
    await api(stack, 'POST', '/api/v1/session', { body: await sessionBody(stack, a) })
    await stack.resetFaults()

    const logs = stack.logs()
    expect(logs.length).toBeGreaterThan(1000)
    for (const s of stack.subscribers) expect(logs).not.toContain(s.cardNo)
    expect(logs).not.toContain(token)
    expect(logs).toContain(`${c.cardNo.slice(0, 4)}********${c.cardNo.slice(-4)}`) // masked, still traceable
    const strings = loggedStrings(logs)
    for (const pin of new Set([a.pin, b.pin, c.pin, '88776655'])) {
      expect(strings.filter((s) => s.includes(pin))).toEqual([])
    }
  })
})
