import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { IDEMPOTENCY_HEADER, type ErrorBody, type ErrorCode } from '../../contract/index.ts'
import { ApiError } from '../errors.ts'
import { BossAnswerError, BossRefusedError, BossTimeoutError, BossUnavailableError } from '../domain/errors.ts'

/**
 * The one place that turns any failure into the contract's ErrorBody. Bad input is always a 4xx
 * with a message naming the field; only our own bugs are 500s.
 */

interface AjvIssue {
  keyword: string
  instancePath: string
  message?: string
  params: Record<string, unknown>
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'BAD_REQUEST',
  409: 'CONFLICT',
  411: 'BAD_REQUEST',
  413: 'BAD_REQUEST',
  414: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
}

/** `body.cardNo must be 16 digits`-style text from the first ajv issue. */
export function validationMessage(issues: AjvIssue[], part: string | undefined): string {
  const issue = issues[0]
  if (!issue) return 'request is not valid'
  if (part === 'headers') {
    // Header names arrive lower-cased; the message names them as the contract spells them.
    const missing = issue.params.missingProperty
    const raw = typeof missing === 'string' ? missing : issue.instancePath.slice(1)
    const name = raw === IDEMPOTENCY_HEADER.toLowerCase() ? IDEMPOTENCY_HEADER : raw
    return issue.keyword === 'required'
      ? `${name} header is required for this request`
      : `${name} header has the wrong format`
  }
  const where = part === 'querystring' ? 'query' : (part ?? 'request')
  const base = [where, ...issue.instancePath.split('/').filter(Boolean)].join('.')
  const p = issue.params
  switch (issue.keyword) {
    case 'required':
      return `${base}.${String(p.missingProperty)} is required`
    case 'additionalProperties':
      return `${base}.${String(p.additionalProperty)} is not allowed`
    case 'type':
      return `${base} must be ${String(p.type)}`
    case 'pattern':
      return `${base} has the wrong format`
    case 'maxLength':
      return `${base} must be at most ${String(p.limit)} characters`
    case 'minLength':
      return `${base} must be at least ${String(p.limit)} characters`
    case 'maximum':
    case 'minimum':
      return `${base} ${issue.message ?? 'is out of range'}`
    default:
      return `${base} ${issue.message ?? 'is not valid'}`
  }
}

export function toErrorReply(
  err: unknown,
  bodyLimit: number,
): { status: number; body: ErrorBody; level: 'info' | 'warn' | 'error' } {
  const body = (code: ErrorCode, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody => ({
    error: { code, message, ...extra },
  })
  if (err instanceof ApiError) {
    const extra: Partial<ErrorBody['error']> = {}
    if (err.retryAfter !== undefined) extra.retryAfter = err.retryAfter
    if (err.attemptsLeft !== undefined) extra.attemptsLeft = err.attemptsLeft
    return { status: err.statusCode, body: body(err.code, err.message, extra), level: 'info' }
  }
  if (err instanceof BossUnavailableError) {
    return {
      status: 503,
      body: body('BOSS_UNAVAILABLE', 'The BOSS is not available right now; try again shortly', { retryAfter: 10 }),
      level: 'warn',
    }
  }
  if (err instanceof BossTimeoutError) {
    return {
      status: 504,
      body: body('BOSS_TIMEOUT', 'The BOSS did not answer in time; try again shortly', { retryAfter: 5 }),
      level: 'warn',
    }
  }
  // Business refusals an adapter did not turn into something more specific.
  if (err instanceof BossRefusedError && err.refusal === 'customerGone') {
    // The token's customer is gone from the BOSS: the box must open a new session.
    return {
      status: 401,
      body: body('UNAUTHORIZED', 'This box is no longer registered; open a new session'),
      level: 'warn',
    }
  }
  if (err instanceof BossRefusedError && err.refusal === 'noSuchRecord') {
    return { status: 404, body: body('NOT_FOUND', 'No such record for this account'), level: 'info' }
  }
  if (err instanceof BossRefusedError && err.refusal === 'accountSuspended') {
    return { status: 403, body: body('FORBIDDEN', 'The account is suspended for arrears'), level: 'info' }
  }
  if (err instanceof BossAnswerError) {
    return { status: 502, body: body('BOSS_ERROR', 'The BOSS gave an answer the hall cannot use'), level: 'error' }
  }
  const fe = err as Partial<FastifyError> & { validation?: AjvIssue[] }
  if (fe.validation) {
    return {
      status: 400,
      body: body('BAD_REQUEST', validationMessage(fe.validation, fe.validationContext)),
      level: 'info',
    }
  }
  const status = fe.statusCode
  if (status && status >= 400 && status < 500) {
    let message = fe.message ?? 'bad request'
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body is larger than ${bodyLimit} bytes`
    else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'Content-Type must be application/json'
    else if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') message = 'request body is empty'
    else if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      message = 'request body is not valid JSON'
    return { status, body: body(STATUS_CODES[status] ?? 'BAD_REQUEST', message), level: 'info' }
  }
  return { status: 500, body: body('INTERNAL', 'Something went wrong in the hall; try again'), level: 'error' }
}

async function errorsPlugin(app: FastifyInstance, opts: { bodyLimit: number }) {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, level } = toErrorReply(err, opts.bodyLimit)
    // Expected 4xx answers need no stack trace; failures do.
    if (level === 'info') request.log.info({ code: body.error.code, status }, body.error.message)
    else request.log[level]({ err, code: body.error.code, status }, body.error.message)
    if (body.error.retryAfter !== undefined) reply.header('retry-after', String(body.error.retryAfter))
    return reply.code(status).send(body)
  })

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'NOT_FOUND', message: `No such resource: ${request.method} ${request.url.split('?')[0]}` },
    }
    return reply.code(404).send(body)
  })
}

export default fp(errorsPlugin, { name: 'tvhall-errors' })
