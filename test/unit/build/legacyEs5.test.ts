/**
 * The legacy bundle must parse on Chrome 38-class engines: any ES2015+ syntax left in it (from our
 * code or from node_modules, e.g. Lightning core > 2.11) would leave those boxes with a blank screen.
 * Builds first when dist/ is missing or older than the sources.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'

const root = new URL('../../../', import.meta.url).pathname
const legacy = join(root, 'dist/js/app.legacy.js')
const modern = join(root, 'dist/js/app.modern.js')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}

function ensureBuilt(): void {
  const sources = Math.max(
    newestSource(join(root, 'src/app')),
    statSync(join(root, 'rollup.config.js')).mtimeMs,
    statSync(join(root, 'package-lock.json')).mtimeMs,
  )
  if (
    existsSync(legacy) &&
    existsSync(modern) &&
    statSync(legacy).mtimeMs >= sources &&
    statSync(modern).mtimeMs >= sources
  )
    return
  execFileSync(join(root, 'node_modules/.bin/rollup'), ['-c'], { cwd: root, stdio: 'pipe' })
}

function syntaxError(file: string, ecmaVersion: 5 | 2018): string | null {
  const code = readFileSync(file, 'utf8')
  try {
    parse(code, { ecmaVersion, sourceType: 'script' })
    return null
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0
    return `${(e as Error).message} near: ${code.slice(Math.max(0, pos - 80), pos + 40)}`
  }
}

describe('bundles', () => {
  it('legacy bundle is ES5 only (node_modules included)', { timeout: 240_000 }, () => {
    ensureBuilt()
    expect(syntaxError(legacy, 5)).toBeNull()
    // An IIFE that hands index.html its start function.
    expect(readFileSync(legacy, 'utf8')).toMatch(/^var tvHallApp\s*=/)
  })

  it('modern bundle stays within what noModule browsers (Chrome 61+) parse', { timeout: 240_000 }, () => {
    ensureBuilt()
    expect(syntaxError(modern, 2018)).toBeNull()
  })

  it('the ES5 check really rejects ES2015 syntax', () => {
    expect(() => parse('const f = () => 1', { ecmaVersion: 5 })).toThrow()
    expect(() => parse('var o = { a }', { ecmaVersion: 5 })).toThrow()
  })
})
