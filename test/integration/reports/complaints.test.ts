import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routes, type CreateComplaintRequest } from '../../../src/contract/index.ts'
import { api, bff, login, loose, startStack, type Stack } from '../harness.ts'

let stack: Stack
let token: string
let other: string
beforeAll(async () => {
  stack = await startStack()
  token = await login(stack, stack.bySubscriber('bill-jump'))
  other = await login(stack, stack.bySubscriber('expiring-soon'))
})
afterAll(() => stack.close())

const phone = (url: string) => new URL(url).pathname
/**
 * The TV's calls go through the client typed by the route table: a complaint without its Idempotency-Key, or any
 * call without the box's token, does not compile. Only the deliberately malformed complaints go out raw.
 */
const complaintOptions = () => loose(bff(stack, routes.complaintOptions, { token }))
const newDraft = () => loose(bff(stack, routes.createDraft, { token }))
const draftOf = (draftId: string, as = token) => loose(bff(stack, routes.draft, { token: as, params: { draftId } }))
const complain = (body: CreateComplaintRequest, as = token) =>
  loose(bff(stack, routes.createComplaint, { token: as, idempotencyKey: randomUUID(), body }))
const complaints = (as = token) => loose(bff(stack, routes.complaints, { token: as }))

describe('complaints and the phone page', () => {
  it('takes text typed on the phone page into the complaint; a repeat about the same subject is linked', async () => {
    const options = await complaintOptions()
    expect(options.body.types.map((t: { id: string }) => t.id)).toEqual(['service', 'quality', 'billing', 'suggestion'])

    const draft = await newDraft()
    expect(draft.status).toBe(201)
    expect(draft.body.status).toBe('waiting')
    const page = await fetch(`${stack.bffUrl}${phone(draft.body.phoneUrl)}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<textarea name="text"')
    expect(html).toContain('width=device-width')
    const typed = '上月账单多扣了 15 元 <script>'
    const posted = await fetch(`${stack.bffUrl}${phone(draft.body.phoneUrl)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: typed }).toString(),
    })
    expect(posted.status).toBe(200)
    expect(await posted.text()).toContain('已提交')
    const polled = await draftOf(draft.body.draftId)
    expect(polled.body).toMatchObject({ status: 'submitted', text: typed })
    expect((await draftOf(draft.body.draftId, other)).status).toBe(404)

    const first = await complain({ type: 'billing', subjectId: 'wrong-charge', draftId: draft.body.draftId })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      type: 'billing',
      subject: '账单有不明扣费',
      text: typed,
      status: 'open',
      repeatOf: null,
    })
    // The draft is used up: neither the TV nor the phone can use it again.
    expect((await draftOf(draft.body.draftId)).status).toBe(404)
    expect((await fetch(`${stack.bffUrl}${phone(draft.body.phoneUrl)}`)).status).toBe(404)

    const repeat = await complain({ type: 'billing', subjectId: 'wrong-charge' })
    expect(repeat.status).toBe(201)
    expect(repeat.body.repeatOf).toBe(first.body.complaintId)
    const unrelated = await complain({ type: 'suggestion', subjectId: 'channels' })
    expect(unrelated.body.repeatOf).toBeNull()
    const list = await complaints()
    expect(list.body.items.map((c: { complaintId: string }) => c.complaintId)).toEqual([
      unrelated.body.complaintId,
      repeat.body.complaintId,
      first.body.complaintId,
    ])
    expect((await complaints(other)).body.items).toEqual([])
  })

  it('answers 404 for a made-up or malformed token, and 400 for empty or overlong text', async () => {
    expect((await fetch(`${stack.bffUrl}/m/complaint/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404)
    expect((await fetch(`${stack.bffUrl}/m/complaint/short`)).status).toBe(404)
    const post = (path: string, text: string) =>
      fetch(`${stack.bffUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ text }).toString(),
      })
    expect((await post('/m/complaint/AAAAAAAAAAAAAAAAAAAAAA', 'hello')).status).toBe(404)
    const draft = await newDraft()
    const path = phone(draft.body.phoneUrl)
    expect((await post(path, '   ')).status).toBe(400)
    expect((await post(path, '长'.repeat(501))).status).toBe(400)
    expect((await draftOf(draft.body.draftId)).body.status).toBe('waiting')
    // Nothing typed yet: the TV cannot submit the draft.
    const early = await complain({ type: 'service', subjectId: 'hotline', draftId: draft.body.draftId })
    expect(early.status).toBe(400)
  })

  it('refuses unknown types and subjects and free text from the TV, storing nothing', async () => {
    const before = (await complaints()).body.items.length
    for (const body of [
      { type: 'noise', subjectId: 'hotline' },
      { type: 'service', subjectId: 'wrong-charge' },
      { type: 'service', subjectId: 'hotline', text: 'typed on the remote' },
    ]) {
      const res = await api(stack, 'POST', routes.createComplaint.path, {
        headers: { 'Idempotency-Key': randomUUID() },
        token,
        body,
      })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    expect((await complaints()).body.items.length).toBe(before)
  })

  it('accepts a complaint while the BOSS is down and delivers it later', async () => {
    await stack.setFaults({ down: true })
    const res = await complain({ type: 'service', subjectId: 'hotline' }, other)
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ status: 'pending', complaintId: null })
    await stack.resetFaults()
    let status = 'pending'
    for (let i = 0; i < 100 && status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 200))
      const list = await complaints(other)
      status = list.body.items[0]?.status
    }
    expect(status).toBe('open')
  })
})

