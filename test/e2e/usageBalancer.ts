import { createServer, request, type IncomingMessage, type Server } from 'node:http'

/**
 * A round-robin load balancer in front of BFF instances, as an operator's would be: the TV app has one
 * origin, requests go to the instances in turn, and one refused by a stopped instance (never received)
 * goes to the next (a connection a request each, so a stopped instance refuses rather than resets). It also keeps the usage batches the box sent, to hold the store against them.
 */
export interface Balancer {
  url: string
  /** Where requests go; changed by the test (one instance, then two). */
  upstreams: string[]
  /** Every usage batch the box sent (retries included), and which upstream answered it with what status. */
  usageBatches: { upstream: string; batchId: string; eventIds: string[] }[]
  close(): Promise<void>
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((ok, fail) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => ok(Buffer.concat(chunks)))
    req.on('error', fail)
  })

export async function startBalancer(upstreams: string[]): Promise<Balancer> {
  let next = 0
  const b: Balancer = { url: '', upstreams, usageBatches: [], close: async () => {} }
  const forward = (
    req: IncomingMessage,
    body: Buffer,
    tries: number,
  ): Promise<IncomingMessage & { upstream: string }> => {
    const upstream = b.upstreams[next++ % b.upstreams.length]
    return new Promise((ok, fail) => {
      const out = request(
        `${upstream}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers, agent: false },
        (res) => ok(Object.assign(res, { upstream })),
      )
      out.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && tries > 1) forward(req, body, tries - 1).then(ok, fail)
        else fail(err)
      })
      out.end(body)
    })
  }
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      let sent: Balancer['usageBatches'][number] | undefined
      if (req.method === 'POST' && req.url === '/api/v1/usage/events') {
        const batch = JSON.parse(body.toString()) as { batchId: string; events: { id: string }[] }
        sent = { upstream: '', batchId: batch.batchId, eventIds: batch.events.map((e) => e.id) }
        b.usageBatches.push(sent)
      }
      try {
        const answer = await forward(req, body, b.upstreams.length)
        if (sent) sent.upstream = `${answer.upstream} ${answer.statusCode}`
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      } catch {
        res.writeHead(502).end()
      }
    })()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  b.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  b.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections()
      server.close(() => r())
    })
  return b
}
