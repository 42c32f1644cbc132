import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { SerializerCompiler, SerializerFactory } from '@fastify/fast-json-stringify-compiler'

/**
 * fastify's own response serializers (fast-json-stringify, compiled from each route's schema), compiled once per
 * schema shape instead of once per route and status. Every route answers its common refusals (400, 401, 429,
 * 502–504…) with the same error body, each under its own OpenAPI description, so fastify compiled ≈ 490
 * serializers for 27 distinct shapes; each error body's union made fast-json-stringify build its own ajv for it,
 * and those were 17 MB of the BFF's idle heap (issue 22, the BFF's sixth pass). Words for people (description,
 * title, examples) do not change what is written, so two schemas that differ only in them share one serializer.
 */

// Annotation keywords: nothing fast-json-stringify writes depends on them.
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', '$comment', 'deprecated'])
// Keywords whose value is a schema, or a list of schemas.
const SUBSCHEMA = new Set([
  'items',
  'additionalItems',
  'prefixItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'allOf',
])
// Keywords whose value maps names to schemas (the names are data, never annotations).
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'])

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The schema with its annotations left out, keyword by keyword; anything else is kept as it is. */
export function schemaShape(schema: unknown): unknown {
  if (!isRecord(schema)) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue
    if (SUBSCHEMA.has(key)) out[key] = Array.isArray(value) ? value.map(schemaShape) : schemaShape(value)
    else if (SCHEMA_MAP.has(key) && isRecord(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, schemaShape(s)]))
    else out[key] = value
  }
  return out
}

/** fastify's serializer factory, its compilers sharing one serializer per schema shape across the whole app. */
export function sharedSerializerFactory(): SerializerFactory {
  const build = SerializerSelector()
  const compiled = new Map<string, ReturnType<SerializerCompiler>>()
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    // Shared schemas ($ref by id) would make a shape mean different things in different places: not shared then.
    const external = isRecord(externalSchemas) && Object.keys(externalSchemas).length > 0
    return (route) => {
      if (external) return compile(route)
      const key = JSON.stringify(schemaShape(route.schema))
      let serialize = compiled.get(key)
      if (!serialize) compiled.set(key, (serialize = compile(route)))
      return serialize
    }
  }
}
