import { Type, type Static } from '@sinclair/typebox'
import { IsoDateTime } from './common.ts'
import { LocalText } from './selfhelp.ts'

/** Complaints and suggestions (投诉建议). */
export const ComplaintType = Type.Union([
  Type.Literal('service'),
  Type.Literal('quality'),
  Type.Literal('billing'),
  Type.Literal('suggestion'),
])
export type ComplaintType = Static<typeof ComplaintType>

/** `pending`: accepted and kept safe by the hall, not yet registered with the BOSS. */
export const ComplaintStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('open'),
  Type.Literal('in-progress'),
  Type.Literal('closed'),
])
export type ComplaintStatus = Static<typeof ComplaintStatus>

const SubjectId = Type.String({ pattern: '^[a-z0-9-]{1,40}$' })

export const ComplaintSubject = Type.Object({ id: SubjectId, text: LocalText }, { additionalProperties: false })
export type ComplaintSubject = Static<typeof ComplaintSubject>

export const ComplaintTypeInfo = Type.Object(
  {
    id: ComplaintType,
    title: LocalText,
    subjects: Type.Array(ComplaintSubject, { minItems: 1, maxItems: 12 }),
  },
  { additionalProperties: false },
)
export type ComplaintTypeInfo = Static<typeof ComplaintTypeInfo>

/** The operator-editable presets file (src/bff/data/complaint-subjects.json). */
export const ComplaintCatalogue = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    types: Type.Array(ComplaintTypeInfo, { minItems: 1 }),
  },
  { additionalProperties: false },
)
export type ComplaintCatalogue = Static<typeof ComplaintCatalogue>

export const ComplaintOptions = Type.Object({ types: Type.Array(ComplaintTypeInfo) })
export type ComplaintOptions = Static<typeof ComplaintOptions>

export const Complaint = Type.Object({
  /** The BOSS's complaint number; null while pending. */
  complaintId: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
  type: ComplaintType,
  subjectId: SubjectId,
  subject: Type.String(),
  /** What the viewer typed on the phone page, if anything. */
  text: Type.Union([Type.String(), Type.Null()]),
  status: ComplaintStatus,
  createdAt: IsoDateTime,
  /** The earlier open complaint about the same subject this one was linked to (a repeat complaint). */
  repeatOf: Type.Union([Type.String(), Type.Null()]),
})
export type Complaint = Static<typeof Complaint>

/** Pending complaints first, then the BOSS's, newest first. `bossAvailable: false`: only the pending ones could be shown. */
export const ComplaintListResponse = Type.Object({ items: Type.Array(Complaint), bossAvailable: Type.Boolean() })
export type ComplaintListResponse = Static<typeof ComplaintListResponse>

/** Longest text the phone page accepts. */
export const COMPLAINT_TEXT_MAX = 500

/** A draft is the short-lived binding between the TV and the phone page where the viewer types. */
export const DraftId = Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$' })

export const ComplaintDraft = Type.Object({
  draftId: DraftId,
  /** Absolute address of the phone page, for the QR code. */
  phoneUrl: Type.String(),
  expiresAt: IsoDateTime,
  status: Type.Union([Type.Literal('waiting'), Type.Literal('submitted')]),
  text: Type.Union([Type.String(), Type.Null()]),
})
export type ComplaintDraft = Static<typeof ComplaintDraft>

export const DraftIdParams = Type.Object({ draftId: DraftId }, { additionalProperties: false })
export type DraftIdParams = Static<typeof DraftIdParams>

export const CreateComplaintRequest = Type.Object(
  {
    type: ComplaintType,
    subjectId: Type.String({
      pattern: SubjectId.pattern,
      description: "One of the type's subjects in GET /complaints/options (400 otherwise)",
    }),
    /** A draft whose text the viewer typed on the phone. */
    draftId: Type.Optional(DraftId),
  },
  { additionalProperties: false },
)
export type CreateComplaintRequest = Static<typeof CreateComplaintRequest>
