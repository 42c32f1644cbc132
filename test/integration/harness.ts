import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { startBossStub } from '../../boss-stub/stub.ts'
import { seededBossDb } from '../seededBoss.ts'
import { computeSign } from '../../boss-stub/protocol/sign.ts'
import { signLogin } from '../../boss-stub/devices.ts'
import { Value } from '@sinclair/typebox/value'
import { ErrorBody, routes, type AnyRoute, type SessionResponse } from '../../src/contract/index.ts'
import { call, type Answer, type CallInput } from '../../src/contract/client.ts'
import { buildBff } from '../../src/bff/app.ts'
import { loadConfig, type BffConfig } from '../../src/bff/config.ts'

/**
 * The real BFF in front of the real boss-stub, on random loopback ports with throw-away SQLite
 * files. Shared by every integration suite: `const stack = await startStack()`.
 */

/** A demo household as the stub's `/admin/subscribers` lists it. */
export interface Subscriber {
  deviceId: string
  cardNo: string
  customerId: string
  name: string
  scenario: string
  status: 'normal' | 'arrears' | 'suspended'
  balanceFen: number
  arrearsFen: number
  pin: string
  /** Development provisioning only: the box's device key. */
  deviceKey: string
  [more: string]: unknown
}

export interface StackOptions {
  /** Overrides of the BFF config (e.g. `{ bossTimeoutMs: 300, tokenTtlSeconds: 1 }`). */
  bff?: Partial<BffConfig>
  /** Secret the stub expects from the TVHALL channel (default: the BFF's). */
  bossSecret?: string
  /** How fast the stub moves repair tickets on (1800: one state per second). */
  ticketSpeed?: number
}

