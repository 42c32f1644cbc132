import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { AccessLog, createLogger } from '../../../src/bff/log.ts'

/** One access line per request, carrying what the two default lines carried, still redacted. */
describe('access log', () => {
  it('writes one line per request with method, url, status and time; secrets in the url masked', async () => {
    const lines: Record<string, unknown>[] = []
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
        cb()
      },
    })
    const app = Fastify({ loggerInstance: createLogger({ destination }), logController: new AccessLog() })
    app.get('/x', async () => ({ ok: true }))
    await app.inject({ method: 'GET', url: '/x?pin=735194' })
    await app.inject({ method: 'GET', url: '/missing' })
    await app.close()
    const access = lines.filter((l) => l.msg === 'request completed')
    expect(lines.filter((l) => l.msg === 'incoming request')).toEqual([])
    expect(access).toHaveLength(2)
    expect(access[0]).toMatchObject({ req: { method: 'GET', url: '/x?pin=***' }, res: { statusCode: 200 } })
    expect(typeof access[0].responseTime).toBe('number')
    expect(access[1]).toMatchObject({ req: { url: '/missing' }, res: { statusCode: 404 } })
    expect(JSON.stringify(lines)).not.toContain('735194')
  })
})
