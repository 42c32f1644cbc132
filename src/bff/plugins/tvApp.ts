import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/**
 * Serves the built TV app (`dist/`) at `/` and works out what its CSP must allow: the boot
 * script inlined in index.html (by hash). No 'unsafe-eval': the build replaces Lightning core's `new Function`
 * code with closures and fails if any remains (src/build/lightningNoEval.js).
 */

/** `'sha256-…'` sources for every inline <script> of the app's index.html. */
export function inlineScriptHashes(root: string): string[] {
  const index = join(root, 'index.html')
  if (!existsSync(index)) return []
  const html = readFileSync(index, 'utf8')
  const hashes: string[] = []
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  }
  return hashes
}

/** script-src for the app: hashes for CSP2+ engines; 'unsafe-inline' only for CSP1 boxes, which ignore hashes (CSP2+ ignores it when a hash is present). */
export function tvAppScriptSources(root: string | undefined): string[] {
  if (!root) return ["'self'"]
  const hashes = inlineScriptHashes(root)
  return ["'self'", ...hashes, ...(hashes.length > 0 ? ["'unsafe-inline'"] : [])]
}

/** Files of development builds (previews, the emulator, the inspector) that a production server never serves. */
export const DEVELOPMENT_ONLY =
  /^\/(?:mockServiceWorker\.js|emulator\.[a-z]+|js\/(?:mocks|emulator|lightning-inspect(?:\.es5)?)\.js)$/

async function tvAppPlugin(app: FastifyInstance, opts: { root: string; production: boolean }) {
  if (!existsSync(join(opts.root, 'index.html'))) {
    app.log.warn({ root: opts.root }, 'STATIC_DIR has no index.html: build the TV app first (npm run build)')
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: '/',
    index: 'index.html',
    // Boxes keep a small cache; a new build must show up without a power cycle.
    cacheControl: true,
    maxAge: 0,
    // Even if a development build was deployed by mistake, production serves only what boxes need.
    allowedPath: (pathName) => !(opts.production && DEVELOPMENT_ONLY.test(pathName)),
  })
}

export default fp(tvAppPlugin, { name: 'tvhall-tv-app' })
