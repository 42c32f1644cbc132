import { describe, expect, it } from 'vitest'
import { cutToHub, withoutSteps } from '../../../src/app/lib/finishedFlow.ts'

const h = (...hashes: string[]) => hashes.map((hash) => ({ hash, state: null }))

describe('finished is finished (Router history after a transaction)', () => {
  it('cuts the history back to the hub of the area: the steps that led from it go', () => {
    expect(cutToHub(h('home', 'packages', 'packages/P_SPORTS'), 'packages')).toEqual(h('home', 'packages'))
    expect(cutToHub(h('home', 'repair', 'repair/symptom/5'), 'repair')).toEqual(h('home', 'repair'))
    // The last visit of the hub counts (a hub visited twice keeps what came before its last visit).
    expect(cutToHub(h('home', 'topup', 'subscriptions', 'topup', 'topup/card'), 'topup')).toEqual(
      h('home', 'topup', 'subscriptions', 'topup'),
    )
  })

  it('puts the hub in when the steps were deep-linked, so Back still lands there', () => {
    expect(cutToHub(h('home', 'messages'), 'packages')).toEqual(h('home', 'packages'))
    expect(cutToHub([], 'repair')).toEqual(h('repair'))
  })

  it('keeps the finished steps out when leaving the result stored them', () => {
    const steps = /^(order|packages)\//
    expect(withoutSteps(h('home', 'packages', 'order/P_SPORTS/1'), steps)).toEqual(h('home', 'packages'))
    expect(withoutSteps(h('home', 'packages', 'subscriptions'), steps)).toEqual(h('home', 'packages', 'subscriptions'))
  })
})
