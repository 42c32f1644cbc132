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
 * Reads the query as the BFF does: numbers coerced, then checked against the contract's PageQuery,
 * whose additionalProperties: false makes an unknown or repeated parameter a 400.
 */
export function pageOf<T>(url: URL, all: readonly T[]): Page<T> | Response {
  const query: Record<string, unknown> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    query[key] = values.length > 1 ? values : key === 'limit' ? asNumber(values[0]) : values[0]
  }
  if (!Value.Check(PageQuery, query)) {
    const first = Value.Errors(PageQuery, query).First()
    return badRequest(`query${first ? first.path.replace(/\//g, '.') : ''} ${first ? first.message : 'is not valid'}`)
  }
  const offset = decodeCursor(query.cursor, all.length)
  if (offset === undefined) return badRequest('cursor is not valid for this list')
  const end = offset + (query.limit ?? DEFAULT_LIMIT)
  const items = all.slice(offset, end)
  return end < all.length ? { items, nextCursor: encodeCursor(end) } : { items }
}
