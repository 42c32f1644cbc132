import { BossError } from '../protocol/codes.ts'
import { isDay, isMonth } from '../protocol/time.ts'

/** Request BODY checks: anything missing or malformed is a 1002, named so the caller can fix it. */
export function required(body: Record<string, string>, key: string, pattern?: RegExp): string {
  const v = body[key]
  if (v === undefined || v === '') throw new BossError('1002', `${key} 缺失`)
  if (pattern && !pattern.test(v)) throw new BossError('1002', `${key} 格式错误`)
  return v
}

export function optional(body: Record<string, string>, key: string, pattern: RegExp, fallback: string): string {
  const v = body[key]
  if (v === undefined || v === '') return fallback
  if (!pattern.test(v)) throw new BossError('1002', `${key} 格式错误`)
  return v
}

export const CUST_ID = /^C\d{8}$/

export function requiredDay(body: Record<string, string>, key: string): string {
  const v = required(body, key)
  if (!isDay(v)) throw new BossError('1002', `${key} 格式错误`)
  return v
}

export function requiredMonth(body: Record<string, string>, key: string): string {
  const v = required(body, key)
  if (!isMonth(v)) throw new BossError('1002', `${key} 格式错误`)
  return v
}

export function optionalInt(
  body: Record<string, string>,
  key: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const v = optional(body, key, /^\d{1,6}$/, String(fallback))
  const n = Number(v)
  if (n < min || n > max) throw new BossError('1002', `${key} 超出范围 ${min}-${max}`)
  return n
}
