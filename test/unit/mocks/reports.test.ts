import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import {
  Complaint,
  ComplaintDraft,
  ComplaintListResponse,
  ComplaintOptions,
  Diagnosis,
  ErrorBody,
  StbErrorCode,
  SymptomListResponse,
  Ticket,
  TicketForm,
  TicketListResponse,
} from '../../../src/contract/index.ts'
import { scenarioNames } from '../../../mocks/scenarios.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'
import { call, login, postJson, useScenario } from './mockClient.ts'

const server = setupServer()
const now = new Date('2026-11-22T12:15:00Z')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const post = (path: string, token: string, body: unknown) =>
  call(path, { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe.each(scenarioNames)('self-help, tickets and complaints mocks in scenario %s', (scenario) => {
  it('answer every read route with contract-valid bodies', async () => {
    useScenario(server, scenario, { now: () => now, delayMs: 0 })
    const token = await login()
    const checks: Array<[string, Parameters<typeof schemaErrors>[0]]> = [
      ['/api/v1/selfhelp/symptoms', SymptomListResponse],
      ['/api/v1/selfhelp/codes/E016', StbErrorCode],
      ['/api/v1/selfhelp/diagnosis?symptom=unauthorised', Diagnosis],
      ['/api/v1/tickets/form', TicketForm],
      ['/api/v1/tickets', TicketListResponse],
      ['/api/v1/complaints/options', ComplaintOptions],
      ['/api/v1/complaints', ComplaintListResponse],
    ]
    for (const [path, schema] of checks) {
      const res = await call(path, { token })
      expect(res.status, path).toBe(200)
      expect(schemaErrors(schema, res.body), path).toEqual([])
    }
    const bad = await call('/api/v1/selfhelp/codes/E777', { token })
    expect(bad.status).toBe(404)
    expect(schemaErrors(ErrorBody, bad.body)).toEqual([])
  })

  it('take a ticket and a complaint (201, or 202 pending while the BOSS is down) and refuse bad input', async () => {
    useScenario(server, scenario, { now: () => now, delayMs: 0 })
    const token = await login()
    const down = scenario === 'boss-down'
    const t = await post('/api/v1/tickets', token, { category: 'no-signal', presetId: 'all-channels' })
    expect(t.status).toBe(down ? 202 : 201)
    expect(schemaErrors(Ticket, t.body)).toEqual([])
    const list = await call('/api/v1/tickets', { token })
    expect(list.body.items[0].reference).toBe(t.body.reference)
    expect((await post('/api/v1/tickets', token, { category: 'no-signal', presetId: 'made-up' })).status).toBe(400)
    expect(
      (await post('/api/v1/tickets', token, { category: 'no-signal', presetId: 'all-channels', contactPhone: '123' }))
        .status,
    ).toBe(400)

    const draft = await call('/api/v1/complaints/drafts', { method: 'POST', token })
    expect(draft.status).toBe(201)
    expect(schemaErrors(ComplaintDraft, draft.body)).toEqual([])
    const c = await post('/api/v1/complaints', token, {
      type: 'billing',
      subjectId: 'wrong-charge',
      draftId: draft.body.draftId,
    })
    expect(c.status).toBe(down ? 202 : 201)
    expect(schemaErrors(Complaint, c.body)).toEqual([])
    expect(c.body.text).toBe(draft.body.text)
    expect((await post('/api/v1/complaints', token, { type: 'billing', subjectId: 'hotline' })).status).toBe(400)
  })
})

describe('mocks tell the account-linked diagnosis apart', () => {
  it('suspended offers a top-up, normal the checks', async () => {
    useScenario(server, 'suspended', { now: () => now })
    expect(
      (await call('/api/v1/selfhelp/diagnosis?symptom=unauthorised', { token: await login() })).body,
    ).toMatchObject({ finding: 'suspended', offer: 'top-up' })
    useScenario(server, 'normal', { now: () => now })
    expect(
      (await call('/api/v1/selfhelp/diagnosis?symptom=unauthorised', { token: await login() })).body,
    ).toMatchObject({ finding: 'none', offer: 'checks' })
    expect((await postJson('/api/v1/tickets', {})).status).toBe(401)
  })
})
