import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { badRequest, errorResponse } from './errors.ts'

/** The BFF's `body.productId has the wrong format`-style message for the first way `value` breaks `schema`. */
export function validationProblem(
  schema: TSchema,
  value: unknown,
  part: 'body' | 'params' | 'query',
): string | undefined {
  if (Value.Check(schema, value)) return undefined
  const first = Value.Errors(schema, value).First()
  const path = first?.path ? first.path.replace(/\//g, '.') : ''
  return `${part}${path} ${first?.message ?? 'is not valid'}`
}

/** A JSON body checked against the contract as the BFF checks it: 415 for another type, 400 for anything malformed. */
export async function readJsonBody<T>(request: Request, schema: TSchema): Promise<T | Response> {
  if (!(request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/json')) {
    return errorResponse(415, 'BAD_REQUEST', 'Content-Type must be application/json')
  }
  let body: unknown
  try {
    body = JSON.parse(await request.text())
  } catch {
    return badRequest('request body is not valid JSON')
  }
  const problem = validationProblem(schema, body, 'body')
  return problem === undefined ? (body as T) : badRequest(problem)
}
