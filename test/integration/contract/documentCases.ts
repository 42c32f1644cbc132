import fc from 'fast-check'
import type { OpenApiDocument, OpenApiOperation } from '../../conformance/openApi.ts'
import { invalidObject, invalidValue, validValue, type JsonSchema } from './schemaArbitrary.ts'

/**
 * Requests made from the OpenAPI document alone, as an integrator's generated client (or an attacker reading
 * it) would send them: one operation, its path and query parameters, its Idempotency-Key header and its body,
 * each from the document's own schemas. `valid` ones the document says the BFF takes; `invalid` ones break one
 * declared rule (a body field, a parameter, the header, the token, the content type).
 */
export interface DocumentOperation {
  method: string
  /** `/api/v1/bills/{billId}`, as the document writes it. */
  path: string
  /** `/api/v1/bills/:billId`, as the route table and the conformance log write it. */
  route: string
  op: OpenApiOperation
}

export interface CaseRequest {
  params: Record<string, string>
  query: Record<string, string>
  /** Undefined: no header; the document's own Idempotency-Key otherwise. */
  idempotencyKey?: string
  auth: 'right' | 'none' | 'forged'
  /** JSON value to send; `raw` sends text as is. */
  body?: unknown
  raw?: string
  contentType?: string
  /** What was broken, for the failure message. */
  broken?: string
}

export function documentOperations(doc: OpenApiDocument): DocumentOperation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      route: path.replace(/\{([^}]+)\}/g, ':$1'),
      op,
    })),
  )
}

const parametersIn = (o: DocumentOperation, where: string) => (o.op.parameters ?? []).filter((p) => p.in === where)
const bodySchema = (o: DocumentOperation): JsonSchema | undefined =>
  o.op.requestBody?.content['application/json']?.schema
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

/** Values only the BFF hands out (a page cursor): a valid request sends one it was given, never an invented one. */
const HANDED_OUT = new Set(['cursor'])

function paramsArb(o: DocumentOperation, where: string, all: boolean): fc.Arbitrary<Record<string, string>> {
  const ps = parametersIn(o, where).filter((p) => !HANDED_OUT.has(p.name))
  return fc.record(Object.fromEntries(ps.map((p) => [p.name, validValue(p.schema as JsonSchema).map(text)])), {
    requiredKeys: ps.filter((p) => all || p.required).map((p) => p.name),
  })
}

/** Text that breaks a parameter's schema (path and query values are text: a wrong JSON type may still match). */
function invalidText(s: JsonSchema): fc.Arbitrary<string> {
  if (s.type === 'integer' || s.type === 'number')
    return fc.constantFrom('abc', '1.5', String((s.minimum ?? 0) - 1), String((s.maximum ?? 1e9) + 1))
  if (s.enum) return fc.constant('not-one-of-them')
  if (s.pattern) return fc.constantFrom('!!', '<x>', '电视', "'or'1'='1", 'A'.repeat((s.maxLength ?? 64) + 1))
  return fc.constant('A'.repeat((s.maxLength ?? 4096) + 1))
}

export function validCase(o: DocumentOperation): fc.Arbitrary<CaseRequest> {
  const key = parametersIn(o, 'header').find((p) => p.name === 'idempotency-key')
  const body = bodySchema(o)
  return fc.record({
    params: paramsArb(o, 'path', true),
    query: paramsArb(o, 'query', false),
    idempotencyKey: key ? (validValue(key.schema as JsonSchema) as fc.Arbitrary<string>) : fc.constant(undefined),
    auth: fc.constant('right' as const),
    body: body ? validValue(body) : fc.constant(undefined),
  })
}

/** One rule of the document broken, the rest of the request valid; null when the operation has no rule to break. */
export function invalidCase(o: DocumentOperation): fc.Arbitrary<CaseRequest> | null {
  const valid = validCase(o)
  const ways: fc.Arbitrary<CaseRequest>[] = []
  const body = bodySchema(o)
  if (body) {
    ways.push(fc.tuple(valid, invalidObject(body)).map(([r, b]) => ({ ...r, body: b, broken: 'body' })))
    ways.push(
      fc
        .tuple(valid, fc.constantFrom('{', '{"a":1}}', 'not json', "{'a':1}"))
        .map(([r, raw]) => ({ ...r, body: undefined, raw, broken: 'body not JSON' })),
    )
    ways.push(
      valid.map((r) => ({
        ...r,
        raw: text(r.body),
        body: undefined,
        contentType: 'application/x-www-form-urlencoded', // fastify parses text/plain itself (then 400)
        broken: 'content type',
      })),
    )
  }
  for (const where of ['path', 'query'])
    for (const p of parametersIn(o, where)) {
      const which = where === 'path' ? 'params' : 'query'
      ways.push(
        fc
          .tuple(valid, invalidText(p.schema as JsonSchema))
          .map(([r, v]) => ({ ...r, [which]: { ...r[which], [p.name]: v }, broken: `${where} ${p.name}` })),
      )
    }
  const key = parametersIn(o, 'header').find((p) => p.name === 'idempotency-key')
  if (key) {
    ways.push(valid.map((r) => ({ ...r, idempotencyKey: undefined, broken: 'no Idempotency-Key' })))
    ways.push(
      fc
        .tuple(valid, invalidValue(key.schema as JsonSchema))
        .filter(([, k]) => typeof k === 'string' && /^[\x20-\x7e]*$/.test(k))
        .map(([r, k]) => ({ ...r, idempotencyKey: String(k), broken: 'Idempotency-Key' })),
    )
  }
  if (o.op.security?.length) {
    ways.push(valid.map((r) => ({ ...r, auth: 'none' as const, broken: 'no Authorization' })))
    ways.push(valid.map((r) => ({ ...r, auth: 'forged' as const, broken: 'forged Authorization' })))
  }
  return ways.length ? fc.oneof(...ways) : null
}