describe('self-help', () => {
  it('lists symptoms and looks up error codes', async () => {
    const symptoms = await api(stack, 'GET', '/api/v1/selfhelp/symptoms', { token })
    expect(symptoms.body.items.map((s: { id: string }) => s.id)).toContain('unauthorised')
    const code = await api(stack, 'GET', '/api/v1/selfhelp/codes/e016', { token })
    expect(code.body).toMatchObject({ code: 'E016', symptomId: 'unauthorised' })
    expect((await api(stack, 'GET', '/api/v1/selfhelp/codes/E777', { token })).status).toBe(404)
    expect((await api(stack, 'GET', '/api/v1/selfhelp/codes/X1', { token })).status).toBe(400)
  })

  it('links "not authorised" to suspension, arrears or an expired package, from the BOSS', async () => {
    const diagnose = async (scenario: string, symptom = 'unauthorised') =>
      (
        await api(stack, 'GET', `/api/v1/selfhelp/diagnosis?symptom=${symptom}`, {
          token: await login(stack, stack.bySubscriber(scenario)),
        })
      ).body
    expect(await diagnose('suspended')).toMatchObject({
      finding: 'suspended',
      offer: 'top-up',
      account: { status: 'suspended' },
    })
    expect(await diagnose('arrears')).toMatchObject({ finding: 'arrears', offer: 'top-up' })
    const expired = await diagnose('expired')
    expect(expired).toMatchObject({ finding: 'package-expired', offer: 'renew' })
    expect(expired.expiredPackages.map((p: { name: string }) => p.name)).toContain('体育包')
    expect(await diagnose('normal')).toMatchObject({
      finding: 'none',
      offer: 'checks',
      repairCategory: 'channels',
      expiredPackages: [],
    })
    expect(await diagnose('suspended', 'remote')).toMatchObject({ finding: 'none', offer: 'checks', account: null })
    const normal = await login(stack, stack.bySubscriber('normal'))
    await stack.setFaults({ down: true })
    try {
      const res = await api(stack, 'GET', '/api/v1/selfhelp/diagnosis?symptom=unauthorised', { token: normal })
      expect(res.body).toMatchObject({ finding: 'unknown', offer: 'checks', account: null })
    } finally {
      await stack.resetFaults()
    }
    expect((await api(stack, 'GET', '/api/v1/selfhelp/diagnosis?symptom=volcano', { token })).status).toBe(404)
  })
})
