import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signLogin } from '../../../boss-stub/devices.ts'
import { routes } from '../../../src/contract/index.ts'
import { api, bff, login, loose, startStack, type Stack, type Subscriber } from '../harness.ts'

const SECRET = 'session-test-signing-key-0123456789abcdef'
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ bff: { jwtSecret: SECRET } })
})

/**
 * A log-in signed by `box`'s own key, naming `cardNo`, through the client typed by the route table (as is every
 * well-formed call here; the malformed ones and those without a token go out raw through api()).
 */
async function signedLogin(box: Subscriber, cardNo: string) {
  const issued = await loose(bff(stack, routes.sessionChallenge, { body: { deviceId: box.deviceId } }))
  const challenge = String(issued.body.challenge)
  const signature = signLogin(box.deviceKey, box.deviceId, cardNo, challenge)
  return loose(bff(stack, routes.openSession, { body: { deviceId: box.deviceId, cardNo, challenge, signature } }))
}
/** GET /account with a token the BFF may or may not accept. */
const account = (token: string) => loose(bff(stack, routes.account, { token }))
const proof = { challenge: 'c'.repeat(32), signature: '0'.repeat(64) }
afterAll(() => stack?.close())

/** An HS256 JWT made here, independently of the BFF, to test what it accepts. */
function jwt(payload: object, secret: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())

