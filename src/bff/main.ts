import { buildBff } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'

/** `node src/bff/main.ts`: the BFF as a process, configured from the environment. */

let config
try {
  config = loadConfig(process.env)
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`bff: ${err.message}\n`)
    process.exit(2)
  }
  throw err
}

const logger = createLogger({ level: config.logLevel })
const app = await buildBff(config, { logger })
await app.listen({ port: config.port, host: config.host })
const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
const base = `http://${shown}:${port}`
app.log.info(
  {
    api: `${base}/api/v1`,
    docs: `${base}/api/docs`,
    app: config.staticDir ? `${base}/` : undefined,
    boss: config.bossUrl,
  },
  `BFF listening on ${base} (docs ${base}/api/docs)`,
)

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down: no new requests, finishing those in flight')
  // Should a request hang, do not hang the orchestrator's rollout with it.
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting')
    process.exit(1)
  }, 15_000)
  force.unref()
  try {
    await app.close() // stops listening, waits for in-flight requests, then closes the BOSS pool and the store
    app.log.info('stopped')
    await new Promise<void>((resolve) => logger.flush(() => resolve()))
    process.exit(0)
  } catch (err) {
    app.log.error({ err }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
