import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BossClient, bossSign, bossSignString, newReqSeq } from '../../../src/bff/boss/bossClient.ts'
import { GuardedBossClient } from '../../../src/bff/boss/bossGuard.ts'
import {
  BossBusinessError,
  BossProtocolError,
  BossTimeoutError,
  BossUnavailableError,
} from '../../../src/bff/boss/bossErrors.ts'
import { signString } from '../../../boss-stub/protocol/sign.ts'

const SECRET = 'tvhall-dev-secret'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const never = new Promise<never>(() => {})

describe('BOSS signing (README: sorted KEY=VALUE of HEAD minus SIGN plus BODY, HMAC-SHA256, upper hex)', () => {
  const head = {
    SVC_CODE: 'ACCT_BAL_QRY',
    CHNL_ID: 'TVHALL',
    REQ_SEQ: 'TVH20261122201500123456',
    REQ_TIME: '20261122201500',
    SIGN: 'must-not-be-signed',
  }
  const body = { CUST_ID: 'C00000001' }

  it('builds the sign string of the README example', () => {
    expect(bossSignString(head, body)).toBe(
      'CHNL_ID=TVHALL&CUST_ID=C00000001&REQ_SEQ=TVH20261122201500123456&REQ_TIME=20261122201500&SVC_CODE=ACCT_BAL_QRY',
    )
  })

  it('signs with HMAC-SHA256 of the channel secret, upper-case hex', () => {
    const expected = createHmac('sha256', SECRET)
      .update(
        'CHNL_ID=TVHALL&CUST_ID=C00000001&REQ_SEQ=TVH20261122201500123456&REQ_TIME=20261122201500&SVC_CODE=ACCT_BAL_QRY',
      )
      .digest('hex')
      .toUpperCase()
    expect(bossSign(head, body, SECRET)).toBe(expected)
    expect(bossSign(head, body, SECRET)).toMatch(/^[0-9A-F]{64}$/)
    expect(bossSign(head, body, 'another-secret')).not.toBe(expected)
  })

  it('sorts by byte order (upper case before lower, underscore after letters) and keeps empty values', () => {
    const s = bossSignString({ SVC_CODE: 'X' }, { b: '1', B_A: '', BA: '2', A: 'é' })
    expect(s).toBe('A=é&BA=2&B_A=&SVC_CODE=X&b=1')
  })

  it("signs what the BOSS checks: the stub's own sign string for any keys, in any order, non-ASCII too", () => {
    const keys = [
      'A',
      'a',
      'B_A',
      'BA',
      'CUST_ID',
      'CARD_NO',
      'é',
      'ü_X',
      'Z9',
      'z',
      '_',
      'AMOUNT',
      'ORDER_SEQ',
      'ｚ',
      '😀',
      'A😀',
      'Aｚ',
      'CUST',
    ]
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (let round = 0; round < 300; round++) {
      const shuffled = [...keys].sort(() => random(3) - 1)
      const headCount = random(5)
      const head: Record<string, string> = { SIGN: 'not signed' }
      const body: Record<string, string> = {}
      shuffled.slice(0, headCount).forEach((k, i) => (head[k] = `h${i}`))
      shuffled.slice(headCount, headCount + random(8)).forEach((k, i) => (body[k] = `b${i}é`))
      expect(bossSignString(head, body)).toBe(signString({ ...head, ...body }))
    }
  })

  it('makes unique 32-character alphanumeric serials', () => {
    const now = new Date('2026-11-22T12:15:00Z')
    const seqs = new Set(Array.from({ length: 1000 }, () => newReqSeq(now)))
    expect(seqs.size).toBe(1000)
    for (const s of seqs) expect(s).toMatch(/^TVH20261122201500[0-9a-f]{15}$/)
  })
})

type Handler = (env: { HEAD: Record<string, string>; BODY: Record<string, string> }, res: ServerResponse) => void

