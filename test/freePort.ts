import { createServer } from 'node:net'

/**
 * A loopback port free right now, for a server that is told its port (a BFF that must come back on the same
 * address, Redis, WebDriver, `npm start`'s two servers). Another process may take it before the server binds:
 * rare, and the server's start then fails loudly.
 */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
