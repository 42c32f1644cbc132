import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, pageAfter } from '../../../src/bff/paging.ts'
import { ApiError } from '../../../src/bff/errors.ts'

type Item = { month: string; id: string }
// newest month first, then id descending
const items: Item[] = [
  { month: '2026-10', id: 'B9' },
  { month: '2026-10', id: 'B8' },
  { month: '2026-09', id: 'B7' },
  { month: '2026-08', id: 'B6' },
  { month: '2026-07', id: 'B5' },
]
const opts = {
  keySize: 2,
  key: (i: Item) => [i.month, i.id],
  isAfter: (i: Item, [m, id]: string[]) => i.month < m || (i.month === m && i.id < id),
}

describe('cursor paging', () => {
  it('round-trips cursors and only accepts well-formed ones', () => {
    const c = encodeCursor(['2026-10', 'B9'])
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(c, 2)).toEqual(['2026-10', 'B9'])
    expect(() => decodeCursor(c, 3)).toThrow(ApiError)
    expect(() => decodeCursor(encodeCursor(['x', '']), 2)).toThrow(/cursor/)
  })

  it('walks every item exactly once, page by page', () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = pageAfter(items, { ...opts, cursor, limit: 2 })
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen).toEqual(['B9', 'B8', 'B7', 'B6', 'B5'])
    expect(pages).toBe(3)
  })

  it('has no next cursor when the page ends the list exactly', () => {
    expect(pageAfter(items, { ...opts, limit: 5 }).nextCursor).toBeUndefined()
    expect(pageAfter(items, { ...opts, limit: 4 }).nextCursor).toBeDefined()
    expect(pageAfter([], { ...opts, limit: 4 })).toEqual({ items: [] })
  })

  it('continues after the cursor even if that item has since gone', () => {
    const page = pageAfter(
      items.filter((i) => i.id !== 'B8'),
      { ...opts, cursor: encodeCursor(['2026-10', 'B8']), limit: 2 },
    )
    expect(page.items.map((i) => i.id)).toEqual(['B7', 'B6'])
  })
})
