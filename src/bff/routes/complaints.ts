import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  Complaint, ComplaintDraft, ComplaintListResponse, ComplaintOptions, ComplaintPath, CreateComplaintRequest, DraftIdParams,
  ErrorBody,
} from '../../contract/index.ts'
import { badRequest, notFound } from '../errors.ts'
import { toIsoBeijing } from '../time.ts'
import { acceptReport, referenceFor, unlessBossDown } from '../outbox/accept.ts'
import { createIdempotency } from '../plugins/idempotency.ts'
import { Topic, type ComplaintMessage } from '../outbox/reports.ts'
import type { BffServices } from '../services.ts'
import type { OutboxMessage } from '../store/store.ts'
import { createDraft, dropDraft, readDraft, type Draft } from '../phone/drafts.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }
const meta = { tags: ['complaints'], security: [{ bearer: [] }] }

function pendingComplaint(m: OutboxMessage): Complaint {
  const { order, acceptedAt } = m.payload as ComplaintMessage
  return {
    complaintId: null, reference: order.serial, type: order.type, subjectId: order.subjectId, subject: order.subject,
    text: order.text, status: 'pending', createdAt: acceptedAt, repeatOf: null,
  }
}

const complaintRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, r) => {
  // A box resending after a lost answer must not file the complaint twice (nor link it to itself as a repeat).
  const idem = createIdempotency(r.store, { scope: 'complaint' })
  const phoneUrl = (request: FastifyRequest, draftId: string) =>
    `${r.config.publicBaseUrl ?? `${request.protocol}://${request.host}`}${ComplaintPath.phonePage.replace(':draftId', draftId)}`
  const draftView = (request: FastifyRequest, draftId: string, d: Draft): ComplaintDraft => ({
    draftId, phoneUrl: phoneUrl(request, draftId), expiresAt: toIsoBeijing(new Date(d.expiresAt)),
    status: d.text === null ? 'waiting' : 'submitted', text: d.text,
  })
  /** Only the household that opened a draft sees it; someone else's is "not found". */
  const ownDraft = async (customerId: string, draftId: string) => {
    const d = await readDraft(r.store, draftId)
    return d && d.customerId === customerId && d.expiresAt > r.now().getTime() ? d : null
  }

  app.get(ComplaintPath.options, {
    schema: { ...meta, summary: 'Complaint types with their preset subjects', response: { 200: ComplaintOptions, 401: ErrorBody } },
  }, async () => ({ types: r.knowledge.complaintTypes }))

  app.get(ComplaintPath.complaints, {
    schema: { ...meta, summary: 'My complaints: pending ones first, then the BOSS\'s, newest first', response: { 200: ComplaintListResponse, ...errors } },
  }, async (request) => {
    const c = request.customer.customerId
    const pending = (await r.store.pending(Topic.complaint, c)).map(pendingComplaint).reverse()
    const boss = await unlessBossDown(() => r.complaints.list(c), [])
    const known = new Set(boss.value.map((x) => x.reference))
    return { items: [...pending.filter((x) => !known.has(x.reference)), ...boss.value], bossAvailable: boss.bossAvailable }
  })

  app.post(ComplaintPath.drafts, {
    schema: { ...meta, summary: 'Open a phone page for typing the complaint text (show phoneUrl as a QR code)', response: { 201: ComplaintDraft, ...errors } },
  }, async (request, reply) => {
    const { draftId, draft } = await createDraft(r.store, request.customer.customerId, r.now().getTime())
    return reply.code(201).send(draftView(request, draftId, draft))
  })

  app.get(ComplaintPath.draft, {
    schema: { ...meta, summary: 'Poll a draft: the text once the viewer sent it from the phone', params: DraftIdParams, response: { 200: ComplaintDraft, ...errors } },
  }, async (request) => {
    const d = await ownDraft(request.customer.customerId, request.params.draftId)
    if (!d) throw notFound('No such draft (expired, used, or never opened here)')
    return draftView(request, request.params.draftId, d)
  })

  app.post(ComplaintPath.complaints, {
    schema: {
      ...meta,
      summary: 'Make a complaint or suggestion: 201 registered with the BOSS (repeatOf set for a repeat), 202 accepted and pending',
      body: CreateComplaintRequest,
      response: { 201: Complaint, 202: Complaint, ...errors },
    },
  }, async (request, reply) => idem.run(request, reply, { material: request.body }, async (key) => {
    const c = request.customer.customerId
    const { type, subjectId, draftId } = request.body
    const subject = r.knowledge.complaintType(type)?.subjects.find((x) => x.id === subjectId)
    if (!subject) throw badRequest(`body.subjectId ${subjectId} is not a subject of ${type}`)
    let text: string | null = null
    if (draftId) {
      const d = await ownDraft(c, draftId)
      if (!d) throw badRequest('body.draftId is not a draft of this box (expired or used)')
      if (d.text === null) throw badRequest('body.draftId has no text yet: nothing was sent from the phone')
      text = d.text
    }
    const message: ComplaintMessage = {
      order: { serial: referenceFor('C', c, key), customerId: c, type, subjectId, subject: subject.text['zh-CN'], text },
      acceptedAt: toIsoBeijing(r.now()),
    }
    const delivered = (await acceptReport(r, Topic.complaint, c, message)) as Complaint | null
    if (draftId) await dropDraft(r.store, draftId)
    request.log.info({ reference: message.order.serial, delivered: delivered !== null }, 'complaint accepted')
    if (delivered) return { statusCode: 201, body: delivered }
    const pending = (await r.store.pending(Topic.complaint, c)).map(pendingComplaint).find((x) => x.reference === message.order.serial)
    return { statusCode: 202, body: pending ?? (await r.complaints.bySerial(c, message.order.serial)) ?? pendingComplaint({ id: 0, topic: Topic.complaint, payload: message, attempts: 0, createdAt: 0 }) }
  }))
}
export default complaintRoutes
