import { Type, type Static, type TSchema } from '@sinclair/typebox'

/** Money is integer fen end to end; it is formatted only at display. */
export const Fen = Type.Integer({ description: 'amount in fen (1/100 yuan)' })

/** Calendar date in the operator's time zone (Asia/Shanghai), `YYYY-MM-DD`. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })

/** Instant with offset, e.g. `2026-11-22T20:15:00+08:00`. */
export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' })

export const ErrorCode = Type.Union([
  Type.Literal('BAD_REQUEST'),
  Type.Literal('UNAUTHORIZED'),
  Type.Literal('TOKEN_EXPIRED'),
  Type.Literal('FORBIDDEN'),
  Type.Literal('NOT_FOUND'),
  Type.Literal('CONFLICT'),
  Type.Literal('UNPROCESSABLE'),
  Type.Literal('RATE_LIMITED'),
  Type.Literal('LOCKED'),
  Type.Literal('INSUFFICIENT_BALANCE'),
  Type.Literal('WRONG_PIN'),
  Type.Literal('PRODUCT_CONFLICT'), // already subscribed, mutually exclusive, not orderable (orders.ts)
  Type.Literal('OVER_SPENDING_LIMIT'), // the household's monthly spending limit (orders.ts)
  Type.Literal('CARD_INVALID'), // prepaid card number or password wrong (topups.ts)
  Type.Literal('CARD_USED'),
  Type.Literal('CARD_EXPIRED'),
  Type.Literal('CARD_NOT_ALLOWED'), // another region's card, or a value this account cannot take
  Type.Literal('BOSS_ERROR'),
  Type.Literal('BOSS_UNAVAILABLE'),
  Type.Literal('BOSS_TIMEOUT'),
  Type.Literal('INTERNAL'),
])
export type ErrorCode = Static<typeof ErrorCode>

/** Every non-2xx answer of the BFF has this body. `message` is for people (operators, logs); the TV shows its own text per `code`. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: ErrorCode,
    message: Type.String(),
    /** Seconds until a lock or rate limit ends, or until a retry makes sense. */
    retryAfter: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Attempts left before a lock (wrong PIN, wrong card password). */
    attemptsLeft: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
})
export type ErrorBody = Static<typeof ErrorBody>

/** Cursor paging for lists that can be long. */
export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]*$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type PageQuery = Static<typeof PageQuery>

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    /** Absent on the last page. */
    nextCursor: Type.Optional(Type.String()),
  })

/** Header that makes a money-moving POST safe to repeat (the same key never acts twice). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
