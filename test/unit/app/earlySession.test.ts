import { beforeEach, describe, expect, it, vi } from 'vitest'

// The log-in and the account start with the app; the boot screen and the first home take them over.
const calls = { openSession: 0, getAccount: 0 }
let failNextSession = false
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
    getAccount: () => (calls.getAccount++, Promise.resolve({ customerName: '张三' })),
  }),
}))

beforeEach(() => {
  vi.resetModules()
  calls.openSession = 0
  calls.getAccount = 0
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
})
