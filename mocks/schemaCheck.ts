import type { TSchema } from '@sinclair/typebox'
import { FormatRegistry } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/**
 * Checks values against the contract's TypeBox schemas, for tests. TypeBox's Value.Check refuses
 * every `format` it has no checker for, and the contract's IsoDateTime uses `date-time`, so the
 * checker is registered here: RFC 3339 with a mandatory offset, as ajv-formats checks it in the BFF.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

export function isRfc3339DateTime(value: string): boolean {
  const m = DATE_TIME.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay && hour <= 23 && minute <= 59 && second <= 60
}

if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isRfc3339DateTime)

/** Every way `value` breaks `schema`, one readable line each; empty when it conforms. */
export function schemaErrors(schema: TSchema, value: unknown): string[] {
  if (Value.Check(schema, value)) return []
  return [...Value.Errors(schema, value)].map(
    (e) => `${e.path || '(root)'}: ${e.message} (got ${JSON.stringify(e.value)})`,
  )
}
