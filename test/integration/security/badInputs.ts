import fc from 'fast-check'

/** One generated request: malformed on purpose in one or more ways. */
export interface BadRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string | undefined
}

export interface Operation {
  method: string
  /** OpenAPI path, `{param}` style. */
  path: string
}

const injection = fc.constantFrom(
  "' OR 1=1 --",
  '"; DROP TABLE orders; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '__proto__',
  'constructor',
  '$where',
  '{"$gt":""}',
  'SVC_CODE=ORDER_CREATE&SIGN=x',
  '\r\nX-Injected: 1',
)
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  injection,
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'A'.repeat(n)),
  fc.constantFrom('', ' ', '电视营业厅', '🙂🙂🙂', 'null', 'undefined', 'NaN', '-1', '1e309', '0x10'),
)
const weirdNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, -0.01, 0.5, 1.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 0),
)
const weirdValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    weirdString,
    weirdNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(weirdString, tie('value'), { maxKeys: 4 }),
  ),
})).value

// Field names the hall's bodies use, so some bodies get past "unknown field" to deeper checks.
const FIELDS = [
  'deviceId',
  'cardNo',
  'productId',
  'periodMonths',
  'pin',
  'password',
  'amountFen',
  'monthlyFen',
  'enabled',
  'symptomId',
  'category',
  'description',
  'phone',
  'slotId',
  'rating',
  'comment',
  'subjectId',
  'text',
  'messageId',
  'draftId',
  'code',
]
const body = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom(...FIELDS), weirdValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  weirdValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('{', '{"pin":', '[1,2', '{"a":1}}', 'not json', '\u0000\u0001', '{"periodMonths":1,}', "{'a':1}", ''),
  weirdString,
)
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
)

export function badRequests(ops: Operation[], tokens: string[], seed: number, count: number): BadRequest[] {
  const request = fc.record({
    op: fc.constantFrom(...ops),
    params: fc.array(weirdString, { minLength: 3, maxLength: 3 }),
    query: fc.option(
      fc.dictionary(fc.constantFrom('cursor', 'limit', 'month', 'status', 'x'), weirdString, { maxKeys: 3 }),
    ),
    // Mostly valid tokens, so most requests get past authentication to the schemas and the BOSS adapters.
    token: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...tokens) },
      { weight: 1, arbitrary: weirdString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    key: fc.option(weirdString),
    contentType,
    body,
  })
  return fc.sample(request, { seed, numRuns: count }).map((r) => {
    let i = 0
    const path = r.op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.params[i++ % 3]).slice(0, 3000))
    const qs = r.query ? `?${new URLSearchParams(r.query).toString().slice(0, 3000)}` : ''
    const headers: Record<string, string> = {}
    const clean = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 4000)
    if (r.token !== undefined) headers.authorization = `Bearer ${clean(r.token)}`
    if (r.key !== null) headers['idempotency-key'] = clean(r.key)
    if (r.contentType) headers['content-type'] = r.contentType
    const hasBody = r.op.method !== 'GET' && r.op.method !== 'HEAD' && r.body !== undefined
    return { method: r.op.method, path: path + qs, headers, body: hasBody ? r.body : undefined }
  })
}
