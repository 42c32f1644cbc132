import type { ErrorCode } from '../contract/index.ts'

/** An error the BFF answers on purpose: it carries its HTTP status and contract code. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly statusCode: number
  readonly code: ErrorCode
  readonly retryAfter: number | undefined
  readonly attemptsLeft: number | undefined
  /**
   * The BOSS judged the purchase PIN (or card password) right before it refused for this reason (product
   * conflict, spending limit, balance): the row of wrong tries ends here.
   */
  readonly secretAccepted: boolean

  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    extra: { retryAfter?: number; attemptsLeft?: number; secretAccepted?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause })
    this.statusCode = statusCode
    this.code = code
    this.retryAfter = extra.retryAfter
    this.attemptsLeft = extra.attemptsLeft
    this.secretAccepted = extra.secretAccepted === true
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BAD_REQUEST', message)
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message)
