import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, login, startStack, type Stack } from '../integration/harness.ts'

/**
 * Markup an attacker gets into a page (a complaint's text, a product name from the BOSS, a poisoned cache) must
 * neither run script nor restyle the page: no page the BFF serves allows 'unsafe-inline' or 'unsafe-eval'. The
 * TV app boots from files (static/boot.js, static/boot.css), so its CSP is 'self' alone, which CSP1 engines that
 * ignore hashes honour too; the phone and operator pages keep their own <style>, allowed by hash and nothing else.
 * test/e2e/csp.test.ts runs the pages in Chromium under these headers.
 */
const ROOT = resolve(import.meta.dirname, '../..')
const INDEX = readFileSync(join(ROOT, 'static/index.html'), 'utf8')

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  )
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
const inlineStyles = (html: string) => [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1])

/** The CSP of an answer: no inline code or eval anywhere, scripts from 'self' only. */
function strictCsp(csp: string | null, what: string) {
  expect(csp, what).toBeTruthy()
  expect(csp, what).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/)
  const d = directives(csp ?? '')
  expect(d.get('script-src'), what).toEqual(["'self'"])
  expect(d.get('script-src-attr'), what).toEqual(["'none'"])
  expect(d.get('style-src-attr'), what).toEqual(["'none'"])
  return d
}

describe("the TV app's page", () => {
  it('has no inline script, style or event attribute: a CSP of files alone runs it, on CSP1 engines too', () => {
    expect(INDEX).not.toMatch(/<script\b(?![^>]*\bsrc\s*=)[^>]*>/i)
    expect(INDEX).not.toMatch(/<style\b/i)
    expect(INDEX).not.toMatch(/\s(style|on[a-z]+)\s*=/i)
    for (const file of ['static/boot.js', 'static/boot.css']) expect(INDEX).toContain(`"${file}"`)
  })
})

describe('a production server', () => {
  let stack: Stack
  let dist: string
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tvhall-dist-'))
    cpSync(join(ROOT, 'static'), join(dist, 'static'), { recursive: true })
    cpSync(join(ROOT, 'static/index.html'), join(dist, 'index.html'))
    stack = await startStack({ bff: { nodeEnv: 'production', apiDocs: true, staticDir: dist } })
  })
  afterAll(async () => {
    await stack?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('serves the TV app, its boot files and the API under a CSP of files only', async () => {
    for (const path of ['/', '/static/boot.js', '/static/boot.css', '/api/v1/account', '/healthz']) {
      const res = await api(stack, 'GET', path)
      expect(res.status, path).toBe(path === '/api/v1/account' ? 401 : 200)
      const d = strictCsp(res.headers.get('content-security-policy'), path)
      expect(d.get('style-src')?.[0], path).toBe("'self'")
    }
  })

  it('allows the phone and operator pages their own <style> by hash, and nothing else inline', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    const draft = await api(stack, 'POST', '/api/v1/complaints/drafts', { token })
    const phone = await api(stack, 'GET', new URL(String(draft.body.phoneUrl)).pathname)
    const gone = await api(stack, 'GET', '/m/complaint/AAAAAAAAAAAAAAAAAAAAAAAA')
    const { operatorUser, operatorPassword } = stack.config.usage
    const operator = await api(stack, 'GET', '/operator/usage', {
      headers: { authorization: `Basic ${Buffer.from(`${operatorUser}:${operatorPassword}`).toString('base64')}` },
    })
    const pages = { phone, gone, operator }
    const own = (res: { body: unknown }) => inlineStyles(String(res.body)).map(hashOf)
    const allowed = new Set(Object.values(pages).flatMap(own))
    for (const [what, res] of Object.entries(pages)) {
      expect(res.status, what).toBe(what === 'gone' ? 404 : 200)
      expect(String(res.body), what).not.toMatch(/<script\b(?![^>]*\bsrc\s*=)[^>]*>|\s(style|on[a-z]+)\s*=/i)
      const styleSrc = strictCsp(res.headers.get('content-security-policy'), what).get('style-src') ?? []
      expect(own(res).length, what).toBeGreaterThan(0)
      expect(styleSrc, what).toEqual(expect.arrayContaining(own(res)))
      // 'self' and these pages' hashes: a <style> an attacker writes into any page matches none of them.
      expect(
        styleSrc.filter((s) => s !== "'self'" && !allowed.has(s)),
        what,
      ).toEqual([])
    }
  })

  it('serves the API docs, where configured, under their own CSP without inline code', async () => {
    const docs = await api(stack, 'GET', '/api/docs/')
    expect(docs.status).toBe(200)
    expect(String(docs.body)).not.toMatch(/<script\b(?![^>]*\bsrc\s*=)[^>]*>|<style\b/i)
    expect(strictCsp(docs.headers.get('content-security-policy'), 'docs').get('style-src')).toEqual(["'self'"])
  })
})