describe('BossClient over HTTP', () => {
  let server: Server
  let url: string
  let handler: Handler = () => {}
  const seen: { HEAD: Record<string, string>; BODY: Record<string, string> }[] = []
  const clients: BossClient[] = []

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = ''
      req.on('data', (c: Buffer) => (raw += c.toString()))
      req.on('end', () => {
        const env = JSON.parse(raw)
        seen.push(env)
        handler(env, res)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    seen.length = 0
    await Promise.all(clients.splice(0).map((c) => c.close()))
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  const client = (timeoutMs = 1000) => {
    const c = new BossClient({ url, channel: 'TVHALL', secret: SECRET, timeoutMs })
    clients.push(c)
    return c
  }
  const answer =
    (code: string, body: object = {}): Handler =>
    (env, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(
        JSON.stringify({
          HEAD: { RSP_CODE: code, RSP_DESC: 'x', REQ_SEQ: env.HEAD.REQ_SEQ, RSP_TIME: '20261122201500' },
          BODY: body,
        }),
      )
    }

  it('sends a signed envelope that the BOSS can verify, with Beijing REQ_TIME', async () => {
    handler = answer('0000', { ACCT_ID: 'A1' })
    const before = Date.now()
    const body = await client().call('ACCT_BAL_QRY', { CUST_ID: 'C00000001' })
    expect(body).toEqual({ ACCT_ID: 'A1' })
    const { HEAD, BODY } = seen[0]
    expect(HEAD.SVC_CODE).toBe('ACCT_BAL_QRY')
    expect(HEAD.CHNL_ID).toBe('TVHALL')
    expect(BODY).toEqual({ CUST_ID: 'C00000001' })
    const signString = Object.entries({ ...HEAD, ...BODY })
      .filter(([k]) => k !== 'SIGN')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    expect(HEAD.SIGN).toBe(createHmac('sha256', SECRET).update(signString).digest('hex').toUpperCase())
    // REQ_TIME is Beijing wall clock: parse it as UTC+8 and it must be "now".
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(HEAD.REQ_TIME)!
    const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`)
    expect(Math.abs(t - before)).toBeLessThan(5000)
  })

  it('maps RSP_CODEs to typed errors', async () => {
    handler = answer('2001')
    const e1 = await client()
      .call('CUST_AUTH_QRY', { STB_ID: 'a', CARD_NO: 'b' })
      .catch((e: unknown) => e)
    expect(e1).toBeInstanceOf(BossBusinessError)
    expect((e1 as BossBusinessError).rspCode).toBe('2001')

    handler = answer('9999')
    await expect(client().call('X', {})).rejects.toBeInstanceOf(BossUnavailableError)
    handler = answer('1001')
    const e2 = await client()
      .call('X', {})
      .catch((e: unknown) => e)
    expect(e2).toBeInstanceOf(BossProtocolError)
    expect((e2 as BossProtocolError).rspCode).toBe('1001')
  })

  it('treats HTTP 5xx as an outage and garbage as a protocol error', async () => {
    handler = (_e, res) => {
      res.statusCode = 503
      res.end('down')
    }
    await expect(client().call('X', {})).rejects.toBeInstanceOf(BossUnavailableError)
    handler = (_e, res) => res.end('<html>')
    await expect(client().call('X', {})).rejects.toBeInstanceOf(BossProtocolError)
  })

  it('refuses an answer carrying another request serial', async () => {
    handler = (env, res) => answer('0000')({ ...env, HEAD: { ...env.HEAD, REQ_SEQ: 'TVHsomeoneelse' } }, res)
    await expect(client().call('X', {})).rejects.toThrow(/foreign REQ_SEQ/)
  })

  it('gives up after the per-call timeout', async () => {
    handler = (env, res) => setTimeout(() => answer('0000')(env, res), 400)
    const started = Date.now()
    await expect(client(100).call('X', {})).rejects.toBeInstanceOf(BossTimeoutError)
    expect(Date.now() - started).toBeLessThan(350)
    // and a per-call budget overrides the default
    await expect(client(100).call('X', {}, { timeoutMs: 1000 })).resolves.toEqual({})
  })

  it('bounds a call waiting for a free socket and an answer whose body stops half-way by the same timeout', async () => {
    handler = (env, res) => setTimeout(() => answer('0000')(env, res), 600)
    const one = new BossClient({ url, channel: 'TVHALL', secret: SECRET, timeoutMs: 1000, connections: 1 })
    clients.push(one)
    const first = one.call('X', {})
    const started = Date.now()
    // The only socket is busy for 600 ms: the second call gives up at its own 100 ms, not when the socket frees.
    await expect(one.call('Y', {}, { timeoutMs: 100 })).rejects.toBeInstanceOf(BossTimeoutError)
    expect(Date.now() - started).toBeLessThan(450)
    await expect(first).resolves.toEqual({})
    // It was dropped before it was sent: the BOSS never saw it.
    await new Promise((r) => setTimeout(r, 100))
    expect(seen.map((e) => e.HEAD.SVC_CODE)).toEqual(['X'])

    handler = (_env, res) => {
      res.setHeader('content-type', 'application/json')
      res.write('{"HEAD":{"RSP_CODE":"0000",')
      setTimeout(() => res.end('"RSP_DESC":"x"},"BODY":{}}'), 600)
    }
    const halfWay = Date.now()
    await expect(client(100).call('Z', {})).rejects.toBeInstanceOf(BossTimeoutError)
    expect(Date.now() - halfWay).toBeLessThan(450)
  })

  const guarded = (maxInFlight?: number) => {
    const c = new GuardedBossClient(
      { url, channel: 'TVHALL', secret: SECRET, timeoutMs: 2000 },
      maxInFlight === undefined ? {} : { maxInFlight },
    )
    clients.push(c)
    return c
  }

  it('takes a burst of 400 calls at once to a healthy BOSS: beyond its sockets the pool queues them, none is refused', async () => {
    // The bench's open loop sends a second's requests in the same instant (340 at 1 360 rps): a bulkhead of 64, later
    // 256, refused what was over it.
    handler = (env, res) => setTimeout(() => answer('0000', { BALANCE: '1' })(env, res), 20)
    const c = guarded()
    const results = await Promise.allSettled(Array.from({ length: 400 }, () => c.call('ACCT_BAL_QRY', {})))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  })

  it('refuses at once the calls beyond the bulkhead of a domain, and only those', async () => {
    handler = (env, res) => setTimeout(() => answer('0000')(env, res), 400)
    const c = guarded(4)
    const started = Date.now()
    const calls = Array.from({ length: 6 }, () => c.call('ORDER_SUBMIT', {}))
    const refused = await Promise.race([
      Promise.any(
        calls.map((p) =>
          p.then(
            () => never,
            (e: unknown) => e,
          ),
        ),
      ),
      sleep(300),
    ])
    expect(refused).toBeInstanceOf(BossUnavailableError)
    expect(Date.now() - started).toBeLessThan(300)
    const settled = await Promise.allSettled(calls)
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(4)
    expect(seen).toHaveLength(4)
  })

  it('reports a BOSS that is not listening as unavailable', async () => {
    const c = new BossClient({ url: 'http://127.0.0.1:1', channel: 'TVHALL', secret: SECRET, timeoutMs: 1000 })
    clients.push(c)
    await expect(c.call('X', {})).rejects.toBeInstanceOf(BossUnavailableError)
  })

  it('ping counts a business refusal as reachable but a signature refusal as not', async () => {
    handler = answer('1002')
    await expect(client().ping()).resolves.toBeUndefined()
    handler = answer('1001')
    await expect(client().ping()).rejects.toBeInstanceOf(BossProtocolError)
  })
})