describe('POST /api/v1/session', () => {
  it('opens a session for a registered STB + card pair', async () => {
    const sub = stack.bySubscriber('normal')
    const before = Date.now()
    const res = await signedLogin(sub, sub.cardNo)
    expect(res.status).toBe(200)
    expect(res.body.expiresIn).toBe(stack.config.tokenTtlSeconds)
    expect(res.body.expiresAt).toMatch(/\+08:00$/)
    expect(Math.abs(Date.parse(res.body.expiresAt) - (before + res.body.expiresIn * 1000))).toBeLessThan(5000)
    const claims = decode(res.body.token)
    expect(claims).toMatchObject({
      customerId: sub.customerId,
      deviceId: sub.deviceId,
      cardNoMasked: `${sub.cardNo.slice(0, 4)}********${sub.cardNo.slice(-4)}`,
      customerName: sub.name,
      iss: 'tvhall-bff',
      aud: 'tvhall-box',
    })
    expect(claims.jti).toEqual(expect.any(String))
    expect(claims.exp - claims.iat).toBe(stack.config.tokenTtlSeconds)
    expect(res.body.token).not.toContain(sub.cardNo)
    expect(JSON.stringify(claims)).not.toContain(sub.cardNo)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses a pair that does not belong together with 401', async () => {
    const [a, b] = stack.subscribers
    const res = await signedLogin(a, b.cardNo)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHORIZED')
    expect(res.body.error.message).toMatch(/could not be verified/)
  })

  const sub = () => stack.bySubscriber('normal')
  const malformed: [string, () => unknown, RegExp][] = [
    ['missing cardNo', () => ({ deviceId: sub().deviceId, ...proof }), /body\.cardNo is required/],
    ['missing deviceId', () => ({ cardNo: sub().cardNo, ...proof }), /body\.deviceId is required/],
    [
      'cardNo as a number',
      () => ({ deviceId: sub().deviceId, cardNo: Number(sub().cardNo), ...proof }),
      /body\.cardNo must be string/,
    ],
    [
      'deviceId as an object',
      () => ({ deviceId: { $ne: 1 }, cardNo: sub().cardNo, ...proof }),
      /body\.deviceId must be string/,
    ],
    [
      'an extra field',
      () => ({ deviceId: sub().deviceId, cardNo: sub().cardNo, ...proof, customerId: 'C1' }),
      /body\.customerId is not allowed/,
    ],
    [
      'a short card number',
      () => ({ deviceId: sub().deviceId, cardNo: '8100', ...proof }),
      /body\.cardNo has the wrong format/,
    ],
    [
      'a huge deviceId',
      () => ({ deviceId: 'A'.repeat(10_000), cardNo: sub().cardNo, ...proof }),
      /body\.deviceId must be at most 32 characters/,
    ],
    ['an array body', () => [1, 2], /body must be object/],
    ['a null body', () => null, /body/],
  ]
  for (const [name, body, message] of malformed) {
    it(`answers 400 naming the field for ${name}`, async () => {
      const res = await api(stack, 'POST', routes.openSession.path, { body: body() })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('BAD_REQUEST')
      expect(res.body.error.message).toMatch(message)
    })
  }

  it('answers 400 for broken JSON, 413 for a body over the limit, 415 for a wrong type', async () => {
    const broken = await api(stack, 'POST', routes.openSession.path, { rawBody: '{"deviceId": "STB' })
    expect(broken.status).toBe(400)
    expect(broken.body.error).toMatchObject({ code: 'BAD_REQUEST', message: 'request body is not valid JSON' })
    const huge = await api(stack, 'POST', routes.openSession.path, {
      body: { deviceId: 'STB1', cardNo: '1'.repeat(100_000) },
    })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('BAD_REQUEST')
    expect(huge.body.error.message).toMatch(/larger than 16384 bytes/)
    const form = await api(stack, 'POST', routes.openSession.path, {
      rawBody: 'deviceId=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    expect(form.body.error.code).toBe('BAD_REQUEST')
  })

  it('locks a proven box out after repeated cards not paired with it, and tells it when to retry', async () => {
    const box = stack.subscribers[3]
    const wrongCard = stack.subscribers[4].cardNo
    const max = stack.config.sessionMaxFailures
    for (let i = 1; i < max; i++) {
      const res = await signedLogin(box, wrongCard)
      expect(res.status).toBe(401)
    }
    expect((await signedLogin(box, wrongCard)).status).toBe(429)
    const locked = await signedLogin(box, box.cardNo)
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('LOCKED')
    expect(locked.body.error.retryAfter).toBeGreaterThan(0)
    expect(locked.headers.get('retry-after')).toBe(String(locked.body.error.retryAfter))
  })
})

describe('tokens on protected routes', () => {
  const claimsOf = (s = stack.bySubscriber('normal')) => ({
    customerId: s.customerId,
    accountId: 'A',
    deviceId: s.deviceId,
    cardNoMasked: '8100********0001',
    customerName: s.name,
    regionCode: '1',
    regionName: 'r',
    iss: 'tvhall-bff',
    aud: 'tvhall-box',
    jti: 'j',
    sid: 's',
  })

  it('answers 401 UNAUTHORIZED without a token (which does not compile through the typed client)', async () => {
    // @ts-expect-error token is required by routes.account (a box's bearer token)
    const typed = await bff(stack, routes.account, {})
    expect(typed.status).toBe(401)
    const res = await api(stack, 'GET', routes.account.path)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHORIZED')
  })

  it('answers 401 UNAUTHORIZED for garbage, a foreign signature, or alg none', async () => {
    const now = Math.floor(Date.now() / 1000)
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claimsOf(), iat: now, exp: now + 60 })).toString('base64url')}.`
    for (const token of ['abc', jwt({ ...claimsOf(), iat: now, exp: now + 60 }, 'not-the-bff-secret'), none]) {
      const res = await account(token)
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('UNAUTHORIZED')
    }
    const basic = await api(stack, 'GET', routes.account.path, { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(basic.status).toBe(401)
  })

  it('answers 401 TOKEN_EXPIRED for an expired token, so the box can renew silently', async () => {
    const now = Math.floor(Date.now() / 1000)
    const token = jwt({ ...claimsOf(), iat: now - 1000, exp: now - 10 }, SECRET)
    const res = await account(token)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('TOKEN_EXPIRED')
  })

  it('accepts a token it signed, and a renewed session works', async () => {
    const token = await login(stack, stack.bySubscriber('normal'))
    expect((await account(token)).status).toBe(200)
  })
})
