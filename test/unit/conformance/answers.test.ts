import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBff } from '../../../src/bff/app.ts'
import { loadConfig } from '../../../src/bff/config.ts'
import { answerChecker, checkAnswers, type LoggedAnswer } from '../../conformance/answers.ts'
import type { OpenApiDocument } from '../../conformance/openApi.ts'

/**
 * The conformance check of npm test (test/conformance) must be able to fail: a BFF's answers written down out of the
 * request path, and held to /api/docs/json, which refuses an undeclared status, a broken body or a wrong content type.
 */
const dir = mkdtempSync(join(tmpdir(), 'tvhall-answers-'))
const logFile = join(dir, 'answers.jsonl')
let doc: OpenApiDocument
let logged: LoggedAnswer[]

beforeAll(async () => {
  const app = await buildBff(
    { ...loadConfig({}), apiDocs: true, storePath: join(dir, 'bff.sqlite'), logLevel: 'silent' },
    { conformanceLog: logFile },
  )
  doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDocument>()
  // The same refusal twice, and a malformed log-in challenge (nothing here needs the BOSS, which is not running).
  for (let i = 0; i < 2; i++) await app.inject({ method: 'GET', url: '/api/v1/account' })
  await app.inject({ method: 'POST', url: '/api/v1/session/challenge', payload: { deviceId: 7 } })
  // Nothing is written while the requests are answered: the file appears once the BFF lets it.
  expect(existsSync(logFile)).toBe(false)
  await app.close()
  logged = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LoggedAnswer)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the answers a BFF gives, written down for the conformance check', () => {
  it('holds each distinct answer once, written when the BFF closes', () => {
    expect(logged.map((a) => `${a.method} ${a.route} ${a.status}`)).toEqual([
      'GET /api/v1/account 401',
      'POST /api/v1/session/challenge 400',
    ])
  })

  it('the answers the BFF really gave pass the check against its own document', () => {
    const check = answerChecker(doc)
    expect(logged.flatMap(check)).toEqual([])
  })

  it('an undeclared status, a body off its schema, a wrong content type or a Retry-After in words each fail', () => {
    const check = answerChecker(doc)
    const refusal = logged[0]
    expect(check({ ...refusal, status: 418 })).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/account → 418: status not in the document \(it lists .*401/),
    ])
    expect(check({ ...refusal, body: '{"error":{"code":42}}' })).toEqual([
      expect.stringMatching(/→ 401: body breaks the schema/),
    ])
    expect(check({ ...refusal, contentType: 'text/html' })).toEqual([
      expect.stringMatching(/→ 401: content type "text\/html"/),
    ])
    expect(check({ ...refusal, method: 'DELETE' })).toEqual([
      'DELETE /api/v1/account: the document has no such operation',
    ])
    const limited = { ...refusal, status: 429, retryAfter: 'soon' }
    expect(check(limited)).toEqual([expect.stringMatching(/Retry-After "soon" is not seconds/)])
  })

  it("npm test's step (check.ts) reports an undeclared status in a whole log, once per kind with its count", () => {
    const jsonl = (answers: LoggedAnswer[]) => answers.map((a) => JSON.stringify(a)).join('\n')
    expect(checkAnswers(doc, jsonl(logged))).toEqual({
      summary: '2 distinct answers over 2 operations checked against /api/docs/json',
      problems: [],
    })
    const teapot = { ...logged[0], status: 418 }
    const { problems } = checkAnswers(doc, jsonl([...logged, teapot, { ...teapot, body: '' }]))
    expect(problems).toEqual([expect.stringMatching(/^GET \/api\/v1\/account → 418: status not in .* \(2 answers\)$/)])
  })
})
