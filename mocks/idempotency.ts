import { HttpResponse } from 'msw'
import { IDEMPOTENCY_HEADER } from '../src/contract/index.ts'
import { badRequest, errorResponse } from './errors.ts'

/** The BFF's Idempotency-Key format (src/bff/plugins/idempotency.ts). */
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

interface Done {
  fingerprint: string
  status: number
  body: unknown
}

/**
 * Idempotency-Key as the BFF answers it, per handler set (a page load): missing or malformed 400,
 * the key with another body 422, a completed key replayed with `Idempotent-Replayed: true`.
 * A refusal is not kept, as on the BFF where a refusal changed nothing and frees the key.
 */
export function createMockIdempotency() {
  const done = new Map<string, Done>()
  return async function run(
    request: Request,
    owner: string,
    material: unknown,
    /** A Response is a refusal (not kept); an object is the answer to keep and replay. */
    work: () => Promise<Response | { status: number; body: unknown }>,
  ): Promise<Response> {
    const key = request.headers.get(IDEMPOTENCY_HEADER)
    if (!key) return badRequest(`${IDEMPOTENCY_HEADER} header is required for this request`)
    if (!KEY_PATTERN.test(key))
      return badRequest(`${IDEMPOTENCY_HEADER} must be 8 to 64 characters of A-Z, a-z, 0-9, - and _`)
    const storeKey = `${new URL(request.url).pathname} ${owner} ${key}`
    const fingerprint = JSON.stringify(material)
    const seen = done.get(storeKey)
    if (seen && seen.fingerprint !== fingerprint) {
      return errorResponse(
        422,
        'UNPROCESSABLE',
        `This ${IDEMPOTENCY_HEADER} was already used for a different request; use a new key`,
      )
    }
    if (seen)
      return HttpResponse.json(seen.body as object, { status: seen.status, headers: { 'Idempotent-Replayed': 'true' } })
    const result = await work()
    if (result instanceof Response) return result
    done.set(storeKey, { fingerprint, ...result })
    return HttpResponse.json(result.body as object, { status: result.status })
  }
}
