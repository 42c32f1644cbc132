import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startStack, type Stack } from '../integration/harness.ts'

/**
 * Production serves only production: the production build leaves out the mocks, msw's worker, the emulator and
 * the inspector; a production server refuses them even from a development build, hides /api/docs unless
 * configured, and sends HSTS only over TLS (told by a trusted proxy).
 */
const ROOT = resolve(import.meta.dirname, '../..')
const DEV_ONLY = /(^|\/)(mocks\.js|mockServiceWorker\.js|emulator\.(html|js|css)|lightning-inspect(\.es5)?\.js)$/

/** Every file the rollup config would write, as it reads the environment. */
const PRINT_OUTPUTS =
  "const c = (await import('./rollup.config.js')).default; console.log(JSON.stringify(c.map((o) => o.output.file)))"

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
}

describe('the production build', () => {
  it('lists only what boxes need in dist/', () => {
    const out = mkdtempSync(join(tmpdir(), 'tvhall-dist-'))
    try {
      // The legacy pass (minutes: it transpiles every dependency) writes one file, whatever the build: it is
      // named from the production config below, and the rest of dist/ is the real production build's.
      const r = spawnSync(join(ROOT, 'node_modules/.bin/rollup'), ['-c', '--silent'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', TVHALL_DIST: out, TVHALL_MODERN_ONLY: '1' },
        encoding: 'utf8',
      })
      expect(r.status, r.stderr).toBe(0)
      const listed = files(out)
      expect(listed).toEqual(expect.arrayContaining(['index.html', 'settings.json', 'js/app.modern.js']))
      expect(listed.filter((f) => DEV_ONLY.test(f))).toEqual([])
      const outputs = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-e', PRINT_OUTPUTS], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', TVHALL_DIST: out, TVHALL_MODERN_ONLY: '' },
        encoding: 'utf8',
      })
      expect(outputs.status, outputs.stderr).toBe(0)
      const planned = (JSON.parse(outputs.stdout) as string[]).map((f) => relative(out, f))
      expect(planned).toEqual(expect.arrayContaining(['js/app.modern.js', 'js/app.legacy.js']))
      expect(planned.filter((f) => DEV_ONLY.test(f))).toEqual([])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 600_000)
})

describe('a production server', () => {
  let stack: Stack
  let dist: string
  beforeAll(async () => {
    // A development build deployed by mistake: every file a development build has.
    dist = mkdtempSync(join(tmpdir(), 'tvhall-devdist-'))
    mkdirSync(join(dist, 'js'))
    for (const f of [
      'index.html',
      'settings.json',
      'mockServiceWorker.js',
      'emulator.html',
      'js/app.modern.js',
      'js/mocks.js',
      'js/emulator.js',
      'js/lightning-inspect.js',
      'js/lightning-inspect.es5.js',
    ]) {
      writeFileSync(join(dist, f), f.endsWith('.html') ? '<!DOCTYPE html><title>电视营业厅</title>' : '{}')
    }
    stack = await startStack({
      bff: { nodeEnv: 'production', apiDocs: false, staticDir: dist, trustProxy: ['127.0.0.1'] },
    })
  })
  afterAll(async () => {
    await stack?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('serves the app but not the mocks, the worker, the emulator or the inspector', async () => {
    expect((await api(stack, 'GET', '/')).status).toBe(200)
    expect((await api(stack, 'GET', '/js/app.modern.js')).status).toBe(200)
    for (const path of [
      '/mockServiceWorker.js',
      '/emulator.html',
      '/js/mocks.js',
      '/js/emulator.js',
      '/js/lightning-inspect.js',
      '/js/lightning-inspect.es5.js',
    ]) {
      expect((await api(stack, 'GET', path)).status, path).toBe(404)
    }
  })

  it('has no /api/docs unless configured', async () => {
    expect((await api(stack, 'GET', '/api/docs')).status).toBe(404)
    expect((await api(stack, 'GET', '/api/docs/json')).status).toBe(404)
  })

  it('sends HSTS over TLS (as a trusted proxy reports it), never over plain HTTP', async () => {
    expect((await api(stack, 'GET', '/healthz')).headers.get('strict-transport-security')).toBeNull()
    const tls = await api(stack, 'GET', '/healthz', { headers: { 'x-forwarded-proto': 'https' } })
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })
})
