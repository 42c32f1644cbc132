import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import baseTheme from '@lightningjs/ui-components-theme-base'
import { THEME_IMAGE_FILES, themeImages } from '../../../src/app/lib/themeImages.ts'

const STATIC = new URL('../../../static/', import.meta.url).pathname

/** Every string of `theme` by its dotted path. */
function strings(theme: unknown, path: string[] = []): [string, string][] {
  if (typeof theme === 'string') return [[path.join('.'), theme]]
  if (!theme || typeof theme !== 'object') return []
  return Object.entries(theme).flatMap(([k, v]) => strings(v, [...path, k]))
}

/** The base theme with the hall's part laid over it, as ui-components' merge does for plain values. */
function over(base: unknown, top: unknown): unknown {
  if (!top || typeof top !== 'object' || !base || typeof base !== 'object') return top ?? base
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [k, v] of Object.entries(top)) out[k] = over(out[k], v)
  return out
}

const base64 = strings(baseTheme).filter(([, v]) => v.startsWith('data:image/'))

describe('theme images as files (issue 22: no base64 turned into blobs at boot)', () => {
  it('the base theme still has base64 images, and every one has its file', () => {
    expect(base64.length).toBeGreaterThan(0)
    expect(base64.map(([p]) => p).sort()).toEqual(Object.keys(THEME_IMAGE_FILES).sort())
  })

  it('each file holds the very image it replaces', () => {
    for (const [path, uri] of base64) {
      const file = readFileSync(STATIC + THEME_IMAGE_FILES[path])
      expect(file.equals(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64')), path).toBe(true)
    }
  })

  it('laid over the base theme, no base64 image is left, each path names its file', () => {
    const theme = over(
      baseTheme,
      themeImages((file) => `/hall/static/${file}`),
    )
    const left = strings(theme).filter(([, v]) => v.startsWith('data:image/'))
    expect(left).toEqual([])
    const byPath = new Map(strings(theme))
    for (const [path, file] of Object.entries(THEME_IMAGE_FILES)) expect(byPath.get(path)).toBe(`/hall/static/${file}`)
  })
})
