import { Value } from '@sinclair/typebox/value'
import { PageQuery } from '../src/contract/index.ts'
import { badRequest } from './errors.ts'

/** The contract's own default, so the mocks page exactly like the BFF promises. */
const DEFAULT_LIMIT = PageQuery.properties.limit.default as number

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** The cursor is opaque to the app; the mocks keep the offset of the next item in it. */
const encodeCursor = (offset: number): string => `o${offset}`

function decodeCursor(cursor: string | undefined, total: number): number | undefined {
  if (cursor === undefined || cursor === '') return 0
  const match = /^o(\d{1,9})$/.exec(cursor)
  const offset = match ? Number(match[1]) : NaN
  return offset > 0 && offset < total ? offset : undefined
}

/** Ajv-style coercion: a numeric string becomes its number (so "2.5" stays fractional and fails). */
function asNumber(text: string): number | string {
  const n = Number(text)
  return text.trim() !== '' && Number.isFinite(n) ? n : text
}

/**
 * Reads `cursor` and `limit` as the BFF does: known keys only (unknown ones are dropped,
 * like Fastify's removeAdditional), numbers coerced, then checked against the contract's PageQuery.
 */
export function pageOf<T>(url: URL, all: readonly T[]): Page<T> | Response {
  const query: Record<string, unknown> = {}
  const cursor = url.searchParams.get('cursor')
  const limit = url.searchParams.get('limit')
  if (cursor !== null) query.cursor = cursor
  if (limit !== null) query.limit = asNumber(limit)
  if (!Value.Check(PageQuery, query)) {
    const first = Value.Errors(PageQuery, query).First()
    return badRequest(`querystring${first ? first.path : ''} ${first ? first.message : 'is invalid'}`)
  }
  const offset = decodeCursor(query.cursor, all.length)
  if (offset === undefined) return badRequest('cursor is not valid for this list')
  const end = offset + (query.limit ?? DEFAULT_LIMIT)
  const items = all.slice(offset, end)
  return end < all.length ? { items, nextCursor: encodeCursor(end) } : { items }
}
