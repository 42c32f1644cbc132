import { beforeEach, describe, expect, it, vi } from 'vitest'

// The log-in and the account start with the app; the boot screen and the first home take them over.
const calls = { openSession: 0, getAccount: 0 }
let failNextSession = false
/** When set, the account's answer waits until the test lets it go. */
let accountGate: Promise<void> | null = null
vi.mock('@lightningjs/sdk', () => ({ Router: { resume: () => undefined, navigate: () => undefined } }))
vi.mock('../../../src/app/lib/backend.ts', () => ({
  boxIdentity: () => ({ deviceId: 'STB0001', cardNo: '8100000000000001' }),
  api: () => ({
    openSession: () => {
      calls.openSession++
      if (failNextSession) {
        failNextSession = false
        return Promise.reject(new Error('BOSS down'))
      }
      return Promise.resolve({ token: 't' })
    },
    getAccount: () => {
      calls.getAccount++
      return (accountGate ?? Promise.resolve()).then(() => ({ customerName: '张三' }))
    },
  }),
}))

beforeEach(() => {
  vi.resetModules()
  calls.openSession = 0
  calls.getAccount = 0
  accountGate = null
})

describe('session and account started with the app', () => {
  it('the boot screen and home take the early log-in and account: one of each', async () => {
    const s = await import('../../../src/app/lib/session.ts')
    s.openSessionEarly()
    await s.startSession()
    expect(await s.takeEarlyAccount()).toEqual({ customerName: '张三' })
    expect(calls).toEqual({ openSession: 1, getAccount: 1 })
    expect(s.takeEarlyAccount()).toBeNull() // once only: later homes ask the BOSS again
  })

  it('after a failed early log-in, Retry opens a new session and home asks for the account itself', async () => {
    failNextSession = true
    const s = await import('../../../src/app/lib/session.ts')
    s.openSessionEarly()
    await expect(s.startSession()).rejects.toThrow('BOSS down')
    await new Promise((r) => setTimeout(r, 0))
    expect(calls.openSession).toBe(1) // no retry behind the viewer's back
    await s.startSession()
    expect(calls.openSession).toBe(2)
    expect(s.takeEarlyAccount()).toBeNull()
    expect(calls.getAccount).toBe(0)
  })

  it('the first log-in ends when its account is here, so home is built with the household known', async () => {
    let letGo = () => {}
    accountGate = new Promise<void>((r) => (letGo = r))
    const s = await import('../../../src/app/lib/session.ts')
    s.openSessionEarly()
    let loggedIn = false
    const booting = s.startSession().then(() => (loggedIn = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(calls.openSession).toBe(1)
    expect(loggedIn).toBe(false) // session open, account still on its way: the boot screen stays
    letGo()
    await booting
    expect(await s.takeEarlyAccount()).toEqual({ customerName: '张三' })
  })

  it('a BOSS slow to give the account keeps the boot screen no longer than the wait', async () => {
    vi.useFakeTimers()
    try {
      accountGate = new Promise<void>(() => undefined) // never answers
      const s = await import('../../../src/app/lib/session.ts')
      s.openSessionEarly()
      let loggedIn = false
      const booting = s.startSession().then(() => (loggedIn = true))
      await vi.advanceTimersByTimeAsync(s.EARLY_ACCOUNT_WAIT_MS - 10)
      expect(loggedIn).toBe(false)
      await vi.advanceTimersByTimeAsync(20)
      await booting
      expect(loggedIn).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
