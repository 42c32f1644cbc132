import { describe, expect, it } from 'vitest'
import { NAME_PATTERN, USAGE_EVENTS_PATH, UsageRecorder, type UsageOptions } from '../../../src/app/lib/usage.ts'
import { routeParams } from '../../../src/app/lib/usageFlows.ts'
import { parsePrefs } from '../../../src/app/lib/viewerPrefs.ts'
import { UsagePath } from '../../../src/contract/apiPath.ts'
import { UsageBatch, UsageName } from '../../../src/contract/usage.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'

// The app's API errors are plain values ({ code }), rejected as the app rejects them.
// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
const rejectWith = (error: { code: string; status?: number }): Promise<never> => Promise.reject(error)

/** A recorder on a hand-driven clock and timer, whose sends are recorded and answered as the test says. */
function rig(over: Partial<UsageOptions> = {}) {
  let t = Date.parse('2026-12-01T12:00:00Z')
  let n = 0
  const timers: { fn: () => void; ms: number }[] = []
  const sent: UsageBatch[] = []
  const state = { enabled: true, ready: true, answer: (): Promise<unknown> => Promise.resolve({ accepted: 1 }) }
  const r = new UsageRecorder({
    send: (b) => {
      sent.push(JSON.parse(JSON.stringify(b)) as UsageBatch)
      return state.answer()
    },
    enabled: () => state.enabled,
    ready: () => state.ready,
    now: () => t,
    newId: () => `id${String(++n).padStart(8, '0')}`,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    ...over,
  })
  return { r, sent, timers, state, advance: (ms: number) => (t += ms) }
}

const events = (sent: UsageBatch[]) => sent.flatMap((b) => b.events)

describe('usage recorder: batching in the background', () => {
  it('sends nothing while recording, and nothing before the first timer (30 s after boot)', () => {
    const { r, sent, timers } = rig()
    r.screen('home')
    r.screen('balance')
    expect(sent).toEqual([])
    expect(timers).toHaveLength(1)
    expect(timers[0].ms).toBe(30_000)
  })
  it('sends in batches of 20 that pass the contract, one after the other', async () => {
    const { r, sent } = rig()
    for (let i = 0; i < 45; i++) r.screen('home')
    await r.flush()
    expect(sent.map((b) => b.events.length)).toEqual([20, 20, 5])
    for (const b of sent) expect(schemaErrors(UsageBatch, b)).toEqual([])
    expect(new Set(sent.map((b) => b.batchId)).size).toBe(3)
    expect(r.pending()).toBe(0)
  })
  it('waits for the session: a box still booting sends nothing', async () => {
    const { r, sent, state } = rig()
    state.ready = false
    r.screen('home')
    await r.flush()
    expect(sent).toEqual([])
    state.ready = true
    await r.flush()
    expect(events(sent)).toHaveLength(1)
  })
  it('a failed batch goes again with the same id (the BFF stores it once), then the next', async () => {
    const { r, sent, state } = rig()
    r.screen('home')
    state.answer = () => rejectWith({ code: 'NETWORK' })
    await r.flush()
    r.screen('bills')
    state.answer = () => Promise.resolve({})
    await r.flush()
    expect(sent.map((b) => [b.batchId, b.events.length])).toEqual([
      ['id00000003', 1],
      ['id00000003', 1],
      ['id00000005', 1],
    ])
  })
  it('a batch the BFF refuses (400) is dropped, not retried forever', async () => {
    const { r, sent, state } = rig()
    r.screen('home')
    state.answer = () => rejectWith({ code: 'BAD_REQUEST', status: 400 })
    await r.flush()
    await r.flush()
    expect(sent).toHaveLength(1)
    expect(r.pending()).toBe(0)
  })
  it('backs off while the BFF is away: the next try comes later and later', async () => {
    const { r, timers, state } = rig()
    state.answer = () => rejectWith({ code: 'NETWORK' })
    r.screen('home')
    for (let i = 0; i < 4; i++) {
      timers[timers.length - 1].fn()
      await new Promise((res) => setTimeout(res, 0))
    }
    expect(timers.slice(1).map((x) => x.ms)).toEqual([60_000, 120_000, 240_000, 240_000])
  })
})

describe('usage recorder: an offline box drops, it does not hoard', () => {
  it('keeps at most 200 events, the newest', async () => {
    const { r, sent } = rig()
    for (let i = 0; i < 250; i++) r.error(`E${i}`)
    expect(r.pending()).toBe(200)
    await r.flush()
    expect(events(sent)[0].code).toBe('E50')
  })
  it('drops events older than 30 minutes, the failed batch too', async () => {
    const { r, sent, state, advance } = rig()
    r.screen('home')
    state.answer = () => rejectWith({ code: 'NETWORK' })
    await r.flush()
    r.screen('bills')
    advance(31 * 60_000)
    r.screen('balance')
    state.answer = () => Promise.resolve({})
    await r.flush()
    expect(events(sent.slice(1)).map((e) => e.screen)).toEqual(['balance'])
  })
})

