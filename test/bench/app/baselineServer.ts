import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const ROOT = new URL('../../../', import.meta.url).pathname

/**
 * Serves the baseline app on loopback: its page, its bundles from dist-bench/, and the hall's settings.json.
 * `html` rewrites the page (the WPE bench puts its probe in, WebDriver having no evaluateOnNewDocument).
 */
export async function startBaselineServer(
  opts: { html?: (page: string) => string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const files: Record<string, [string, string]> = {
    '/': [`${ROOT}test/bench/baseline/index.html`, 'text/html; charset=utf-8'],
    '/settings.json': [`${ROOT}settings.json`, 'application/json'],
    '/js/baseline.modern.js': [`${ROOT}dist-bench/js/baseline.modern.js`, 'text/javascript'],
    '/js/baseline.legacy.js': [`${ROOT}dist-bench/js/baseline.legacy.js`, 'text/javascript'],
  }
  const server: Server = createServer((req, res) => {
    const found = files[(req.url ?? '/').split('?')[0]]
    if (!found || !existsSync(found[0])) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': found[1] })
    if (opts.html && found[0].endsWith('.html')) res.end(opts.html(readFileSync(found[0], 'utf8')))
    else createReadStream(found[0]).pipe(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) }
}
