import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type AppointmentSlot, routes, Ticket, type TicketSummary } from '../../contract/index.ts'
import { ApiError, badRequest, notFound } from '../errors.ts'
import { BossRefusedError } from '../domain/errors.ts'
import { maskPhone } from '../log.ts'
import { beijingToday, toIsoBeijing } from '../time.ts'
import { acceptReport, referenceFor, unlessBossDown } from '../outbox/accept.ts'
import { createIdempotency } from '../plugins/idempotency.ts'
import { Topic, type TicketMessage } from '../outbox/reports.ts'
import type { BffServices } from '../services.ts'
import { pendingTicket, toSummary, withPresetText } from './ticketViews.ts'

const ticketRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, r) => {
  // A box resending after a lost answer must not open a second ticket.
  const idem = createIdempotency(r.store, { scope: 'ticket' })
  const pendingOf = async (customerId: string) =>
    (await r.store.pending(Topic.ticket, customerId)).map((m) => pendingTicket(m, r.tickets.visitOf))
  const inBothLanguages = <T extends TicketSummary>(t: T): T => withPresetText(t, (zh) => r.knowledge.presetText(zh))

  /** The ticket by the BOSS's id or the hall's reference; pending ones come from the outbox. */
  async function find(customerId: string, id: string): Promise<Ticket> {
    const pending = (await pendingOf(customerId)).find((t) => t.reference === id)
    if (pending) return inBothLanguages(pending)
    const ticket = await r.tickets.get(customerId, id.startsWith('RT') ? { serial: id } : { ticketId: id })
    if (!ticket) throw notFound('No such ticket for this account')
    return inBothLanguages(ticket)
  }

  /** Cancel and rate act on tickets the BOSS has; a refusal for the ticket's state is a 409. */
  async function act(
    customerId: string,
    id: string,
    work: (ticketId: string) => Promise<Ticket | null>,
  ): Promise<Ticket> {
    const ticket = await find(customerId, id)
    if (!ticket.ticketId)
      throw new ApiError(409, 'CONFLICT', 'The ticket is still being registered; try again shortly', { retryAfter: 10 })
    try {
      const done = await work(ticket.ticketId)
      if (!done) throw notFound('No such ticket for this account')
      return inBothLanguages(done)
    } catch (err) {
      if (err instanceof BossRefusedError && err.refusal === 'notInThisState')
        throw new ApiError(409, 'CONFLICT', `Not possible in state ${ticket.status}`)
      throw err
    }
  }

  app.get(routes.ticketForm.path, { schema: routes.ticketForm.schema }, async (request) => {
    const c = request.customer.customerId
    const [phone, slots] = await Promise.all([
      unlessBossDown(() => r.tickets.contactPhone(c), null),
      unlessBossDown(() => r.tickets.freeSlots(c), [] as AppointmentSlot[]),
    ])
    return {
      categories: r.knowledge.repairCategories,
      contactPhoneMasked: phone.value ? maskPhone(phone.value) : null,
      slots: slots.value,
      bossAvailable: phone.bossAvailable && slots.bossAvailable,
    }
  })

  app.get(routes.tickets.path, { schema: routes.tickets.schema }, async (request) => {
    const c = request.customer.customerId
    const pending = (await pendingOf(c)).reverse()
    const boss = await unlessBossDown(() => r.tickets.list(c), [])
    // Delivered but not yet acknowledged in the outbox: the BOSS's record wins.
    const known = new Set(boss.value.map((t) => t.reference))
    return {
      items: [...pending.filter((t) => !known.has(t.reference)).map(toSummary), ...boss.value].map(inBothLanguages),
      bossAvailable: boss.bossAvailable,
    }
  })

  app.get(routes.ticket.path, { schema: routes.ticket.schema }, async (request) =>
    find(request.customer.customerId, request.params.ticketId),
  )

  app.post(routes.createTicket.path, { schema: routes.createTicket.schema }, async (request, reply) =>
    idem.run(request, reply, { material: request.body }, async (key) => {
      const c = request.customer.customerId
      const { category, presetId, contactPhone, slotId } = request.body
      const info = r.knowledge.repairCategory(category)
      if (!info) throw badRequest(`body.category ${category} is not offered`)
      const preset = info.presets.find((p) => p.id === presetId)
      if (!preset) throw badRequest(`body.presetId ${presetId} is not a preset of ${category}`)
      if (slotId) {
        const visit = r.tickets.visitOf(slotId)
        if (!visit) throw badRequest('body.slotId is not a slot this hall offered')
        if (visit.date <= beijingToday(r.now())) throw badRequest('body.slotId is in the past; pick another slot')
        const offered = await unlessBossDown(() => r.tickets.freeSlots(c), null)
        // While the BOSS is down the slot cannot be checked: if it filled up meanwhile, the ticket goes without it.
        if (offered.value && !offered.value.some((s) => s.slotId === slotId))
          throw badRequest('body.slotId is not offered (full or not your area); pick another slot')
      }
      const message: TicketMessage = {
        order: {
          serial: referenceFor('T', c, key),
          customerId: c,
          category,
          description: preset.text['zh-CN'],
          contactPhone: contactPhone ?? null,
          slotId: slotId ?? null,
        },
        acceptedAt: toIsoBeijing(r.now()),
        presetId,
      }
      const delivered = (await acceptReport(r, Topic.ticket, c, message)) as Ticket | null
      request.log.info({ reference: message.order.serial, delivered: delivered !== null }, 'ticket accepted')
      if (delivered) return { statusCode: 201, body: inBothLanguages(delivered) }
      const pending = (await pendingOf(c)).find((t) => t.reference === message.order.serial)
      // Delivered between the wait and this look: ask the BOSS for it.
      return { statusCode: 202, body: pending ? inBothLanguages(pending) : await find(c, message.order.serial) }
    }),
  )

  app.post(routes.cancelTicket.path, { schema: routes.cancelTicket.schema }, async (request) => {
    const c = request.customer.customerId
    return act(c, request.params.ticketId, (id) => r.tickets.cancel(c, id))
  })

  app.post(routes.rateTicket.path, { schema: routes.rateTicket.schema }, async (request) => {
    const c = request.customer.customerId
    return act(c, request.params.ticketId, (id) => r.tickets.rate(c, id, request.body.stars))
  })
}
export default ticketRoutes
