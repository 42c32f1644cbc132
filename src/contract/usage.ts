import { Type, type Static } from '@sinclair/typebox'
import { IsoDateTime } from './common.ts'

/**
 * Usage events: what the box tells the operator about how the hall is used. Every field is a name
 * from a closed vocabulary (a route pattern, a flow step, an error code), never a value the viewer
 * typed: a name must start with a letter and holds no spaces, no CJK and no run of 5 or more digits,
 * so a PIN, a card number, a password or free text cannot pass (the BFF answers 400 to the batch).
 */
const NAME_PATTERN = '^(?!.*[0-9]{5})[A-Za-z][A-Za-z0-9_.:/-]{0,47}$'
export const UsageName = Type.String({ pattern: NAME_PATTERN, maxLength: 48 })

export const UsageEventType = Type.Union([
  Type.Literal('screen'), // a screen was shown (its route pattern, e.g. `packages/:productId`)
  Type.Literal('flow'), // a key flow started, reached a step, finished or was abandoned
  Type.Literal('selfhelp'), // a self-help outcome: solved by a step, or went on to a ticket
  Type.Literal('error'), // an error screen or toast shown to the viewer (its contract code)
])
export type UsageEventType = Static<typeof UsageEventType>

export const UsageFlow = Type.Union([
  Type.Literal('order'),
  Type.Literal('topup'),
  Type.Literal('fault'),
  Type.Literal('complaint'),
  Type.Literal('rating'),
])
export type UsageFlow = Static<typeof UsageFlow>

export const UsageOutcome = Type.Union([
  Type.Literal('started'),
  Type.Literal('step'),
  Type.Literal('finished'),
  Type.Literal('abandoned'),
  Type.Literal('solved'), // selfhelp: a step fixed it
  Type.Literal('ticket'), // selfhelp: the viewer went on to report the fault
])
export type UsageOutcome = Static<typeof UsageOutcome>

/** The order funnel's steps, in order: the report shows the drop-off between each pair. */
export const ORDER_FUNNEL = ['catalogue', 'detail', 'confirm', 'pin', 'done'] as const

export const UsageEvent = Type.Object(
  {
    /** Made by the box, unique per event. */
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' }),
    /** The box's clock; the BFF corrects it by the batch's sentAt. */
    at: IsoDateTime,
    type: UsageEventType,
    screen: Type.Optional(UsageName),
    flow: Type.Optional(UsageFlow),
    step: Type.Optional(UsageName),
    outcome: Type.Optional(UsageOutcome),
    /** selfhelp: the symptom chosen; complaint: its category; error: the contract error code. */
    symptom: Type.Optional(UsageName),
    category: Type.Optional(UsageName),
    code: Type.Optional(UsageName),
    /** order: the package; topup: the method (card, qr...). */
    product: Type.Optional(UsageName),
    method: Type.Optional(UsageName),
    /** topup, order: the amount in fen (a price, never a card value typed by hand). */
    amountFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  },
  {
    additionalProperties: false,
    // What each type must carry (src/bff/analytics/accept.ts): the batch is refused with 400 otherwise.
    description:
      'screen: screen; flow: flow and an outcome other than solved/ticket; selfhelp: outcome solved or ticket; error: code',
  },
)
export type UsageEvent = Static<typeof UsageEvent>

export const USAGE_BATCH_MAX = 50

export const UsageBatch = Type.Object(
  {
    /** Made by the box per batch: a batch sent twice (a retry after a lost answer) is stored once. */
    batchId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' }),
    /** Made by the box at boot: ties screens and flows of one sitting together. */
    session: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' }),
    /** The box's clock when it sent the batch (corrects a wrong box clock). */
    sentAt: IsoDateTime,
    events: Type.Array(UsageEvent, { minItems: 1, maxItems: USAGE_BATCH_MAX }),
  },
  { additionalProperties: false },
)
export type UsageBatch = Static<typeof UsageBatch>

export const UsageAccepted = Type.Object({ accepted: Type.Integer({ minimum: 0 }) })
export type UsageAccepted = Static<typeof UsageAccepted>

export const ReportQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    area: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' })),
  },
  { additionalProperties: false },
)
export type ReportQuery = Static<typeof ReportQuery>

const Row = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))

export const REPORT_TABLES = [
  'daily',
  'services',
  'funnel',
  'flows',
  'topups',
  'faults',
  'complaints',
  'errors',
  'callsSaved',
  'offers',
] as const
export type ReportTable = (typeof REPORT_TABLES)[number]

export const UsageReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  area: Type.Union([Type.String(), Type.Null()]),
  tables: Type.Record(Type.String(), Type.Array(Row)),
  /** Share of self-help sessions solved without a ticket (0..1), null when none. */
  deflectionRate: Type.Union([Type.Number(), Type.Null()]),
})
export type UsageReport = Static<typeof UsageReport>

/** The operator sends each package's offer to its audience in the range (the `offers` table). */
export const OfferSendRequest = Type.Object(ReportQuery.properties, {
  additionalProperties: false,
  description: 'The date range and area of the audience, as the report was asked for',
})
export type OfferSendRequest = Static<typeof OfferSendRequest>

/** What happened to each targeted offer: only `sent` reached a household's messages. */
export const OfferRun = Type.Object({
  from: Type.String(),
  to: Type.String(),
  area: Type.Union([Type.String(), Type.Null()]),
  /** Household and package pairs in the audience. */
  targets: Type.Integer({ minimum: 0 }),
  sent: Type.Integer({ minimum: 0 }),
  /** The viewer said no to offers (Settings on the box). */
  optedOut: Type.Integer({ minimum: 0 }),
  /** Offered this package in the last 30 days already (also a run repeated). */
  alreadyOffered: Type.Integer({ minimum: 0 }),
  /** The household had its cap of offers in 30 days. */
  capped: Type.Integer({ minimum: 0 }),
  /** Holds the package by now, or its account is not in good standing. */
  notEligible: Type.Integer({ minimum: 0 }),
  /** Seen only under an earlier household key, or the BOSS did not answer: not sent. */
  unreachable: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
})
export type OfferRun = Static<typeof OfferRun>

/** The viewer's consent to targeted offers, set in Settings on the box and kept by the BOSS. */
export const OfferConsent = Type.Object({ offers: Type.Boolean() }, { additionalProperties: false })
export type OfferConsent = Static<typeof OfferConsent>
