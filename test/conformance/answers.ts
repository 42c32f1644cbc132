import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { documentPath, type OpenApiDocument } from './openApi.ts'

/** One answer of the BFF as BFF_CONFORMANCE_LOG writes it down (src/bff/plugins/routeTable.ts). */
export interface LoggedAnswer {
  method: string
  route: string
  status: number
  contentType: string | null
  retryAfter: string | number | null
  /** The body as sent ('' for none), null when it was not text. */
  body: string | null
}

/**
 * Holds answers to the document: the status is declared for the operation, the content type is one it
 * declares, the body matches that schema, and a declared Retry-After is a number of seconds.
 * Returns one line per problem.
 */
export function answerChecker(doc: OpenApiDocument): (a: LoggedAnswer) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: false })
  addFormats.default(ajv)
  const compiled = new Map<string, ValidateFunction>()
  const validator = (key: string, schema: object) => {
    let v = compiled.get(key)
    if (!v) {
      v = ajv.compile(schema)
      compiled.set(key, v)
    }
    return v
  }

  return (a) => {
    const where = `${a.method} ${a.route} → ${a.status}`
    const op = doc.paths[documentPath(a.route)]?.[a.method.toLowerCase()]
    if (!op) return [`${a.method} ${a.route}: the document has no such operation`]
    const declared = op.responses[String(a.status)]
    if (!declared) return [`${where}: status not in the document (it lists ${Object.keys(op.responses).join(', ')})`]
    const problems: string[] = []
    if (declared.headers?.['Retry-After'] && a.retryAfter !== null && !/^\d+$/.test(String(a.retryAfter))) {
      problems.push(`${where}: Retry-After "${String(a.retryAfter)}" is not seconds`)
    }
    if (!declared.content) {
      if (a.body) problems.push(`${where}: a body where the document declares none`)
      return problems
    }
    const type = String(a.contentType ?? '')
      .split(';')[0]
      .trim()
    const media = declared.content[type]
    if (!media)
      return [
        ...problems,
        `${where}: content type "${type}", the document says ${Object.keys(declared.content).join(', ')}`,
      ]
    if (!media.schema || a.body === null) return problems
    let value: unknown = a.body
    if (type === 'application/json') {
      try {
        value = JSON.parse(a.body)
      } catch {
        return [...problems, `${where}: the body is not JSON`]
      }
    }
    const validate = validator(`${a.method} ${a.route} ${a.status} ${type}`, media.schema)
    if (!validate(value)) {
      const e = validate.errors?.[0]
      problems.push(
        `${where}: body breaks the schema at ${e?.instancePath || '/'} (${e?.message ?? 'invalid'}): ${a.body.slice(0, 200)}`,
      )
    }
    return problems
  }
}

/**
 * A whole log (JSONL, one LoggedAnswer a line) against the document: a summary line and one problem per kind (the
 * same status of the same operation once, with how many answers showed it).
 */
export function checkAnswers(doc: OpenApiDocument, jsonl: string): { summary: string; problems: string[] } {
  const check = answerChecker(doc)
  const lines = jsonl.split('\n').filter(Boolean)
  const operations = new Set<string>()
  const byKind = new Map<string, { example: string; count: number }>()
  for (const line of lines) {
    const answer = JSON.parse(line) as LoggedAnswer
    operations.add(`${answer.method} ${answer.route}`)
    for (const p of check(answer)) {
      const kind = p.split(':')[0]
      const seen = byKind.get(kind)
      byKind.set(kind, { example: seen?.example ?? p, count: (seen?.count ?? 0) + 1 })
    }
  }
  return {
    summary: `${lines.length} distinct answers over ${operations.size} operations checked against /api/docs/json`,
    problems: [...byKind.values()].map(({ example, count }) => `${example}${count > 1 ? ` (${count} answers)` : ''}`),
  }
}
