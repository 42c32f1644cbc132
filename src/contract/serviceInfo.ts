import { Type, type Static } from '@sinclair/typebox'
import { LocalText } from './selfhelp.ts'

/**
 * 业务咨询: FAQ by topic, service points (营业网点) and the hotline. Operator-edited content kept in the
 * repo (src/bff/data/service-info.json, validated against this schema), every text in every language.
 */
const Id = Type.String({ pattern: '^[a-z0-9-]{1,40}$' })

export const FaqEntry = Type.Object({ id: Id, question: LocalText, answer: LocalText }, { additionalProperties: false })
export type FaqEntry = Static<typeof FaqEntry>

export const FaqTopic = Type.Object(
  {
    id: Id,
    title: LocalText,
    entries: Type.Array(FaqEntry, { minItems: 1 }),
  },
  { additionalProperties: false },
)
export type FaqTopic = Static<typeof FaqTopic>

export const ServicePoint = Type.Object(
  {
    id: Id,
    name: LocalText,
    address: LocalText,
    hours: LocalText,
    phone: Type.String({ pattern: '^[0-9-]{5,20}$' }),
    /** Opened on a phone from the QR code the TV draws. */
    mapUrl: Type.String({ pattern: '^https?://\\S{1,300}$' }),
  },
  { additionalProperties: false },
)
export type ServicePoint = Static<typeof ServicePoint>

export const ServiceInfo = Type.Object(
  {
    faqTopics: Type.Array(FaqTopic, { minItems: 1 }),
    servicePoints: Type.Array(ServicePoint),
    hotline: Type.Object(
      { number: Type.String({ pattern: '^[0-9-]{3,20}$' }), hours: LocalText },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type ServiceInfo = Static<typeof ServiceInfo>
