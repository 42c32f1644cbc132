import { badRequest } from './errors.ts'

/**
 * Cursors are opaque to the box (base64url of a small key), so the BFF may change how it pages
 * without breaking boxes in the field. A cursor the BFF did not make is a 400, not a 500.
 */

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(parts.join('\n'), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string, count: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('\n')
  if (parts.length !== count || parts.some((p) => p === ''))
    throw badRequest('query.cursor is not a cursor this API gave out')
  return parts
}

/** Keyset paging over an already sorted list: the page after the item whose key is in the cursor. */
export function pageAfter<T>(
  items: T[],
  opts: {
    cursor?: string
    limit: number
    keySize: number
    key: (item: T) => string[]
    isAfter: (item: T, key: string[]) => boolean
  },
): { items: T[]; nextCursor?: string } {
  let start = 0
  if (opts.cursor) {
    const key = decodeCursor(opts.cursor, opts.keySize)
    start = items.findIndex((item) => opts.isAfter(item, key))
    if (start < 0) start = items.length
  }
  const page = items.slice(start, start + opts.limit)
  const last = page[page.length - 1]
  return start + opts.limit < items.length && last !== undefined
    ? { items: page, nextCursor: encodeCursor(opts.key(last)) }
    : { items: page }
}
