/**
 * `node test/conformance/check.ts <answers.jsonl>`: every answer the integration, security and e2e suites got
 * from the BFF (written down under BFF_CONFORMANCE_LOG) against the OpenAPI document at /api/docs/json.
 * Fails on an undeclared status, a wrong content type or a body that breaks its schema, so the document
 * cannot drift from the code. Run by `npm test` after the suites.
 */
import { readFileSync } from 'node:fs'
import { checkAnswers } from './answers.ts'
import { openApiDocument } from './openApi.ts'

const file = process.argv[2]
if (!file) throw new Error('usage: node test/conformance/check.ts <answers.jsonl>')
const { summary, problems } = checkAnswers(await openApiDocument(), readFileSync(file, 'utf8'))
console.log(summary)
if (problems.length > 0) {
  for (const p of problems) console.error(`✖ ${p}`)
  console.error(`${problems.length} ways the BFF's answers differ from its document`)
  process.exit(1)
}
