import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { Socket } from 'node:net'
import { join } from 'node:path'
import helmet from 'helmet'
import { OPERATOR_PAGE_HTML } from './analytics/page/html.ts'
import { PHONE_PAGE_CSS } from './phone/complaintPage.ts'

/**
 * One Content-Security-Policy for everything the BFF serves: the TV app, the phone page behind the complaint QR
 * code, the operator's report page (the API docs send their own, plugins/docs.ts). No 'unsafe-eval' (the build
 * replaces Lightning core's `new Function` code, src/build/lightningNoEval.js) and no 'unsafe-inline': the TV app
 * boots from files (static/boot.js, static/boot.css), which holds on CSP1 engines that know no hashes too; the
 * phone and operator pages' own <style> are allowed by hash (only phones and desktops open them). An attacker who
 * gets markup into a page can neither run script nor restyle it.
 */

/** `'sha256-…'`: the source that allows exactly this inline script or style text (CSP Level 2). */
export const hashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** Hash sources for each inline <script> (one without `src`) or <style> block of a page. */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const block =
    tag === 'script' ? /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi : /<style\b[^>]*>([\s\S]*?)<\/style>/gi
  return [...html.matchAll(block)].map((m) => hashSource(m[1]))
}

/** The TV app's index.html as served from `staticDir` ('' without one). */
function tvAppIndex(staticDir: string | undefined): string {
  const index = staticDir ? join(staticDir, 'index.html') : ''
  return index && existsSync(index) ? readFileSync(index, 'utf8') : ''
}

/**
 * The headers helmet sets on every response, worked out once at start: its middleware run against a recorder.
 * Nothing in this configuration depends on the request (no CSP nonce, no directive function), so every answer
 * gets the same object, set through fastify's reply (one header object handed to Node's `writeHead`) instead of
 * 13 `res.setHeader` calls per request, which were the largest allocation site in the BFF's profile (issue 22).
 */
export function securityHeaders(staticDir: string | undefined): Readonly<Record<string, string>> {
  // Taken as the CommonJS exports, not `import … from 'node:http'`: an ES import of node:http builds its namespace
  // by reading every export, and its lazy WebSocket/MessageEvent getters load Node's whole internal fetch (undici,
  // a 745 KB source; 1.5 MB of the BFF's RSS measured) that the BFF never uses (issue 22, the BFF's sixth pass).
  const { IncomingMessage, ServerResponse } = process.getBuiltinModule('node:http')
  // A real response that is never sent: helmet sets its headers on it, and they are read back.
  const req = new IncomingMessage(new Socket())
  const res = new ServerResponse(req)
  let done = false
  securityMiddleware(staticDir)(req, res, (err) => {
    if (err) throw err instanceof Error ? err : new Error('helmet refused its configuration')
    done = true
  })
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined) headers[name] = String(value)
  // helmet 8 sets its headers synchronously; a version that did not would leave responses unprotected here.
  if (!done || Object.keys(headers).length === 0) throw new Error('helmet did not set its headers synchronously')
  return Object.freeze(headers)
}

/** helmet's middleware with the hall's policy. */
function securityMiddleware(staticDir: string | undefined) {
  // The deployed index.html has no inline code; a copy that carries its own (the WPE benchmark's probe) is
  // allowed by hash, never by 'unsafe-inline'.
  const index = tvAppIndex(staticDir)
  const styles = [
    ...inlineHashes(index, 'style'),
    ...inlineHashes(OPERATOR_PAGE_HTML, 'style'),
    hashSource(PHONE_PAGE_CSS),
  ]
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        scriptSrc: ["'self'", ...inlineHashes(index, 'script')],
        scriptSrcAttr: ["'none'"],
        // Lightning decodes images in a blob: worker and draws posters from the operator's CDN.
        workerSrc: ["'self'", 'blob:'],
        imgSrc: ["'self'", 'data:', 'blob:', 'http:', 'https:'],
        mediaSrc: ["'self'", 'blob:', 'http:', 'https:'],
        // Lightning, Chart.js and the inspector style elements through CSSOM (element.style), which CSP allows.
        styleSrc: ["'self'", ...new Set(styles)],
        styleSrcAttr: ["'none'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'blob:', 'data:'],
        // No upgrade-insecure-requests: boxes and operators reach the hall over plain HTTP.
      },
    },
    // Boxes may load the app over plain HTTP inside the operator's network: HSTS is sent only over TLS (app.ts).
    hsts: false,
    crossOriginEmbedderPolicy: false,
  })
}
