import { describe, expect, it } from 'vitest'
import { SendStep } from '../../../src/app/lib/sendStep.ts'

/** A send whose answer the test gives when it likes. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

function owner() {
  const seen: string[] = []
  return { seen, loading: { start: () => seen.push('start'), stop: () => seen.push('stop') } }
}

describe('the sending step', () => {
  it('sends once however often OK is pressed while the answer is on its way, then again once answered', async () => {
    const o = owner()
    const step = new SendStep(o)
    const answer = deferred<string>()
    let calls = 0
    const done: string[] = []
    const send = () =>
      step.send(
        () => (calls++, answer.promise),
        (a) => done.push(a),
        () => done.push('failed'),
      )
    expect(send()).toBe(true)
    expect(send()).toBe(false)
    expect(send()).toBe(false)
    expect(step.busy).toBe(true)
    expect(calls).toBe(1)
    answer.resolve('ticket')
    await tick()
    expect(done).toEqual(['ticket'])
    expect(o.seen).toEqual(['start', 'stop'])
    expect(step.busy).toBe(false)
    expect(send()).toBe(true)
    expect(calls).toBe(2)
  })

  it('hands a failure to the page and lets OK send again', async () => {
    const step = new SendStep(owner())
    const answer = deferred<string>()
    const failures: unknown[] = []
    step.send(
      () => answer.promise,
      () => {},
      (e) => failures.push(e),
    )
    answer.reject(new Error('BOSS_TIMEOUT'))
    await tick()
    expect(failures).toHaveLength(1)
    expect(step.busy).toBe(false)
  })

  it('shows no answer of a send dropped (the viewer left), and tells a long wait it is no longer wanted', async () => {
    const o = owner()
    const step = new SendStep(o)
    const answer = deferred<string>()
    let wanted: () => boolean = () => true
    const done: string[] = []
    step.send(
      (stillWanted) => ((wanted = stillWanted), answer.promise),
      (a) => done.push(a),
      () => done.push('failed'),
    )
    expect(wanted()).toBe(true)
    step.drop()
    expect(wanted()).toBe(false)
    expect(step.busy).toBe(false)
    expect(o.seen).toEqual(['start', 'stop'])
    answer.resolve('late')
    await tick()
    expect(done).toEqual([])
    expect(o.seen).toEqual(['start', 'stop'])
  })
})