export interface Stack {
  bossUrl: string
  bffUrl: string
  /** The stub's SQLite file, for tests that work out what to expect from the BOSS's own tables. */
  bossDbPath: string
  /** Demo households first; `bySubscriber('arrears')` picks one by scenario. */
  subscribers: Subscriber[]
  bySubscriber(scenario: string): Subscriber
  config: BffConfig
  bff: FastifyInstance
  /** Every log line the BFF wrote so far. */
  logs(): string
  /** PUT /admin/faults on the stub; `resetFaults()` turns them all off. */
  setFaults(faults: Record<string, unknown>): Promise<void>
  resetFaults(): Promise<void>
  close(): Promise<void>
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-stack-'))
  const lines: string[] = []
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString())
      cb()
    },
  })
  const base = loadConfig({})
  seededBossDb(join(dir, 'boss.sqlite'))
  const boss = await startBossStub({
    port: 0,
    dbPath: join(dir, 'boss.sqlite'),
    secret: opts.bossSecret ?? opts.bff?.bossSecret ?? base.bossSecret,
    ticketSpeed: opts.ticketSpeed,
  })
  let bff: FastifyInstance | undefined
  try {
    const config: BffConfig = {
      ...base,
      host: '127.0.0.1',
      port: 0,
      bossUrl: boss.url,
      storePath: join(dir, 'bff.sqlite'),
      logLevel: 'debug',
      // Suites about other things fire bursts from one box; the rate-limit tests set their own limits.
      rateLimitReadsPerMinute: 100_000,
      rateLimitStrictPerMinute: 10_000,
      ...opts.bff,
    }
    bff = await buildBff(config, { logDestination })
    await bff.listen({ port: 0, host: '127.0.0.1' })
    const address = bff.server.address()
    const bffUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const subscribers = (await (await fetch(`${boss.url}/admin/subscribers`)).json()) as Subscriber[]
    const app = bff
    const setFaults = async (faults: Record<string, unknown>) => {
      const res = await fetch(`${boss.url}/admin/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      })
      if (!res.ok) throw new Error(`faults refused: ${await res.text()}`)
    }
    return {
      bossUrl: boss.url,
      bffUrl,
      bossDbPath: join(dir, 'boss.sqlite'),
      subscribers,
      bySubscriber(scenario) {
        const found = subscribers.find((s) => s.scenario === scenario)
        if (!found) throw new Error(`no demo subscriber with scenario ${scenario}`)
        return found
      },
      config,
      bff: app,
      logs: () => lines.join(''),
      setFaults,
      resetFaults: async () => {
        const res = await fetch(`${boss.url}/admin/faults/reset`, { method: 'POST' })
        if (!res.ok) throw new Error(`fault reset refused: ${res.status}`)
      },
      async close() {
        await app.close()
        await boss.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await bff?.close()
    await boss.close()
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
}

export interface ApiAnswer<T = any> {
  status: number
  headers: Headers
  body: T
}

/** Call the BFF: `api(stack, 'GET', '/api/v1/account', { token })`. */
export async function api<T = any>(
  stack: Pick<Stack, 'bffUrl'>,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let body: string | undefined
  if (opts.rawBody !== undefined) body = opts.rawBody
  else if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json'
  const res = await fetch(`${stack.bffUrl}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON (static files, docs UI): keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T }
}

/**
 * Call the BFF through the client typed by the contract's route table: `bff(stack, routes.createOrder,
 * { token, idempotencyKey, body })`. Leaving out what the route needs (its Idempotency-Key, a token) does not compile.
 */
export const bff = <R extends AnyRoute>(
  stack: Pick<Stack, 'bffUrl'>,
  route: R,
  input: NoInfer<CallInput<R>>,
): Promise<Answer<R>> => call(stack.bffUrl, route, input)

/** A typed call's answer read loosely, as suites that read refusals and successes alike do. */
export async function loose(answer: Promise<{ status: number; headers: Headers; body: unknown }>): Promise<ApiAnswer> {
  const { status, headers, body } = await answer
  return { status, headers, body }
}

/** `[status, error.code, error.attemptsLeft]` of a refusal; `[status]` when the body is not an ErrorBody. */
export function refusal(res: { status: number; body: unknown }): [number, string?, number?] {
  if (!Value.Check(ErrorBody, res.body)) return [res.status]
  const { code, attemptsLeft } = res.body.error
  return attemptsLeft === undefined ? [res.status, code] : [res.status, code, attemptsLeft]
}

async function challengeFor(stack: Pick<Stack, 'bffUrl'>, sub: Box, headers?: Record<string, string>): Promise<string> {
  const issued = await bff(stack, routes.sessionChallenge, { body: { deviceId: sub.deviceId }, headers })
  if (!('challenge' in issued.body))
    throw new Error(`challenge refused: ${issued.status} ${JSON.stringify(issued.body)}`)
  return issued.body.challenge
}

/** A box as a test plays it: its identifiers and the device key the stub's development provisioning hands out. */
export type Box = Pick<Subscriber, 'deviceId' | 'cardNo'> & { deviceKey?: unknown }

/** A log-in body as the box sends it: a fresh challenge signed with the box's key (naming `cardNo`, by default its own). */
export async function sessionBody(
  stack: Pick<Stack, 'bffUrl'>,
  sub: Box,
  cardNo = sub.cardNo,
  headers?: Record<string, string>,
) {
  const challenge = await challengeFor(stack, sub, headers)
  const key = typeof sub.deviceKey === 'string' ? sub.deviceKey : '00'.repeat(32)
  return { deviceId: sub.deviceId, cardNo, challenge, signature: signLogin(key, sub.deviceId, cardNo, challenge) }
}

/**
 * Log in as the box does: ask for a challenge, sign it with the device key (HMAC-SHA256, as the TV app does),
 * open the session. Returns the token, or with `{ full: true }` the whole answer (refresh token included).
 */
export async function login(
  stack: Pick<Stack, 'bffUrl'>,
  sub: Box,
  opts?: { headers?: Record<string, string> },
): Promise<string>
export async function login(
  stack: Pick<Stack, 'bffUrl'>,
  sub: Box,
  opts: { full: true; headers?: Record<string, string> },
): Promise<SessionResponse>
export async function login(
  stack: Pick<Stack, 'bffUrl'>,
  sub: Box,
  opts: { full?: boolean; headers?: Record<string, string> } = {},
): Promise<string | SessionResponse> {
  if (typeof sub.deviceKey !== 'string')
    throw new Error(`no device key for ${sub.deviceId}: the stub hands them out in development only`)
  const challenge = await challengeFor(stack, sub, opts.headers)
  const res = await bff(stack, routes.openSession, {
    body: {
      deviceId: sub.deviceId,
      cardNo: sub.cardNo,
      challenge,
      signature: signLogin(sub.deviceKey, sub.deviceId, sub.cardNo, challenge),
    },
    headers: opts.headers,
  })
  if (!('token' in res.body)) throw new Error(`log-in failed: ${res.status} ${JSON.stringify(res.body)}`)
  return opts.full ? res.body : res.body.token
}

/**
 * Ask the stub directly over its own protocol (signed with the stub's own code, not the BFF's),
 * to hold what the BFF answers against what the BOSS holds. Resolves with `{ HEAD, BODY }`.
 */
export async function bossCall(
  stack: Pick<Stack, 'bossUrl' | 'config'>,
  svcCode: string,
  body: Record<string, string>,
): Promise<{ HEAD: Record<string, string>; BODY: Record<string, any> }> {
  const t = new Date(Date.now() + 8 * 3600_000).toISOString() // Beijing wall clock
  const reqTime = t.slice(0, 19).replace(/[-T:]/g, '')
  const head: Record<string, string> = {
    SVC_CODE: svcCode,
    CHNL_ID: stack.config.bossChannel,
    REQ_SEQ: `TEST${reqTime}${Math.floor(Math.random() * 1e9)}`,
    REQ_TIME: reqTime,
  }
  head.SIGN = computeSign({ ...head, ...body }, stack.config.bossSecret)
  const res = await fetch(`${stack.bossUrl}/boss/gateway`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ HEAD: head, BODY: body }),
  })
  return (await res.json()) as { HEAD: Record<string, string>; BODY: Record<string, any> }
}
