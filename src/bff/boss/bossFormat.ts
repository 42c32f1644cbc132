import { BEIJING_OFFSET_MS, beijingParts } from '../time.ts'
import { BossProtocolError } from './bossErrors.ts'

/**
 * The BOSS speaks Beijing wall-clock strings (`yyyyMMddHHmmss`, `yyyyMMdd`, `yyyyMM`) and fen as
 * decimal strings. These helpers are the one place that converts them, and they refuse anything
 * malformed rather than guess: a wrong date or amount on a viewer's bill is worse than an error.
 */

// The stamp changes once a second, and every BOSS call wrote it twice (REQ_SEQ, REQ_TIME), each time a Date and
// six padded strings (≈ 1 KB per answer in the BFF's allocation profile, issue 22): the last second's is kept.
let stampedSecond = NaN
let stamp = ''

export function toBossTimestamp(date: Date): string {
  const second = Math.floor(date.getTime() / 1000)
  if (second !== stampedSecond) {
    const p = beijingParts(date)
    stamp = `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`
    stampedSecond = second
  }
  return stamp
}

export function toBossDate(date: Date): string {
  const p = beijingParts(date)
  return `${p.y}${p.mo}${p.d}`
}

export function toBossMonth(date: Date): string {
  const p = beijingParts(date)
  return `${p.y}${p.mo}`
}

/** Shift a Beijing month by whole months: `monthsBefore(d, 11)` is the first month of a 12-month window. */
export function bossMonthShift(date: Date, months: number): string {
  const d = new Date(date.getTime() + BEIJING_OFFSET_MS)
  const shifted = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  return `${String(shifted.getUTCFullYear()).padStart(4, '0')}${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`
}

function checkDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= days
}

export function fromBossTimestamp(value: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value)
  if (!m || !checkDate(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59 || +m[6] > 59) {
    throw new BossProtocolError(`BOSS field ${field} is not yyyyMMddHHmmss: "${value}"`)
  }
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`
}

export function fromBossDate(value: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (!m || !checkDate(+m[1], +m[2], +m[3])) {
    throw new BossProtocolError(`BOSS field ${field} is not yyyyMMdd: "${value}"`)
  }
  return `${m[1]}-${m[2]}-${m[3]}`
}

export function fromBossMonth(value: string, field: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(value)
  if (!m || +m[2] < 1 || +m[2] > 12) {
    throw new BossProtocolError(`BOSS field ${field} is not yyyyMM: "${value}"`)
  }
  return `${m[1]}-${m[2]}`
}

/** Empty string means "none" in the BOSS protocol. */
export const optional = <T>(value: string | undefined, parse: (v: string) => T): T | null =>
  value === undefined || value === '' ? null : parse(value)

/** Fen as a decimal string → integer. Negative only where the protocol allows it (discounts). */
export function fromBossFen(value: string, field: string, opts: { allowNegative?: boolean } = {}): number {
  const ok = opts.allowNegative ? /^-?\d{1,15}$/ : /^\d{1,15}$/
  if (typeof value !== 'string' || !ok.test(value)) {
    throw new BossProtocolError(`BOSS field ${field} is not an amount in fen: "${value}"`)
  }
  const n = Number(value)
  return n === 0 ? 0 : n // no -0 in JSON
}

/** Read a required string field of a BOSS record, refusing absent or non-string values. */
export function field(record: Record<string, unknown>, key: string): string {
  const value = record[key]
  if (typeof value !== 'string') throw new BossProtocolError(`BOSS answer lacks field ${key}`)
  return value
}

/** Read a list field (array of flat string records). */
export function list(record: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = record[key]
  if (value === undefined || value === '') return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null)) {
    throw new BossProtocolError(`BOSS field ${key} is not a list`)
  }
  return value as Record<string, unknown>[]
}

/** The BOSS's English name where it has one, else its Chinese one (an older BOSS sends no *_EN fields). */
export const english = (record: Record<string, unknown>, key: string, zh: string): string => {
  const v = record[key + '_EN']
  return typeof v === 'string' && v.trim() ? v : zh
}
