import fc from 'fast-check'

/**
 * fast-check arbitraries made from the JSON schemas of the OpenAPI document (as /api/docs/json serves them):
 * values the document says are valid, and values it says are not (one part broken on purpose).
 * Covers the keywords the BFF's request schemas use: type, enum, anyOf, nullable, pattern, min/maxLength,
 * minimum/maximum, format date-time, items/minItems/maxItems, properties/required/additionalProperties.
 */
export interface JsonSchema {
  type?: string
  enum?: unknown[]
  anyOf?: JsonSchema[]
  nullable?: boolean
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  format?: string
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean
}

/** `^[A-Z0-9_]+$` with its length bounds folded into the repeat (`{4,32}`), so nothing has to be filtered out. */
function boundedPattern(s: JsonSchema): string | undefined {
  if (!s.pattern) return undefined
  const simple = /^\^(\[[^\]]+\])\+\$$/.exec(s.pattern)
  if (simple && (s.minLength !== undefined || s.maxLength !== undefined))
    return `^${simple[1]}{${s.minLength ?? 1},${s.maxLength ?? 64}}$`
  return s.pattern
}

const isoDateTime = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString())

export function validValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const value = validOf(s)
  return s.nullable ? fc.option(value, { nil: null, freq: 4 }) : value
}

function validOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum)
  if (s.anyOf) return fc.oneof(...s.anyOf.map(validValue))
  switch (s.type) {
    case 'string': {
      if (s.format === 'date-time') return isoDateTime
      const pattern = boundedPattern(s)
      // fast-check cannot generate lookaheads: generate without them, keep what the whole pattern matches.
      const str = pattern
        ? fc.stringMatching(new RegExp(pattern.replace(/\(\?[!=][^)]*\)/g, '')))
        : fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) })
      const whole = new RegExp(s.pattern ?? '')
      return str.filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity) && whole.test(v))
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 })
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(validValue(s.items ?? {}), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 5, 5),
      })
    case 'object': {
      const props = s.properties ?? {}
      const record = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(v)]))
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** A value of the wrong JSON type for `s` (a number for a string, a string for a number...). */
function wrongType(s: JsonSchema): fc.Arbitrary<unknown> {
  const types = s.anyOf ? s.anyOf.map((a) => a.type) : [s.type]
  const candidates: fc.Arbitrary<unknown>[] = []
  if (!types.includes('string')) candidates.push(fc.string({ maxLength: 8 }))
  if (!types.includes('integer') && !types.includes('number')) candidates.push(fc.integer())
  if (!types.includes('boolean')) candidates.push(fc.boolean())
  if (!types.includes('object')) candidates.push(fc.constant({}))
  if (!types.includes('array')) candidates.push(fc.constant([]))
  if (!s.nullable && !types.includes('null')) candidates.push(fc.constant(null))
  return fc.oneof(...candidates)
}

/** A value that breaks `s` itself: wrong type, outside the enum, the pattern, the length or the range. */
export function invalidValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const broken: fc.Arbitrary<unknown>[] = [wrongType(s)]
  if (s.enum?.every((e) => typeof e === 'string')) broken.push(fc.constant('not-one-of-them'))
  if (s.type === 'string' && !s.format) {
    if (s.pattern) broken.push(fc.constantFrom('', ' ', '!!', '<x>', '../', '电视'))
    if (s.maxLength !== undefined) broken.push(fc.constant('A'.repeat(s.maxLength + 1)))
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (s.minimum !== undefined) broken.push(fc.constant(s.minimum - 1))
    if (s.maximum !== undefined) broken.push(fc.constant(s.maximum + 1))
    if (s.type === 'integer') broken.push(fc.constant(1.5))
  }
  if (s.type === 'array' && s.minItems) broken.push(fc.constant([]))
  return fc.oneof(...broken)
}

/**
 * An object the document refuses: valid except for one thing: a required property left out, an unknown
 * property added (additionalProperties: false), or one property's value broken.
 */
export function invalidObject(s: JsonSchema): fc.Arbitrary<unknown> {
  const props = s.properties ?? {}
  const valid = validValue(s) as fc.Arbitrary<Record<string, unknown>>
  const ways: fc.Arbitrary<unknown>[] = [wrongType(s)]
  if (s.required?.length) ways.push(fc.tuple(valid, fc.constantFrom(...s.required)).map(([o, k]) => omit(o, k)))
  if (s.additionalProperties === false) ways.push(valid.map((o) => ({ ...o, notInTheDocument: 1 })))
  const names = Object.keys(props)
  if (names.length)
    ways.push(
      fc
        .constantFrom(...names)
        .chain((k) => fc.tuple(valid, fc.constant(k), invalidValue(props[k])))
        .map(([o, k, v]) => ({ ...o, [k]: v })),
    )
  return fc.oneof(...ways)
}

function omit(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = o
  return rest
}
