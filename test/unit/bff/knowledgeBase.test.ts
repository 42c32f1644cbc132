import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ComplaintCatalogue, KnowledgeBase } from '../../../src/contract/index.ts'
import {
  COMPLAINT_SUBJECTS_FILE,
  KNOWLEDGE_BASE_FILE,
  knowledgeBaseProblems,
  loadKnowledge,
} from '../../../src/bff/data/knowledge.ts'
import { schemaErrors } from '../../../mocks/schemaCheck.ts'

const kb = JSON.parse(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8'))
const complaints = JSON.parse(readFileSync(COMPLAINT_SUBJECTS_FILE, 'utf8'))

describe('the operator-editable knowledge base', () => {
  it('matches its schema and has no dangling references', () => {
    expect(schemaErrors(KnowledgeBase, kb)).toEqual([])
    expect(knowledgeBaseProblems(kb)).toEqual([])
    expect(schemaErrors(ComplaintCatalogue, complaints)).toEqual([])
  })

  it('covers the symptoms the issue names, in both languages', () => {
    const ids = kb.symptoms.map((s: { id: string }) => s.id)
    for (const id of ['no-signal', 'picture', 'no-sound', 'channels-missing', 'unauthorised', 'remote', 'broadband'])
      expect(ids).toContain(id)
    expect(kb.symptoms.find((s: { id: string }) => s.id === 'unauthorised').checksAccount).toBe(true)
    expect(kb.errorCodes.every((c: { code: string }) => /^E\d{3}$/.test(c.code))).toBe(true)
  })

  it('refuses a broken edit at start-up with a message naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'))
    const write = (name: string, value: unknown) => {
      const path = join(dir, name)
      writeFileSync(path, JSON.stringify(value))
      return pathToFileURL(path)
    }
    const good = write('c.json', complaints)
    const noEnglish = structuredClone(kb)
    delete noEnglish.symptoms[0].title.en
    expect(() => loadKnowledge({ kb: write('a.json', noEnglish), complaints: good })).toThrow(
      /does not match its schema.*symptoms\/0\/title/,
    )
    const dangling = structuredClone(kb)
    dangling.errorCodes[0].symptomId = 'volcano'
    expect(() => loadKnowledge({ kb: write('b.json', dangling), complaints: good })).toThrow(/unknown symptom volcano/)
    const twice = structuredClone(kb)
    twice.errorCodes.push(twice.errorCodes[0])
    expect(knowledgeBaseProblems(twice)).toEqual([`error code ${kb.errorCodes[0].code} appears twice`])
    expect(loadKnowledge().symptoms).toHaveLength(kb.symptoms.length)
  })
})
