import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/**
 * Serves the built TV app (`dist/`) at `/`. What its CSP allows is in ../csp.ts: scripts and styles from 'self'
 * only (the boot script and its stylesheet are files), no 'unsafe-inline', no 'unsafe-eval'.
 */

/** Files of development builds (previews, the emulator, the inspector) that a production server never serves. */
export const DEVELOPMENT_ONLY =
  /^\/(?:mockServiceWorker\.js|emulator\.[a-z]+|js\/(?:mocks|emulator|lightning-inspect(?:\.es5)?)\.js)$/

async function tvAppPlugin(app: FastifyInstance, opts: { root: string; production: boolean }) {
  if (!existsSync(join(opts.root, 'index.html'))) {
    app.log.warn({ root: opts.root }, 'STATIC_DIR has no index.html: build the TV app first (npm run build)')
  }
  // Loaded only where the BFF serves the app itself (≈ 1.2 MB of heap with glob and send); most deployments do not.
  const fastifyStatic = (await import('@fastify/static')).default
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
