import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, maskCardNo, maskPhone, redactText } from '../../../src/bff/log.ts'

function capture() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString())
      cb()
    },
  })
  return { lines, logger: createLogger({ level: 'debug', destination }) }
}

const CARD = '8100123456780001'
const PHONE = '13812345678'
const PIN = '735194'
const CARD_PWD = 'Zq81xY0p'
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcklkIjoiQzEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ'

describe('masking helpers', () => {
  it('masks card numbers and phones keeping the ends', () => {
    expect(maskCardNo(CARD)).toBe('8100********0001')
    expect(maskCardNo('1234')).toBe('****')
    expect(maskPhone(PHONE)).toBe('138****5678')
  })
})

describe('log redaction', () => {
  it('masks secrets anywhere in a log line', () => {
    const { lines, logger } = capture()
    logger.info({ body: { deviceId: 'STB0001', cardNo: CARD, pin: PIN } }, 'session for card %s', CARD)
    logger.info({
      req: { method: 'POST', url: `/api/v1/x?cardNo=${CARD}&pin=${PIN}`, headers: { authorization: `Bearer ${JWT}` } },
    })
    logger.warn({ nested: { deeper: { CARD_PWD, PIN, purchasePin: Number(PIN), token: JWT, phone: PHONE } } })
    logger.error(new Error(`BOSS said: card ${CARD} phone ${PHONE} token ${JWT}`))
    logger.debug({ bossBody: { CARD_NO: CARD, STB_ID: 'STB0001' } })
    const out = lines.join('')
    expect(lines).toHaveLength(5)
    for (const secret of [CARD, PIN, CARD_PWD, PHONE, JWT]) expect(out).not.toContain(secret)
    expect(out).toContain('8100********0001')
    expect(out).toContain('138****5678')
    // Box ids are hashed (issue 15): the same box gives the same tag, so a log can still be followed per box
    expect(out).not.toContain('STB0001')
    expect(out.match(/"dev#[0-9a-f]{10}"/g)).toHaveLength(2)
    expect(new Set(out.match(/dev#[0-9a-f]{10}/g)).size).toBe(1)
    expect(out).toContain('"level":20') // not over-eager: a line with no secret is still written whole
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  })

  it("logs a request's access fields and never its headers; headers logged as such have their secrets masked", () => {
    const { lines, logger } = capture()
    const headers = { authorization: 'Basic b3BlcmF0b3I6c2VjcmV0', cookie: 'sid=42', 'accept-version': '1' }
    logger.info({ req: { method: 'GET', url: '/api/v1/account', ip: '10.0.0.9', headers, socket: { remotePort: 5 } } })
    logger.info({ headers })
    const [req, hdrs] = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(req.req).toEqual({
      method: 'GET',
      url: '/api/v1/account',
      version: '1',
      remoteAddress: '10.0.0.9',
      remotePort: 5,
    })
    expect(hdrs.headers).toEqual({ authorization: '***', cookie: '***', 'accept-version': '1' })
    expect(headers.authorization).toBe('Basic b3BlcmF0b3I6c2VjcmV0') // the caller's object is not changed
  })

  it('keeps ordinary numbers (times, durations, amounts) readable', () => {
    const text =
      '{"time":1795324293733,"responseTime":0.98921234567898158,"amountFen":12345,"seq":"TVH20261122201500abc"}'
    expect(redactText(text)).toBe(text)
  })
})
