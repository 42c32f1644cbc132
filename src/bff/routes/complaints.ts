import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Complaint, ComplaintDraft, ComplaintPath, routes } from '../../contract/index.ts'
import { badRequest, notFound } from '../errors.ts'
import { toIsoBeijing } from '../time.ts'
import { acceptReport, referenceFor, unlessBossDown } from '../outbox/accept.ts'
import { createIdempotency } from '../plugins/idempotency.ts'
import { Topic, type ComplaintMessage } from '../outbox/reports.ts'
import type { BffServices } from '../services.ts'
import type { OutboxMessage } from '../store/store.ts'
import { createDraft, dropDraft, readDraft, type Draft } from '../phone/drafts.ts'

function pendingComplaint(m: OutboxMessage): Complaint {
  const { order, acceptedAt } = m.payload as ComplaintMessage
  return {
    complaintId: null,
    reference: order.serial,
    type: order.type,
    subjectId: order.subjectId,
    subject: order.subject,
    text: order.text,
    status: 'pending',
    createdAt: acceptedAt,
    repeatOf: null,
  }
}

const complaintRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, r) => {
  // A box resending after a lost answer must not file the complaint twice (nor link it to itself as a repeat).
  const idem = createIdempotency(r.store, { scope: 'complaint' })
  const phoneUrl = (request: FastifyRequest, draftId: string) =>
    `${r.config.publicBaseUrl ?? `${request.protocol}://${request.host}`}${ComplaintPath.phonePage.replace(':draftId', draftId)}`
  const draftView = (request: FastifyRequest, draftId: string, d: Draft): ComplaintDraft => ({
    draftId,
    phoneUrl: phoneUrl(request, draftId),
    expiresAt: toIsoBeijing(new Date(d.expiresAt)),
    status: d.text === null ? 'waiting' : 'submitted',
    text: d.text,
  })
  /** Only the household that opened a draft sees it; someone else's is "not found". */
  const ownDraft = async (customerId: string, draftId: string) => {
    const d = await readDraft(r.store, draftId)
    return d && d.customerId === customerId && d.expiresAt > r.now().getTime() ? d : null
  }

  app.get(routes.complaintOptions.path, { schema: routes.complaintOptions.schema }, async () => ({
    types: r.knowledge.complaintTypes,
  }))

  app.get(routes.complaints.path, { schema: routes.complaints.schema }, async (request) => {
    const c = request.customer.customerId
    const pending = (await r.store.pending(Topic.complaint, c)).map(pendingComplaint).reverse()
    const boss = await unlessBossDown(() => r.complaints.list(c), [])
    const known = new Set(boss.value.map((x) => x.reference))
    return {
      items: [...pending.filter((x) => !known.has(x.reference)), ...boss.value],
      bossAvailable: boss.bossAvailable,
    }
  })

  app.post(routes.createDraft.path, { schema: routes.createDraft.schema }, async (request, reply) => {
    const { draftId, draft } = await createDraft(r.store, request.customer.customerId, r.now().getTime())
    return reply.code(201).send(draftView(request, draftId, draft))
  })

  app.get(routes.draft.path, { schema: routes.draft.schema }, async (request) => {
    const d = await ownDraft(request.customer.customerId, request.params.draftId)
    if (!d) throw notFound('No such draft (expired, used, or never opened here)')
    return draftView(request, request.params.draftId, d)
  })

  app.post(routes.createComplaint.path, { schema: routes.createComplaint.schema }, async (request, reply) =>
    idem.run(request, reply, { material: request.body }, async (key) => {
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
        order: {
          serial: referenceFor('C', c, key),
          customerId: c,
          type,
          subjectId,
          subject: subject.text['zh-CN'],
          text,
        },
        acceptedAt: toIsoBeijing(r.now()),
      }
      const delivered = (await acceptReport(r, Topic.complaint, c, message)) as Complaint | null
      if (draftId) await dropDraft(r.store, draftId)
      request.log.info({ reference: message.order.serial, delivered: delivered !== null }, 'complaint accepted')
      if (delivered) return { statusCode: 201, body: delivered }
      const pending = (await r.store.pending(Topic.complaint, c))
        .map(pendingComplaint)
        .find((x) => x.reference === message.order.serial)
      return {
        statusCode: 202,
        body:
          pending ??
          (await r.complaints.bySerial(c, message.order.serial)) ??
          pendingComplaint({ id: 0, topic: Topic.complaint, payload: message, attempts: 0, createdAt: 0 }),
      }
    }),
  )
}
export default complaintRoutes
