import { describe, expect, it } from 'vitest'
import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ApiError, createApiClient } from '../../../src/app/lib/api.ts'
import { signLogin } from '../../../boss-stub/devices.ts'

interface Seen {
  method: string
  url: string
  auth?: string
  key?: string
  body?: unknown
}

type Reply = { status: number; data: unknown } | 'network'

/** A fake BFF: records what the client sends and answers from a script. */
function fakeBff(answer: (req: Seen, seen: Seen[]) => Reply) {
  const seen: Seen[] = []
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const req: Seen = {
      method: (config.method || 'get').toUpperCase(),
      url: config.url || '',
      auth: config.headers.get('Authorization') as string | undefined,
      key: config.headers.get('Idempotency-Key') as string | undefined,
      body: typeof config.data === 'string' ? JSON.parse(config.data) : config.data,
    }
    // The log-in's first step is answered here and left out of `seen`: the tests are about what follows it.
    const reply =
      req.url === '/api/v1/session/challenge'
        ? { status: 200, data: { challenge: 'challenge-for-the-box-0001', expiresIn: 60 } }
        : (seen.push(req), answer(req, seen))
    if (reply === 'network') throw new AxiosError('Network Error', 'ERR_NETWORK', config)
    const response: AxiosResponse = { status: reply.status, statusText: '', headers: {}, config, data: reply.data }
    if (reply.status >= 400) throw new AxiosError('HTTP ' + reply.status, 'ERR_BAD_RESPONSE', config, null, response)
    return response
  }
  return { adapter, seen }
}

const identity = () => ({ deviceId: 'STB0001', cardNo: '8100000000000001', deviceKey: '1f'.repeat(32) })
let tokens = 0
const session = () => ({
  status: 201,
  data: { token: 'token-' + ++tokens, expiresIn: 3600, expiresAt: '2026-11-22T21:15:00+08:00' },
})
const expired = { status: 401, data: { error: { code: 'TOKEN_EXPIRED', message: 'expired' } } }

