import { signLogin } from '../../../boss-stub/devices.ts'
import type { TSchema } from '@sinclair/typebox'
import { expect } from 'vitest'
import { ErrorBody, type ErrorCode } from '../../../src/contract/index.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'

/** A BFF to hold to the contract: its origin and boxes that can open a session there. */
export interface ContractTarget {
  baseUrl: string
  /** [0] must have bills and payments; [1], if present, is another household. */
  devices: readonly ContractDevice[]
  /** A box the lock-out test may lock (its own failures lock it), kept apart from the devices other suites use. */
  spare?: ContractDevice
  /** A token of devices[0] that has run out (built by the target: a real one needs its signing key). */
  expiredToken?: () => Promise<string>
  /** Takes the BOSS away (true) and brings it back (false). */
  setBossDown?: (down: boolean) => Promise<void>
}

export interface Answer {
  status: number
  contentType: string
  /** The Retry-After header, null when absent. */
  retryAfter: string | null
  body: any
}

/** Plain global fetch: msw/node intercepts it for the mocks, and it reaches a real BFF unchanged. */
export async function send(
  target: ContractTarget,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  const res = await fetch(target.baseUrl + path, { ...init, headers })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // Left as text: the schema assertions will say what came instead of JSON.
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    retryAfter: res.headers.get('retry-after'),
    body,
  }
}

export const postJson = (target: ContractTarget, path: string, body: unknown): Promise<Answer> =>
  send(target, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

export function expectConforms(schema: TSchema, answer: Answer, what: string): void {
  expect(answer.contentType, `${what}: content-type`).toMatch(/^application\/json/)
  expect(schemaErrors(schema, answer.body), `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toEqual([])
}

export function expectOk(schema: TSchema, answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200)
  expectConforms(schema, answer, what)
}

export function expectError(answer: Answer, status: number, code: ErrorCode, what: string): void {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status)
  expectConforms(ErrorBody, answer, what)
  expect((answer.body as ErrorBody).error.code, what).toBe(code)
}

/** A box: its identifiers, and its device key where the target checks it (the mocks have none). */
export interface ContractDevice {
  deviceId: string
  cardNo: string
  customerId?: string
  deviceKey?: string
}

/** The body of a log-in as the box sends it: the target's challenge signed with the device key (naming `cardNo`). */
export async function sessionBody(target: ContractTarget, device: ContractDevice, cardNo = device.cardNo) {
  const issued = await postJson(target, '/api/v1/session/challenge', { deviceId: device.deviceId })
  if (issued.status !== 200) throw new Error(`challenge for ${device.deviceId}: ${issued.status}`)
  const challenge = issued.body.challenge as string
  return {
    deviceId: device.deviceId,
    cardNo,
    challenge,
    signature: signLogin(device.deviceKey ?? '00'.repeat(32), device.deviceId, cardNo, challenge),
  }
}

const sessions = new Map<string, Promise<string>>()

/** One session per box and target, reused across tests as a box would (and so rate limits are not hit). */
export function openSession(target: ContractTarget, device = target.devices[0]): Promise<string> {
  const key = `${target.baseUrl} ${device.deviceId} ${device.cardNo}`
  let token = sessions.get(key)
  if (!token) {
    token = sessionBody(target, device)
      .then((body) => postJson(target, '/api/v1/session', body))
      .then((res) => {
        if (res.status !== 200)
          throw new Error(`session for ${device.deviceId}: ${res.status} ${JSON.stringify(res.body)}`)
        return res.body.token as string
      })
    token.catch(() => sessions.delete(key))
    sessions.set(key, token)
  }
  return token
}

/** Follows nextCursor to the end, checking every page against `pageSchema`. */
export async function walkPages(
  target: ContractTarget,
  path: string,
  token: string,
  pageSchema: TSchema,
  limit: number,
): Promise<{ items: any[]; pages: number }> {
  const items: any[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const query = new URLSearchParams({ limit: String(limit) })
    if (cursor !== undefined) query.set('cursor', cursor)
    const res = await send(target, `${path}?${query}`, { token })
    expectOk(pageSchema, res, `${path} page ${pages + 1}`)
    expect(res.body.items.length, `${path} page ${pages + 1} size`).toBeLessThanOrEqual(limit)
    // A page that promises more but carries nothing would let a client loop forever.
    if (res.body.nextCursor !== undefined) expect(res.body.items.length).toBeGreaterThan(0)
    items.push(...res.body.items)
    cursor = res.body.nextCursor
    pages++
    if (pages > 200) throw new Error(`${path}: paging does not end`)
  } while (cursor !== undefined)
  return { items, pages }
}
