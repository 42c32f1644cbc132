import { Type, type Static } from '@sinclair/typebox'
import { AccountStatus } from './account.ts'
import { IsoDate } from './common.ts'

/** Text in every language the TV offers; the TV picks by its current language (as settings do). */
export const LocalText = Type.Object(
  {
    'zh-CN': Type.String({ minLength: 1, maxLength: 400 }),
    en: Type.String({ minLength: 1, maxLength: 400 }),
  },
  { additionalProperties: false },
)
export type LocalText = Static<typeof LocalText>

/** What a repair ticket is about; the diagnosis of a symptom suggests one, the ticket form starts from it. */
export const TicketCategory = Type.Union([
  Type.Literal('no-signal'),
  Type.Literal('picture'), // mosaic, freezing
  Type.Literal('no-sound'),
  Type.Literal('channels'), // some channels missing or not authorised
  Type.Literal('stb'), // box will not start, keeps restarting
  Type.Literal('remote'),
  Type.Literal('smartcard'),
  Type.Literal('broadband'),
  Type.Literal('other'),
])
export type TicketCategory = Static<typeof TicketCategory>

const Id = Type.String({ pattern: '^[a-z0-9-]{1,40}$' })

export const SymptomStep = Type.Object({ id: Id, text: LocalText }, { additionalProperties: false })
export type SymptomStep = Static<typeof SymptomStep>

/** A symptom with its checks, shown one step at a time ("Did that fix it?" Yes / No). */
export const Symptom = Type.Object(
  {
    id: Id,
    title: LocalText,
    /** Category a repair ticket starts with when the steps did not help. */
    repairCategory: TicketCategory,
    /** The diagnosis asks the BOSS whether arrears, suspension or an expired package explain the symptom. */
    checksAccount: Type.Boolean(),
    steps: Type.Array(SymptomStep, { minItems: 1, maxItems: 12 }),
  },
  { additionalProperties: false },
)
export type Symptom = Static<typeof Symptom>

/** An error code the set-top box shows (E001 … E999): what it means and what to do. */
export const StbErrorCode = Type.Object(
  {
    code: Type.String({ pattern: '^E\\d{3}$' }),
    title: LocalText,
    cause: LocalText,
    fix: LocalText,
    /** Symptom whose steps and diagnosis apply; null when the fix above is all there is. */
    symptomId: Type.Union([Id, Type.Null()]),
  },
  { additionalProperties: false },
)
export type StbErrorCode = Static<typeof StbErrorCode>

export const RepairPreset = Type.Object({ id: Id, text: LocalText }, { additionalProperties: false })
export type RepairPreset = Static<typeof RepairPreset>

export const RepairCategoryInfo = Type.Object(
  {
    id: TicketCategory,
    title: LocalText,
    /** Short descriptions the viewer picks from: no typing on a remote. */
    presets: Type.Array(RepairPreset, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
)
export type RepairCategoryInfo = Static<typeof RepairCategoryInfo>

/** The operator-editable knowledge base file (src/bff/data/knowledge-base.json); a unit test validates it. */
export const KnowledgeBase = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    symptoms: Type.Array(Symptom, { minItems: 1 }),
    errorCodes: Type.Array(StbErrorCode),
    repairCategories: Type.Array(RepairCategoryInfo, { minItems: 1 }),
  },
  { additionalProperties: false },
)
export type KnowledgeBase = Static<typeof KnowledgeBase>

export const SymptomListResponse = Type.Object({ items: Type.Array(Symptom) })
export type SymptomListResponse = Static<typeof SymptomListResponse>

export const ErrorCodeParams = Type.Object(
  {
    code: Type.String({ pattern: '^[Ee]\\d{3}$', description: 'as the box shows it, e.g. E102' }),
  },
  { additionalProperties: false },
)
export type ErrorCodeParams = Static<typeof ErrorCodeParams>

export const DiagnosisQuery = Type.Object({ symptom: Id }, { additionalProperties: false })
export type DiagnosisQuery = Static<typeof DiagnosisQuery>

/** What the account says about a symptom. */
export const DiagnosisFinding = Type.Union([
  Type.Literal('suspended'), // 欠费停机: channels are off until the arrears are paid
  Type.Literal('arrears'), // owes money, not yet stopped
  Type.Literal('package-expired'), // a package ended recently: renew it
  Type.Literal('none'), // the account explains nothing: do the checks, then report a fault
  Type.Literal('unknown'), // the BOSS could not be asked; do the checks
])
export type DiagnosisFinding = Static<typeof DiagnosisFinding>

/** What the TV should offer first: a top-up, a renewal, or the step-by-step checks (then a repair ticket). */
export const DiagnosisOffer = Type.Union([Type.Literal('top-up'), Type.Literal('renew'), Type.Literal('checks')])
export type DiagnosisOffer = Static<typeof DiagnosisOffer>

export const ExpiredPackage = Type.Object({
  productId: Type.String(),
  name: Type.String(),
  /** Last day it was watchable. */
  expiredOn: IsoDate,
})
export type ExpiredPackage = Static<typeof ExpiredPackage>

export const Diagnosis = Type.Object({
  symptom: Symptom,
  finding: DiagnosisFinding,
  offer: DiagnosisOffer,
  /** null when the account was not asked (symptom unrelated, or the BOSS unavailable). */
  account: Type.Union([Type.Object({ status: AccountStatus, arrearsFen: Type.Integer({ minimum: 0 }) }), Type.Null()]),
  expiredPackages: Type.Array(ExpiredPackage),
  repairCategory: TicketCategory,
})
export type Diagnosis = Static<typeof Diagnosis>
