/**
 * `node test/conformance/check.ts <answers.jsonl>`: every answer the integration, security and e2e suites got
 * from the BFF (written down under BFF_CONFORMANCE_LOG) against the OpenAPI document at /api/docs/json.
 * Fails on an undeclared status, a wrong content type or a body that breaks its schema, so the document
 * cannot drift from the code. Run by `npm test` after the suites.
 */
import { readFileSync } from 'node:fs'
import { answerChecker, type LoggedAnswer } from './answers.ts'
import { openApiDocument } from './openApi.ts'

const file = process.argv[2]
if (!file) throw new Error('usage: node test/conformance/check.ts <answers.jsonl>')
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
const check = answerChecker(await openApiDocument())
const problems = new Map<string, number>()
const operations = new Set<string>()
for (const line of lines) {
  const answer = JSON.parse(line) as LoggedAnswer
  operations.add(`${answer.method} ${answer.route}`)
  for (const p of check(answer)) problems.set(p, (problems.get(p) ?? 0) + 1)
}
console.log(`${lines.length} distinct answers over ${operations.size} operations checked against /api/docs/json`)
if (problems.size > 0) {
  // Same status of the same operation once, with how often it was seen.
  const byKind = new Map<string, { example: string; count: number }>()
  for (const [p, n] of problems) {
    const kind = p.split(':')[0]
    const k = byKind.get(kind)
    byKind.set(kind, { example: k?.example ?? p, count: (k?.count ?? 0) + n })
  }
  for (const { example, count } of byKind.values())
    console.error(`✖ ${example}${count > 1 ? ` (${count} answers)` : ''}`)
  console.error(`${byKind.size} ways the BFF's answers differ from its document`)
  process.exit(1)
}
