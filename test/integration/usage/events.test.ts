import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDbUsageStore } from '../../../src/bff/analytics/duckdbStore.ts'
import { api, login, startStack, type Stack } from '../harness.ts'
import { batchOf, operatorAuth, orderSession, report, sendBatch, usageStore } from './helpers.ts'
import { offerSuite } from './offers.ts'

// The real BFF and boss-stub with the usage store in a real DuckDB file (one instance, no Redis).
let stack: Stack
let store: DuckDbUsageStore
let token: string
beforeAll(async () => {
  stack = await startStack()
  store = await usageStore(stack)
  token = await login(stack, stack.bySubscriber('normal'))
})
afterAll(async () => {
  await store?.close()
  await stack?.close()
})

describe('usage events into DuckDB', () => {
  it('stores a batch once, even when the box sends it again after a lost answer', async () => {
    const before = await store.count()
    const batch = batchOf(orderSession('P_OPERA', 'confirm'))
    const first = await sendBatch(stack, token, batch)
    expect(first.status).toBe(202)
    expect(first.body.accepted).toBe(batch.events.length)
    const again = await sendBatch(stack, token, batch)
    expect(again.status).toBe(202)
    expect(await store.count()).toBe(before + batch.events.length)
  })

  it('keeps the household pseudonymous and the area, corrects a box clock that is an hour behind', async () => {
    const sub = stack.bySubscriber('normal')
    const late = new Date(Date.now() - 3_600_000)
    const batch = batchOf([{ type: 'screen', screen: 'balance' }], { sentAt: late })
    expect((await sendBatch(stack, token, batch)).status).toBe(202)
    const row = (await store.dump()).find((r) => r.event_id === batch.events[0].id)
    expect(row).toBeDefined()
    expect(JSON.stringify(row)).not.toContain(sub.customerId)
    expect(String(row!.household)).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(row!.area).toBeTruthy()
    expect(Math.abs(Date.parse(String(row!.occurred_at)) - Date.now())).toBeLessThan(60_000)
  })

  it('the operator report shows the funnel and where viewers gave up, as JSON and CSV', async () => {
    const other = await login(
      stack,
      stack.subscribers.filter((s) => s.status === 'normal')[1] ?? stack.bySubscriber('normal'),
    )
    expect((await sendBatch(stack, other, batchOf(orderSession('P_OPERA', 'done')))).status).toBe(202)
    expect((await sendBatch(stack, other, batchOf(orderSession('P_EDU', 'pin')))).status).toBe(202)
    const r = await report(stack)
    const funnel = Object.fromEntries(r.tables.funnel.map((row: any) => [row.step, row]))
    expect(funnel.catalogue.sessions).toBeGreaterThanOrEqual(3)
    expect(funnel.done.sessions).toBeGreaterThanOrEqual(1)
    expect(funnel.confirm.gaveUp).toBeGreaterThanOrEqual(1) // the first test's session left at confirm
    expect(funnel.pin.gaveUp).toBeGreaterThanOrEqual(1)
    expect(r.tables.flows.find((f: any) => f.flow === 'order')).toMatchObject({
      finished: expect.any(Number),
      abandoned: expect.any(Number),
    })
    expect(r.tables.callsSaved.find((c: any) => c.reason === 'package ordered')?.calls).toBeGreaterThanOrEqual(1)
    const csv = await fetch(`${stack.bffUrl}/operator/api/usage/funnel.csv`, { headers: operatorAuth(stack) })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="usage-funnel-/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe('step,sessions,gaveUp,dropOff')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['catalogue', 'detail', 'confirm', 'pin', 'done'])
  })

  it('reports filter by area and date range', async () => {
    const area = (await store.dump())[0].area as string
    const inArea = await report(stack, `?area=${area}`)
    const elsewhere = await report(stack, '?area=NOWHERE')
    expect(inArea.tables.daily.length).toBeGreaterThan(0)
    expect(elsewhere.tables.daily).toEqual([])
    const past = await report(stack, '?from=2020-01-01&to=2020-01-31')
    expect(past.tables.services).toEqual([])
    expect(
      (
        await api(stack, 'GET', '/operator/api/usage/report?from=2026-02-01&to=2026-01-01', {
          headers: operatorAuth(stack),
        })
      ).status,
    ).toBe(400)
  })

  it('the report page is served to the operator, with Chart.js from the BFF itself', async () => {
    const page = await fetch(`${stack.bffUrl}/operator/usage`, { headers: operatorAuth(stack) })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('/operator/chart.js')
    const chart = await fetch(`${stack.bffUrl}/operator/chart.js`, { headers: operatorAuth(stack) })
    expect(chart.status).toBe(200)
    expect(await chart.text()).toContain('Chart')
  })
})

offerSuite(() => ({ stack, store }))
