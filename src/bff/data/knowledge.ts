import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import type { TSchema } from '@sinclair/typebox'
import {
  ComplaintCatalogue,
  KnowledgeBase,
  type ComplaintTypeInfo,
  type LocalText,
  type RepairCategoryInfo,
  type StbErrorCode,
  type Symptom,
} from '../../contract/index.ts'

/**
 * The operator's editable data: the self-help knowledge base and the complaint presets. Checked
 * against the contract's schema (and for dangling references) when the BFF starts, so a bad edit
 * stops the start-up with a message instead of showing viewers half a page.
 */

export const KNOWLEDGE_BASE_FILE = new URL('./knowledge-base.json', import.meta.url)
export const COMPLAINT_SUBJECTS_FILE = new URL('./complaint-subjects.json', import.meta.url)

function check<T>(schema: TSchema, value: unknown, file: URL): T {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')
    throw new Error(`${file.pathname} does not match its schema: ${problems}`)
  }
  return value as T
}

/** Problems the schema cannot see: duplicate ids, error codes naming missing symptoms. */
export function knowledgeBaseProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = []
  const dupes = (ids: string[], what: string) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what} ${id} appears twice`)
      seen.add(id)
    }
  }
  dupes(
    kb.symptoms.map((s) => s.id),
    'symptom',
  )
  dupes(
    kb.errorCodes.map((c) => c.code),
    'error code',
  )
  dupes(
    kb.repairCategories.map((c) => c.id),
    'repair category',
  )
  for (const s of kb.symptoms)
    dupes(
      s.steps.map((st) => st.id),
      `step of ${s.id}:`,
    )
  for (const c of kb.repairCategories)
    dupes(
      c.presets.map((p) => p.id),
      `preset of ${c.id}:`,
    )
  const symptoms = new Set(kb.symptoms.map((s) => s.id))
  for (const c of kb.errorCodes)
    if (c.symptomId && !symptoms.has(c.symptomId))
      problems.push(`error code ${c.code} names unknown symptom ${c.symptomId}`)
  const categories = new Set(kb.repairCategories.map((c) => c.id))
  for (const s of kb.symptoms)
    if (!categories.has(s.repairCategory))
      problems.push(`symptom ${s.id} leads to category ${s.repairCategory} that has no presets`)
  return problems
}

export interface Knowledge {
  symptoms: Symptom[]
  symptom(id: string): Symptom | undefined
  errorCode(code: string): StbErrorCode | undefined
  repairCategories: RepairCategoryInfo[]
  repairCategory(id: string): RepairCategoryInfo | undefined
  /** A repair preset by its Chinese text, as the BOSS stores it in a ticket. */
  presetText(zh: string): LocalText | undefined
  complaintTypes: ComplaintTypeInfo[]
  complaintType(id: string): ComplaintTypeInfo | undefined
}

export function loadKnowledge(files = { kb: KNOWLEDGE_BASE_FILE, complaints: COMPLAINT_SUBJECTS_FILE }): Knowledge {
  const kb = check<KnowledgeBase>(KnowledgeBase, JSON.parse(readFileSync(files.kb, 'utf8')), files.kb)
  const problems = knowledgeBaseProblems(kb)
  if (problems.length > 0) throw new Error(`${files.kb.pathname}: ${problems.join('; ')}`)
  const cc = check<ComplaintCatalogue>(
    ComplaintCatalogue,
    JSON.parse(readFileSync(files.complaints, 'utf8')),
    files.complaints,
  )
  const presets = new Map(kb.repairCategories.flatMap((c) => c.presets.map((p) => [p.text['zh-CN'], p.text] as const)))
  return {
    presetText: (zh) => presets.get(zh),
    symptoms: kb.symptoms,
    symptom: (id) => kb.symptoms.find((s) => s.id === id),
    errorCode: (code) => kb.errorCodes.find((c) => c.code === code.toUpperCase()),
    repairCategories: kb.repairCategories,
    repairCategory: (id) => kb.repairCategories.find((c) => c.id === id),
    complaintTypes: cc.types,
    complaintType: (id) => cc.types.find((t) => t.id === id),
  }
}
