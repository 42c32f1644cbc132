/**
 * Display formatting. Money arrives as integer fen and is only ever turned into text here,
 * with integer arithmetic: no float ever carries an amount.
 */

export type LanguageCode = 'zh-CN' | 'en'

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

function groupThousands(digits: string): string {
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ','
    out += digits.charAt(i)
  }
  return out
}

/** `123450` → `¥1,234.50`; `-5` → `-¥0.05`. Anything that is not a safe integer shows as `¥--` rather than a wrong sum. */
export function formatFen(fen: number): string {
  if (!isFen(fen)) return '¥--'
  const negative = fen < 0
  const abs = negative ? -fen : fen
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const text = '¥' + groupThousands(String(yuan)) + '.' + (cents < 10 ? '0' : '') + String(cents)
  return negative ? '-' + text : text
}

/** Adds amounts in fen; refuses non-integers instead of silently rounding them. */
export function sumFen(...amounts: number[]): number {
  let total = 0
  for (const a of amounts) {
    if (!isFen(a)) throw new RangeError('amount is not an integer number of fen: ' + String(a))
    total += a
  }
  if (!isFen(total)) throw new RangeError('sum of fen out of safe range')
  return total
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + String(n)

interface DateParts {
  year: number
  month: number
  day: number
  hour?: number
  minute?: number
}

/**
 * Reads `YYYY-MM-DD` or an ISO date-time with offset as written: the contract gives operator-local
 * (Beijing) wall-clock values, and the box's own time zone must not shift them.
 */
export function parseDateParts(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso)
  if (!m) return null
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (m[4] !== undefined) {
    parts.hour = Number(m[4])
    parts.minute = Number(m[5])
  }
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null
  return parts
}

/** `2026-11-22` → `2026年11月22日` / `22 Nov 2026`. */
export function formatDate(iso: string | null | undefined, lang: LanguageCode): string {
  const p = iso ? parseDateParts(iso) : null
  if (!p) return '--'
  return lang === 'en'
    ? p.day + ' ' + MONTHS_EN[p.month - 1] + ' ' + p.year
    : p.year + '年' + p.month + '月' + p.day + '日'
}

/**
 * A billing period as short as it reads unambiguously, so it fits beside its label at large text:
 * `1–30 Nov 2026`, `1 Nov – 31 Dec 2026`, `2026年11月1日至30日`; across a year end both dates in full.
 */
export function formatPeriod(startIso: string, endIso: string, lang: LanguageCode): string {
  const a = parseDateParts(startIso)
  const b = parseDateParts(endIso)
  if (!a || !b) return formatDate(startIso, lang) + (lang === 'en' ? ' – ' : '至') + formatDate(endIso, lang)
  if (lang === 'en') {
    if (a.year !== b.year) return formatDate(startIso, lang) + ' – ' + formatDate(endIso, lang)
    if (a.month !== b.month) return `${a.day} ${MONTHS_EN[a.month - 1]} – ${formatDate(endIso, lang)}`
    return `${a.day}–${formatDate(endIso, lang)}`
  }
  if (a.year !== b.year) return formatDate(startIso, lang) + '至' + formatDate(endIso, lang)
  return formatDate(startIso, lang) + '至' + (a.month !== b.month ? b.month + '月' : '') + b.day + '日'
}

/** Date and wall-clock time: `2026年11月22日 20:15` / `22 Nov 2026, 20:15`. */
export function formatDateTime(iso: string | null | undefined, lang: LanguageCode): string {
  const p = iso ? parseDateParts(iso) : null
  if (!p) return '--'
  const date = formatDate(iso, lang)
  if (p.hour === undefined || p.minute === undefined) return date
  const time = pad2(p.hour) + ':' + pad2(p.minute)
  return lang === 'en' ? date + ', ' + time : date + ' ' + time
}

/** `YYYY-MM` billing month: `2026年11月` / `Nov 2026`. */
export function formatMonth(month: string, lang: LanguageCode): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return '--'
  const n = Number(m[2])
  return lang === 'en' ? MONTHS_EN[n - 1] + ' ' + m[1] : m[1] + '年' + n + '月'
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** Clock in the operator's time zone, whatever the box is set to: `20:15`. */
export function formatClock(nowMs: number): string {
  const b = new Date(nowMs + BEIJING_OFFSET_MS)
  return pad2(b.getUTCHours()) + ':' + pad2(b.getUTCMinutes())
}

/** Milliseconds until the next minute starts, so the clock ticks on the minute and not 59 s late. */
export function msToNextMinute(nowMs: number): number {
  return 60000 - (nowMs % 60000)
}
