import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startStack, type Stack } from '../harness.ts'
import { badRequests, type Operation } from './badInputs.ts'

// Generated malformed requests over every route the OpenAPI document lists: never a 5xx, never a crash.
// 3,000 in `npm test` (about 30 s on the 2-core CI box; the property test of issue 21 covers the document's schemas
// beside it); BAD_INPUT_COUNT=10000 or more for a longer run.
const COUNT = Number(process.env.BAD_INPUT_COUNT ?? 3_000)
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { logLevel: 'warn' } })
})
afterAll(() => stack?.close())

describe('bad-input run', () => {
  it(`answers ${COUNT} malformed requests over all routes with no 5xx`, async () => {
    const doc = (await (await fetch(`${stack.bffUrl}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const ops: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    )
    ops.push({ method: 'GET', path: '/m/complaint/{draftId}' }, { method: 'POST', path: '/api/v1/{x}' })
    expect(ops.length).toBeGreaterThan(25)
    const tokens = await Promise.all(stack.subscribers.slice(0, 3).map((s) => login(stack, s)))
    const requests = badRequests(ops, tokens, 20261122, COUNT)
    const statuses = new Map<number, number>()
    const fives: string[] = []
    let next = 0
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++]
        const res = await fetch(`${stack.bffUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body })
        await res.arrayBuffer()
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        if (res.status >= 500)
          fives.push(`${res.status} ${r.method} ${r.path.slice(0, 120)} ${String(r.body).slice(0, 120)}`)
      }
    }
    await Promise.all(Array.from({ length: 16 }, worker))
    const total = [...statuses.values()].reduce((a, b) => a + b, 0)
    console.log(
      `bad-input run: ${total} requests over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    )
    expect(total).toBe(COUNT)
    expect(fives).toEqual([])
    // Still alive and serving.
    expect((await fetch(`${stack.bffUrl}/healthz`)).status).toBe(200)
    expect((await fetch(`${stack.bffUrl}/readyz`)).status).toBe(200)
  }, 120_000)
})
