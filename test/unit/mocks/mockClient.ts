import type { SetupServer } from 'msw/node'
import { createHandlers, type MockHandlerOptions } from '../../../mocks/handlers.ts'
import { mockDemoDevice } from '../../../mocks/fixtures/households.ts'
import type { ScenarioName } from '../../../mocks/scenarios.ts'

/** A made-up origin: only msw answers it, so a request that slips past the mocks fails loudly. */
export const ORIGIN = 'http://bff.mock.test'

export interface Answer {
  status: number
  body: any
  headers: Headers
}

export function useScenario(server: SetupServer, scenario: ScenarioName, opts: MockHandlerOptions = {}): void {
  server.resetHandlers(...createHandlers(scenario, { baseUrl: ORIGIN, ...opts }))
}

export async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  const res = await fetch(ORIGIN + path, { ...init, headers })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers }
}

export const postJson = (path: string, body: unknown): Promise<Answer> =>
  call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

/** The signed part of a log-in body: the mocks check its form only (the preview has no device keys). */
export const PROOF = { challenge: 'c'.repeat(32), signature: '0'.repeat(64) }

export async function login(device: { deviceId: string; cardNo: string } = mockDemoDevice): Promise<string> {
  const res = await postJson('/api/v1/session', { deviceId: device.deviceId, cardNo: device.cardNo, ...PROOF })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** Follows nextCursor to the end, returning every item in order and the number of pages. */
export async function walk(path: string, token: string, limit?: number): Promise<{ items: any[]; pages: number }> {
  const items: any[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const query = new URLSearchParams()
    if (limit !== undefined) query.set('limit', String(limit))
    if (cursor !== undefined) query.set('cursor', cursor)
    const res = await call(`${path}?${query}`, { token })
    if (res.status !== 200) throw new Error(`${path} page ${pages}: ${res.status} ${JSON.stringify(res.body)}`)
    items.push(...res.body.items)
    cursor = res.body.nextCursor
    pages++
    if (pages > 100) throw new Error('paging does not end')
  } while (cursor !== undefined)
  return { items, pages }
}
