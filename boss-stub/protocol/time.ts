/**
 * BOSS clock formats. The BOSS lives in Beijing time (UTC+8, no daylight saving), so every
 * timestamp on the wire is local Beijing wall-clock time without an offset.
 * Calendar days are handled as `yyyyMMdd` strings so date arithmetic never depends on the host's zone.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Shift an instant so its UTC fields read as Beijing wall-clock time. */
function beijing(d: Date): Date {
  return new Date(d.getTime() + BEIJING_OFFSET_MS)
}

/** `yyyyMMddHHmmss` */
export function formatTime(d: Date): string {
  const b = beijing(d)
  return `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}${pad(b.getUTCHours())}${pad(b.getUTCMinutes())}${pad(b.getUTCSeconds())}`
}

/** `yyyyMMdd` */
export function formatDate(d: Date): string {
  return formatTime(d).slice(0, 8)
}

const TIME_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/

/** Parses `yyyyMMddHHmmss` (Beijing); null when malformed or not a real calendar time. */
export function parseTime(s: string): Date | null {
  const m = TIME_RE.exec(s)
  if (!m) return null
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number)
  const utc = Date.UTC(y, mo - 1, d, h, mi, se)
  const back = new Date(utc)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null
  return new Date(utc - BEIJING_OFFSET_MS)
}

/** True for a real calendar day `yyyyMMdd`. */
export function isDay(s: string): boolean {
  return /^\d{8}$/.test(s) && parseTime(`${s}000000`) !== null
}

/** True for a real month `yyyyMM`. */
export function isMonth(s: string): boolean {
  return /^\d{6}$/.test(s) && isDay(`${s}01`)
}

function dayToUtc(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))))
}

function utcToDay(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}

export function addDays(day: string, n: number): string {
  const d = dayToUtc(day)
  d.setUTCDate(d.getUTCDate() + n)
  return utcToDay(d)
}

/** Same day n months later, clamped to the month's end (0131 + 1 month = 0228/0229). */
export function addMonths(day: string, n: number): string {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(4, 6)) - 1 + n
  const target = new Date(Date.UTC(y, m, 1))
  const last = daysInMonth(utcToDay(target).slice(0, 6))
  target.setUTCDate(Math.min(Number(day.slice(6, 8)), last))
  return utcToDay(target)
}

export function shiftMonth(month: string, n: number): string {
  return addMonths(`${month}01`, n).slice(0, 6)
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate()
}

export function lastDayOf(month: string): string {
  return `${month}${pad(daysInMonth(month))}`
}

/** Whole days from a to b (b - a). */
export function diffDays(a: string, b: string): number {
  return Math.round((dayToUtc(b).getTime() - dayToUtc(a).getTime()) / 86_400_000)
}
