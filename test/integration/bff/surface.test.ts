import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiPath } from '../../../src/contract/index.ts'
import { api, startStack, type Stack } from '../harness.ts'

let stack: Stack
let staticDir: string
const ORIGIN = 'http://emulator.test:5173'
const BOOT = "\n  (function () { 'use strict'; var s = document.createElement('script'); s.src = 'app.js'; })();\n"

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'tvhall-dist-'))
  writeFileSync(
    join(staticDir, 'index.html'),
    `<!doctype html><title>TV hall</title><script>${BOOT}</script><script src="app.js"></script>`,
  )
  writeFileSync(join(staticDir, 'app.js'), 'console.log("hall")')
  stack = await startStack({ bff: { staticDir, corsOrigins: [ORIGIN] } })
})
afterAll(async () => {
  await stack?.close()
  rmSync(staticDir, { recursive: true, force: true })
})

describe('OpenAPI', () => {
  it('serves a valid OpenAPI document listing every route with its schemas', async () => {
    const res = await api(stack, 'GET', '/api/docs/json')
    expect(res.status).toBe(200)
    const doc = res.body
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy()
    const paths = Object.keys(doc.paths)
    for (const p of [
      ApiPath.session,
      ApiPath.account,
      ApiPath.bills,
      '/api/v1/bills/{billId}',
      ApiPath.payments,
      '/healthz',
      '/readyz',
    ]) {
      expect(paths).toContain(p)
    }
    const session = doc.paths[ApiPath.session].post
    expect(session.requestBody.content['application/json'].schema.required).toEqual([
      'deviceId',
      'cardNo',
      'challenge',
      'signature',
    ]) // the box proves itself (issue 15)
    expect(Object.keys(session.responses)).toEqual(expect.arrayContaining(['200', '400', '401']))
    expect(doc.paths[ApiPath.account].get.security).toEqual([{ bearer: [] }])
    expect(doc.paths[ApiPath.bills].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'cursor',
      'limit',
    ])
  })

  it('serves the swagger UI and its assets under its own CSP', async () => {
    const page = await api(stack, 'GET', '/api/docs/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    const scripts = [...String(page.body).matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1])
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) {
      const asset = await fetch(new URL(src, `${stack.bffUrl}/api/docs/`))
      expect(asset.status, src).toBe(200)
      await asset.arrayBuffer()
    }
    expect(String(page.body)).not.toMatch(/<script>[^<]/) // no inline script the CSP would block
  })
})

describe('HTTP surface', () => {
  it('serves the built TV app at / with security headers that let it run', async () => {
    const index = await api(stack, 'GET', '/')
    expect(index.status).toBe(200)
    expect(String(index.body)).toContain('TV hall')
    const csp = index.headers.get('content-security-policy') ?? ''
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '))!
    const bootHash = `'sha256-${createHash('sha256').update(BOOT).digest('base64')}'`
    // an inline script of the served index.html by hash, never by 'unsafe-inline'; no eval (the build replaces
    // Lightning core's `new Function` code). The real index.html has none (test/security/inlineCode.test.ts).
    expect(scriptSrc.split(' ')).toEqual(expect.arrayContaining(["'self'", bootHash]))
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    expect(csp).not.toContain("'unsafe-inline'")
    expect(csp).toContain('worker-src')
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(index.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect((await api(stack, 'GET', '/app.js')).status).toBe(200)
  })

  it('answers unknown routes with a 404 ErrorBody', async () => {
    for (const path of ['/api/v1/nope', '/nope.js']) {
      const res = await api(stack, 'GET', path)
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('NOT_FOUND')
    }
  })

  it('allows CORS only for configured origins', async () => {
    const pre = (origin: string) =>
      fetch(`${stack.bffUrl}/api/v1/session`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    const allowed = await pre(ORIGIN)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const denied = await pre('http://evil.test')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
  })
})