describe('BFF client', () => {
  it('opens a session with the box identity and sends the token', async () => {
    const { adapter, seen } = fakeBff((req) =>
      req.url === '/api/v1/session' ? session() : { status: 200, data: { balanceFen: 1 } },
    )
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.openSession()
    const account = await api.getAccount()
    expect(account).toEqual({ balanceFen: 1 })
    // The box signs the BFF's challenge with its device key exactly as the BOSS checks it.
    const signature = signLogin('1f'.repeat(32), 'STB0001', '8100000000000001', 'challenge-for-the-box-0001')
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/session',
      body: { deviceId: 'STB0001', cardNo: '8100000000000001', challenge: 'challenge-for-the-box-0001', signature },
    })
    expect(seen[0].auth).toBeUndefined()
    expect(seen[1].auth).toMatch(/^Bearer token-\d+$/)
  })

  it('renews the session on TOKEN_EXPIRED and retries once, silently', async () => {
    let accountCalls = 0
    const { adapter, seen } = fakeBff((req) => {
      if (req.url === '/api/v1/session') return session()
      accountCalls++
      return accountCalls === 1 ? expired : { status: 200, data: { ok: true } }
    })
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.openSession()
    await expect(api.getAccount()).resolves.toEqual({ ok: true })
    const urls = seen.map((s) => s.url)
    expect(urls).toEqual(['/api/v1/session', '/api/v1/account', '/api/v1/session', '/api/v1/account'])
    expect(seen[3].auth).not.toBe(seen[1].auth)
  })

  it('does not loop when the renewed token is refused too', async () => {
    const { adapter, seen } = fakeBff((req) => (req.url === '/api/v1/session' ? session() : expired))
    const api = createApiClient({ baseUrl: '', identity, adapter })
    const err = await api.getAccount().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('TOKEN_EXPIRED')
    expect(seen.filter((s) => s.url === '/api/v1/account')).toHaveLength(2)
  })

  it('also renews when the BFF no longer knows the token (e.g. it restarted)', async () => {
    const known = new Set<string>()
    const { adapter, seen } = fakeBff((req) => {
      if (req.url === '/api/v1/session') {
        const s = session()
        known.add('Bearer ' + s.data.token)
        return s
      }
      return req.auth && known.has(req.auth)
        ? { status: 200, data: { ok: 1 } }
        : { status: 401, data: { error: { code: 'UNAUTHORIZED', message: 'token not valid' } } }
    })
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.openSession()
    known.clear()
    await expect(api.getAccount()).resolves.toEqual({ ok: 1 })
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/session', '/api/v1/account', '/api/v1/session', '/api/v1/account'])
  })

  it('reports a box the BOSS does not know, without retrying in a loop', async () => {
    const { adapter, seen } = fakeBff(() => ({
      status: 401,
      data: { error: { code: 'UNAUTHORIZED', message: 'not registered' } },
    }))
    const api = createApiClient({ baseUrl: '', identity, adapter })
    const err = (await api.getAccount().catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('UNAUTHORIZED')
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/session'])
  })

  it('shares one renewal between calls that expire together', async () => {
    const renewed = new Set<string>()
    const { adapter, seen } = fakeBff((req) => {
      if (req.url === '/api/v1/session') return session()
      if (req.auth && renewed.has(req.auth)) return { status: 200, data: {} }
      return seen.filter((s) => s.url === '/api/v1/session').length > 1 ? { status: 200, data: {} } : expired
    })
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.openSession()
    await Promise.all([api.getAccount(), api.get('/api/v1/bills'), api.get('/api/v1/payments')])
    expect(seen.filter((s) => s.url === '/api/v1/session')).toHaveLength(2)
  })

  it('adds an Idempotency-Key to money-moving POSTs and keeps it across the renewal retry', async () => {
    let posts = 0
    const { adapter, seen } = fakeBff((req) => {
      if (req.url === '/api/v1/session') return session()
      posts++
      return posts === 1 ? expired : { status: 201, data: { orderId: 'O1' } }
    })
    let n = 0
    const api = createApiClient({ baseUrl: '', identity, adapter, newKey: () => 'key-' + ++n })
    await api.openSession()
    await expect(api.post('/api/v1/orders', { productId: 'P1' }, { moneyMoving: true })).resolves.toEqual({
      orderId: 'O1',
    })
    const orderPosts = seen.filter((s) => s.url === '/api/v1/orders')
    expect(orderPosts.map((s) => s.key)).toEqual(['key-1', 'key-1'])
  })

  it('reuses a caller-given key (Retry after a timeout) and sends none on plain calls', async () => {
    const { adapter, seen } = fakeBff((req) => (req.url === '/api/v1/session' ? session() : { status: 200, data: {} }))
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.post('/api/v1/topups', {}, { moneyMoving: true, idempotencyKey: 'same-key' })
    await api.post('/api/v1/topups', {}, { moneyMoving: true, idempotencyKey: 'same-key' })
    await api.post('/api/v1/complaints/drafts', {})
    await api.getAccount()
    const keys = seen.filter((s) => s.url !== '/api/v1/session').map((s) => s.key)
    expect(keys).toEqual(['same-key', 'same-key', undefined, undefined])
  })

  it('keys ticket and complaint reports without being asked, so a resend is one report', async () => {
    const { adapter, seen } = fakeBff((req) => (req.url === '/api/v1/session' ? session() : { status: 201, data: {} }))
    let n = 0
    const api = createApiClient({ baseUrl: '', identity, adapter, newKey: () => 'report-' + ++n })
    await api.post('/api/v1/tickets', {})
    await api.post('/api/v1/complaints', {}, { idempotencyKey: 'again' })
    await api.post('/api/v1/tickets/T1/cancel', {})
    expect(seen.filter((s) => s.url !== '/api/v1/session').map((s) => s.key)).toEqual(['report-1', 'again', undefined])
  })

  it('generates RFC 4122 v4 keys by default, different each time', async () => {
    const { adapter, seen } = fakeBff((req) => (req.url === '/api/v1/session' ? session() : { status: 200, data: {} }))
    const api = createApiClient({ baseUrl: '', identity, adapter })
    await api.post('/api/v1/orders', {}, { moneyMoving: true })
    await api.post('/api/v1/orders', {}, { moneyMoving: true })
    const [a, b] = seen.filter((s) => s.url === '/api/v1/orders').map((s) => s.key)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(b).not.toBe(a)
  })

  it('maps BFF error bodies and network failures to codes the screens explain', async () => {
    let reply: Reply = { status: 503, data: { error: { code: 'BOSS_UNAVAILABLE', message: 'down', retryAfter: 30 } } }
    const { adapter } = fakeBff((req) => (req.url === '/api/v1/session' ? session() : reply))
    const api = createApiClient({ baseUrl: '', identity, adapter })
    const down = (await api.getAccount().catch((e: unknown) => e)) as ApiError
    expect([down.code, down.status, down.retryAfter]).toEqual(['BOSS_UNAVAILABLE', 503, 30])
    reply = 'network'
    expect(((await api.getAccount().catch((e: unknown) => e)) as ApiError).code).toBe('NETWORK')
    reply = { status: 504, data: '<html>gateway timeout</html>' }
    expect(((await api.getAccount().catch((e: unknown) => e)) as ApiError).code).toBe('BOSS_TIMEOUT')
  })

  it('renews ahead of expiry instead of sending a token about to die', async () => {
    let now = 0
    const { adapter, seen } = fakeBff((req) =>
      req.url === '/api/v1/session'
        ? { status: 201, data: { token: 't' + seen.length, expiresIn: 60, expiresAt: 'x' } }
        : { status: 200, data: {} },
    )
    const api = createApiClient({ baseUrl: '', identity, adapter, now: () => now })
    await api.getAccount()
    now = 20_000
    await api.getAccount()
    now = 40_000
    await api.getAccount()
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/session',
      '/api/v1/account',
      '/api/v1/account',
      '/api/v1/session',
      '/api/v1/account',
    ])
  })
})
