import { HttpResponse } from 'msw'
import { Value } from '@sinclair/typebox/value'
import {
  SessionChallengeRequest,
  SessionRefreshRequest,
  SessionRequest,
  type SessionResponse,
} from '../src/contract/index.ts'
import { badRequest, errorResponse } from './errors.ts'
import { findDemoDevice, findDemoDeviceByCustomer, type MockDemoDevice } from './fixtures/households.ts'
import { beijingDateTime } from './fixtures/time.ts'
import { issueToken } from './tokens.ts'

/** Wrong box/card pairs tolerated per box and per card before the lock, and its length: the BFF's defaults. */
export const SESSION_MAX_FAILURES = 5
export const SESSION_LOCK_S = 900

interface Failures {
  count: number
  resetAt: number
}

export interface SessionOptions {
  now: () => Date
  ttlSeconds: number
}

/** Reads the body as the BFF does: JSON only, strict (an unknown property is a 400, not dropped). */
async function readBody(request: Request): Promise<unknown> {
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase()
  const text = await request.text()
  // Fastify reads text/plain as a string, which then fails the schema; other types it refuses outright.
  if (type.startsWith('text/plain')) return badRequest('body must be object')
  if (!type.startsWith('application/json'))
    return errorResponse(415, 'BAD_REQUEST', 'Content-Type must be application/json')
  if (text.trim() === '') return badRequest('request body is empty')
  try {
    return JSON.parse(text)
  } catch {
    return badRequest('request body is not valid JSON')
  }
}

type Resolver = (args: { request: Request }) => Promise<Response>

/**
 * The log-in of the mocks: challenge, session, refresh. The preview has no device keys, so a signature is only
 * checked for its form (the real BFF has the BOSS check it); pairs and the lock behave as the BFF's.
 */
export function createSessionResolver(opts: SessionOptions): {
  challenge: Resolver
  open: Resolver
  refresh: Resolver
} {
  const open = createOpenResolver(opts)
  const issue = (device: MockDemoDevice): SessionResponse => {
    const issued = issueToken(device, opts.now(), opts.ttlSeconds)
    return {
      token: issued.token,
      expiresIn: opts.ttlSeconds,
      expiresAt: beijingDateTime(issued.expiresAt),
      refreshToken: `mockrefresh.${device.customerId}.${Math.random().toString(36).slice(2)}`,
      refreshExpiresIn: 12 * 3600,
    }
  }
  return {
    open: (args) => open(args, issue),
    challenge: async ({ request }) => {
      const body = await readBody(request)
      if (body instanceof Response) return body
      if (!Value.Check(SessionChallengeRequest, body)) return badRequest('body.deviceId is not valid')
      const challenge = Array.from(
        { length: 32 },
        () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)],
      ).join('')
      return HttpResponse.json({ challenge, expiresIn: 60 })
    },
    refresh: async ({ request }) => {
      const body = await readBody(request)
      if (body instanceof Response) return body
      if (!Value.Check(SessionRefreshRequest, body)) return badRequest('body.refreshToken is not valid')
      const device = findDemoDeviceByCustomer(body.refreshToken.split('.')[1] ?? '')
      if (!device) return errorResponse(401, 'UNAUTHORIZED', 'The session token is not valid')
      return HttpResponse.json(issue(device))
    },
  }
}

function createOpenResolver(
  opts: SessionOptions,
): (args: { request: Request }, issue: (device: MockDemoDevice) => SessionResponse) => Promise<Response> {
  // Per handler set, i.e. per page load in the browser: enough to preview and test the lock.
  const failures = new Map<string, Failures>()

  const current = (key: string, nowMs: number): Failures | undefined => {
    const state = failures.get(key)
    if (state && state.resetAt <= nowMs) failures.delete(key)
    return failures.get(key)
  }

  return async ({ request }, issue) => {
    const body = await readBody(request)
    if (body instanceof Response) return body
    if (!Value.Check(SessionRequest, body)) {
      const first = Value.Errors(SessionRequest, body).First()
      return badRequest(`body${first ? first.path.replace(/\//g, '.') : ''} ${first ? first.message : 'is not valid'}`)
    }
    const nowMs = opts.now().getTime()
    const keys = [`dev:${body.deviceId}`, `card:${body.cardNo}`]
    for (const key of keys) {
      const state = current(key, nowMs)
      if (state && state.count >= SESSION_MAX_FAILURES) {
        return errorResponse(429, 'LOCKED', 'Too many wrong STB/card pairs; try again later', {
          retryAfter: Math.ceil((state.resetAt - nowMs) / 1000),
          attemptsLeft: 0,
        })
      }
    }
    const device = findDemoDevice(body.deviceId, body.cardNo)
    if (!device) {
      const counts = keys.map((key) => {
        const state = current(key, nowMs) ?? { count: 0, resetAt: nowMs + SESSION_LOCK_S * 1000 }
        state.count++
        failures.set(key, state)
        return state.count
      })
      return errorResponse(401, 'UNAUTHORIZED', 'This set-top box and smart card are not registered together', {
        attemptsLeft: Math.max(0, SESSION_MAX_FAILURES - Math.max(...counts)),
      })
    }
    for (const key of keys) failures.delete(key)
    return HttpResponse.json(issue(device))
  }
}
