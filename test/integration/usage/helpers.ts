import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import type { UsageEvent } from '../../../src/contract/usage.ts'
import { api, type Stack } from '../harness.ts'

export const newId = () => randomUUID().replace(/-/g, '')

/** A batch as the box sends it; events get ids and times (a second apart, ending now) unless given. */
export function batchOf(
  events: Partial<UsageEvent>[],
  opts: { session?: string; batchId?: string; sentAt?: Date } = {},
) {
  const sent = opts.sentAt ?? new Date()
  return {
    batchId: opts.batchId ?? newId(),
    session: opts.session ?? newId(),
    sentAt: sent.toISOString(),
    events: events.map((e, i) => ({
      id: newId(),
      at: new Date(sent.getTime() - (events.length - i) * 1000).toISOString(),
      ...e,
    })),
  }
}

export const sendBatch = (target: { bffUrl: string }, token: string, body: unknown) =>
  api(target, 'POST', '/api/v1/usage/events', { token, body })

export const operatorAuth = (stack: Pick<Stack, 'config'>) => ({
  authorization: `Basic ${Buffer.from(`${stack.config.usage.operatorUser}:${stack.config.usage.operatorPassword}`).toString('base64')}`,
})

export async function report(stack: Pick<Stack, 'bffUrl' | 'config'>, query = '') {
  const res = await api(stack, 'GET', `/operator/api/usage/report${query}`, { headers: operatorAuth(stack) })
  if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** The writer's DuckDB store (shared in this process with the BFF that opened it); close() when done. */
export const usageStore = (stack: Pick<Stack, 'config'>) =>
  DuckDbUsageStore.open(stack.config.usage.storePath ?? join(dirname(stack.config.storePath), 'usage.duckdb'))

/** One viewer's order of a package from the catalogue to done, as the box reports it. */
export const orderSession = (product: string, until: 'detail' | 'confirm' | 'pin' | 'done'): Partial<UsageEvent>[] => {
  const steps = ['catalogue', 'detail', 'confirm', 'pin', 'done']
  const events: Partial<UsageEvent>[] = [
    { type: 'screen', screen: 'packages' },
    { type: 'flow', flow: 'order', outcome: 'started', step: 'catalogue' },
  ]
  for (const step of steps.slice(1, steps.indexOf(until) + 1)) {
    events.push(
      step === 'done'
        ? { type: 'flow', flow: 'order', outcome: 'finished', step, product, amountFen: 1500 }
        : { type: 'flow', flow: 'order', outcome: 'step', step, product },
    )
  }
  if (until !== 'done') events.push({ type: 'flow', flow: 'order', outcome: 'abandoned', step: until, product })
  return events
}
