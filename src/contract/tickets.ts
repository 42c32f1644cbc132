import { Type, type Static } from '@sinclair/typebox'
import { IsoDate, IsoDateTime } from './common.ts'
import { LocalText, RepairCategoryInfo, TicketCategory } from './selfhelp.ts'

/**
 * Repair tickets (故障报修 / 工单). `pending`: accepted by the hall and kept safe, not yet registered
 * with the BOSS (it was down or slow); it then moves on like any other ticket.
 */
export const TicketStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('acknowledged'),
  Type.Literal('dispatched'),
  Type.Literal('on-site'),
  Type.Literal('resolved'),
  Type.Literal('closed'),
  Type.Literal('cancelled'),
])
export type TicketStatus = Static<typeof TicketStatus>

/** Mainland mobile number, as the viewer enters it (digits only). */
export const ContactPhone = Type.String({ pattern: '^1[3-9]\\d{9}$', description: 'mobile number, 11 digits' })

/** The hall's reference (given at once, also while pending) or the BOSS's ticket number. */
export const TicketId = Type.String({ pattern: '^[A-Za-z0-9]{1,32}$' })

export const AppointmentPeriod = Type.Union([Type.Literal('am'), Type.Literal('pm')])
export type AppointmentPeriod = Static<typeof AppointmentPeriod>

export const AppointmentSlot = Type.Object({
  slotId: Type.String({ pattern: '^[A-Za-z0-9]{1,32}$' }),
  date: IsoDate,
  period: AppointmentPeriod,
  /** e.g. 上午 09:00-12:00 */
  label: LocalText,
  freeCount: Type.Integer({ minimum: 1 }),
})
export type AppointmentSlot = Static<typeof AppointmentSlot>

export const TicketEvent = Type.Object({
  status: TicketStatus,
  at: IsoDateTime,
  /** The BOSS's or the engineer's note for this step. */
  note: Type.String(),
})
export type TicketEvent = Static<typeof TicketEvent>

export const TicketSummary = Type.Object({
  /** The BOSS's ticket number; null while pending. */
  ticketId: Type.Union([TicketId, Type.Null()]),
  /** The hall's reference, given the moment the ticket was accepted (null for tickets opened elsewhere). */
  reference: Type.Union([TicketId, Type.Null()]),
  category: TicketCategory,
  /** The BOSS's text, in Chinese: the viewer's preset, or the words of whoever opened it at the counter. */
  description: Type.String(),
  /** The same text in both languages when it is one of the hall's presets; null for anyone's own words. */
  descriptionText: Type.Union([LocalText, Type.Null()]),
  status: TicketStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  appointment: Type.Union([Type.Object({ date: IsoDate, period: AppointmentPeriod }), Type.Null()]),
  /** 1-5 stars once rated (回访). */
  rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
  canCancel: Type.Boolean(),
  canRate: Type.Boolean(),
})
export type TicketSummary = Static<typeof TicketSummary>

export const Ticket = Type.Composite([
  TicketSummary,
  Type.Object({
    contactPhoneMasked: Type.Union([Type.String(), Type.Null()]),
    /** Oldest first. */
    timeline: Type.Array(TicketEvent),
  }),
])
export type Ticket = Static<typeof Ticket>

/** Pending tickets first, then the BOSS's, newest first. `bossAvailable: false`: only the pending ones could be shown. */
export const TicketListResponse = Type.Object({ items: Type.Array(TicketSummary), bossAvailable: Type.Boolean() })
export type TicketListResponse = Static<typeof TicketListResponse>

/** Everything the report form needs in one call; phone and slots are null/empty when the BOSS cannot be asked. */
export const TicketForm = Type.Object({
  categories: Type.Array(RepairCategoryInfo),
  /** e.g. 139****0001; null when unknown right now (the BOSS uses the number it has on file). */
  contactPhoneMasked: Type.Union([Type.String(), Type.Null()]),
  /** Free visit slots of the next 7 days for the household's area. */
  slots: Type.Array(AppointmentSlot),
  bossAvailable: Type.Boolean(),
})
export type TicketForm = Static<typeof TicketForm>

export const CreateTicketRequest = Type.Object(
  {
    category: TicketCategory,
    presetId: Type.String({
      pattern: '^[a-z0-9-]{1,40}$',
      description: "One of the category's presets in GET /tickets/form (400 otherwise)",
    }),
    /** Only when the viewer changed it; otherwise the number on file is used. */
    contactPhone: Type.Optional(ContactPhone),
    /** One of the form's slots; absent means "call me to arrange a visit". */
    slotId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,32}$' })),
  },
  { additionalProperties: false },
)
export type CreateTicketRequest = Static<typeof CreateTicketRequest>

export const TicketIdParams = Type.Object({ ticketId: TicketId }, { additionalProperties: false })
export type TicketIdParams = Static<typeof TicketIdParams>

export const RateTicketRequest = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
  },
  { additionalProperties: false },
)
export type RateTicketRequest = Static<typeof RateTicketRequest>
