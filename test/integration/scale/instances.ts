import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildBff } from '../../../src/bff/app.ts'
import type { BffConfig } from '../../../src/bff/config.ts'

/** One more BFF instance beside a stack's own (same BOSS, same Redis, same JWT key), as a load balancer would see it. */
export interface BffInstance {
  bffUrl: string
  app: FastifyInstance
  logs(): string
  close(): Promise<void>
}

export async function startInstance(config: BffConfig): Promise<BffInstance> {
  const lines: string[] = []
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString())
      cb()
    },
  })
  const app = await buildBff({ ...config, port: 0 }, { logDestination })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return {
    bffUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    app,
    logs: () => lines.join(''),
    close: () => app.close(),
  }
}
