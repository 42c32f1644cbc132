import { HttpResponse } from 'msw'
import type { ErrorBody, ErrorCode } from '../src/contract/index.ts'

/** Seconds the app should wait before retrying while the BOSS is down. */
export const BOSS_RETRY_AFTER_S = 10

type ErrorExtras = Omit<ErrorBody['error'], 'code' | 'message'>

/** Every non-2xx answer carries the contract's ErrorBody, as the BFF's does. */
export function errorResponse(status: number, code: ErrorCode, message: string, extras: ErrorExtras = {}): Response {
  const body: ErrorBody = { error: { code, message, ...extras } }
  const headers: Record<string, string> = {}
  if (extras.retryAfter !== undefined) headers['Retry-After'] = String(extras.retryAfter)
  return HttpResponse.json(body, { status, headers })
}

export const badRequest = (message: string): Response => errorResponse(400, 'BAD_REQUEST', message)

export const unauthorized = (message: string): Response => errorResponse(401, 'UNAUTHORIZED', message)

export const notFound = (message: string): Response => errorResponse(404, 'NOT_FOUND', message)

export const bossUnavailable = (): Response =>
  errorResponse(503, 'BOSS_UNAVAILABLE', 'BOSS is not answering', { retryAfter: BOSS_RETRY_AFTER_S })
