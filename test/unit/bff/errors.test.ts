import { describe, expect, it } from 'vitest'
import { toErrorReply, validationMessage } from '../../../src/bff/plugins/errors.ts'
import { ApiError } from '../../../src/bff/errors.ts'
import {
  BossBusinessError,
  BossProtocolError,
  BossTimeoutError,
  BossUnavailableError,
} from '../../../src/bff/boss/bossErrors.ts'

describe('validationMessage', () => {
  const issue = (keyword: string, instancePath: string, params: Record<string, unknown>, message?: string) => [
    { keyword, instancePath, params, message },
  ]
  it('names the field in words a person can act on', () => {
    expect(validationMessage(issue('required', '', { missingProperty: 'cardNo' }), 'body')).toBe(
      'body.cardNo is required',
    )
    expect(validationMessage(issue('additionalProperties', '', { additionalProperty: 'x' }), 'body')).toBe(
      'body.x is not allowed',
    )
    expect(validationMessage(issue('type', '/cardNo', { type: 'string' }), 'body')).toBe('body.cardNo must be string')
    expect(validationMessage(issue('pattern', '/billId', { pattern: '^x$' }), 'params')).toBe(
      'params.billId has the wrong format',
    )
    expect(validationMessage(issue('maxLength', '/deviceId', { limit: 32 }), 'body')).toBe(
      'body.deviceId must be at most 32 characters',
    )
    expect(validationMessage(issue('minimum', '/limit', { limit: 1 }, 'must be >= 1'), 'querystring')).toBe(
      'query.limit must be >= 1',
    )
    expect(validationMessage([], 'body')).toBe('request is not valid')
  })
})

describe('toErrorReply', () => {
  it('maps every kind of failure to a status and contract code', () => {
    const cases: [unknown, number, string][] = [
      [new ApiError(404, 'NOT_FOUND', 'x'), 404, 'NOT_FOUND'],
      [new BossUnavailableError('down'), 503, 'BOSS_UNAVAILABLE'],
      [new BossTimeoutError('slow'), 504, 'BOSS_TIMEOUT'],
      [new BossProtocolError('bad'), 502, 'BOSS_ERROR'],
      [new BossBusinessError('3003', 'conflict', {}), 502, 'BOSS_ERROR'],
      [new BossBusinessError('2001', 'no customer', {}), 401, 'UNAUTHORIZED'],
      [new BossBusinessError('2002', 'no record', {}), 404, 'NOT_FOUND'],
      [new BossBusinessError('2003', 'suspended', {}), 403, 'FORBIDDEN'],
      [
        Object.assign(new Error('v'), {
          validation: [{ keyword: 'required', instancePath: '', params: { missingProperty: 'a' } }],
          validationContext: 'body',
        }),
        400,
        'BAD_REQUEST',
      ],
      [Object.assign(new Error('big'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), 413, 'BAD_REQUEST'],
      [Object.assign(new Error('many'), { statusCode: 429 }), 429, 'RATE_LIMITED'],
      [new TypeError('undefined is not a function'), 500, 'INTERNAL'],
      ['a thrown string', 500, 'INTERNAL'],
    ]
    for (const [err, status, code] of cases) {
      const reply = toErrorReply(err, 16384)
      expect([reply.status, reply.body.error.code]).toEqual([status, code])
      expect(reply.body.error.message.length).toBeGreaterThan(0)
    }
  })

  it('never leaks internals of a 500 to the box', () => {
    const reply = toErrorReply(new Error('SQLITE_CORRUPT at /srv/bff.sqlite'), 16384)
    expect(reply.body.error.message).not.toContain('SQLITE')
  })

  it('carries retry hints and attempts left', () => {
    const reply = toErrorReply(new ApiError(429, 'LOCKED', 'wait', { retryAfter: 30, attemptsLeft: 0 }), 16384)
    expect(reply.body.error).toEqual({ code: 'LOCKED', message: 'wait', retryAfter: 30, attemptsLeft: 0 })
    expect(toErrorReply(new BossUnavailableError('x'), 1).body.error.retryAfter).toBeGreaterThan(0)
  })
})