describe('usage recorder: the viewer switched it off', () => {
  it('records nothing, sends nothing and forgets what was waiting', async () => {
    const { r, sent, state } = rig()
    r.screen('home')
    state.enabled = false
    r.screen('balance')
    r.error('NETWORK')
    r.finished('order')
    await r.flush()
    expect(sent).toEqual([])
    expect(r.pending()).toBe(0)
    state.enabled = true
    await r.flush()
    expect(sent).toEqual([])
  })
  it('is on unless switched off, and the switch is remembered', () => {
    expect(parsePrefs(null).usage).toBe(true)
    expect(parsePrefs('{"usage":false}').usage).toBe(false)
  })
})

describe('usage recorder: no PIN, password, card number or free text ever leaves', () => {
  it('leaves out any value that is not a name, and fields no event has', async () => {
    const { r, sent } = rig()
    r.screen('order/:productId/:periodMonths', { productId: '123456', periodMonths: '12' })
    r.error('请输入密码 123456')
    r.error('card 8612345678901234')
    r.finished('topup', {
      method: 'card',
      amountFen: 5000,
      pin: '123456',
      cardNo: '8612345678901234',
      password: 'secret',
    } as never)
    r.finished('complaint', { category: 'my tv is broken!!' })
    r.finished('fault', { category: 'signal' })
    await r.flush()
    const text = JSON.stringify(sent)
    for (const secret of ['123456', '8612345678901234', 'secret', '密码', 'broken', 'pin', 'cardNo', 'password'])
      expect(text).not.toContain(secret)
    const all = events(sent)
    expect(all.filter((e) => e.type === 'error')).toEqual([])
    expect(all.find((e) => e.flow === 'topup')).toMatchObject({ method: 'card', amountFen: 5000 })
    expect(all.find((e) => e.flow === 'fault')).toMatchObject({ category: 'signal' })
    for (const b of sent) expect(schemaErrors(UsageBatch, b)).toEqual([])
  })
  it('holds the same name rule as the contract and the same path', () => {
    expect(NAME_PATTERN).toBe(UsageName.pattern)
    expect(USAGE_EVENTS_PATH).toBe(UsagePath.events)
  })
})

describe('usage recorder: flows from screens', () => {
  it('follows an order from the catalogue to done, and the funnel steps come in order', async () => {
    const { r, sent } = rig()
    r.screen('home')
    r.screen('packages')
    r.screen('packages/:productId', { productId: 'P_OPERA' })
    r.screen('order/:productId/:periodMonths', { productId: 'P_OPERA', periodMonths: '1' })
    r.step('order', 'pin')
    r.finished('order')
    r.screen('home')
    await r.flush()
    const flow = events(sent).filter((e) => e.type === 'flow')
    expect(flow.map((e) => [e.outcome, e.step, e.product])).toEqual([
      ['started', 'catalogue', undefined],
      ['step', 'detail', 'P_OPERA'],
      ['step', 'confirm', 'P_OPERA'],
      ['step', 'pin', 'P_OPERA'],
      ['finished', 'done', 'P_OPERA'],
    ])
  })
  it('a viewer who leaves a flow for another screen abandoned it at the last step', async () => {
    const { r, sent } = rig()
    r.screen('topup')
    r.screen('topup/card')
    r.screen('home')
    r.screen('repair')
    r.screen('repair/symptom/:symptomId', { symptomId: 'no-signal' })
    r.solved()
    r.screen('home')
    await r.flush()
    const all = events(sent)
    expect(all.find((e) => e.outcome === 'abandoned' && e.flow === 'topup')).toMatchObject({ step: 'card' })
    expect(all.find((e) => e.type === 'selfhelp')).toMatchObject({ outcome: 'solved', symptom: 'no-signal' })
    expect(all.find((e) => e.outcome === 'abandoned' && e.flow === 'fault')).toMatchObject({ step: 'checks' })
  })
  it('a ticket after self-help counts as the self-help going on to a ticket', async () => {
    const { r, sent } = rig()
    r.screen('repair/symptom/:symptomId', { symptomId: 'no-signal' })
    r.screen('repair/report/:category', { category: 'signal' })
    r.finished('fault', { category: 'signal' })
    await r.flush()
    expect(events(sent).find((e) => e.type === 'selfhelp')).toMatchObject({ outcome: 'ticket', symptom: 'no-signal' })
  })
  it('reads route parameters from the hash', () => {
    expect(routeParams('packages/:productId', '#packages/P_OPERA')).toEqual({ productId: 'P_OPERA' })
    expect(routeParams('order/:productId/:periodMonths', 'order/P_EDU/12?x=1')).toEqual({
      productId: 'P_EDU',
      periodMonths: '12',
    })
  })
})
