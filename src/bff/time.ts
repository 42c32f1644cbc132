/**
 * The hall's clock: the operator's time zone is Beijing (China has no DST, so a fixed +8 h is exact).
 * Everything the API shows is ISO 8601 in Beijing time; the BOSS's own formats live in boss/bossFormat.ts.
 */

export const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** Beijing wall-clock parts of an instant (China has no DST, so a fixed +8 h is exact). */
export function beijingParts(date: Date) {
  const d = new Date(date.getTime() + BEIJING_OFFSET_MS)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return {
    y: pad(d.getUTCFullYear(), 4),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  }
}

/** An instant as ISO 8601 in Beijing time, e.g. `2026-11-22T20:15:00+08:00`. */
export function toIsoBeijing(date: Date): string {
  const p = beijingParts(date)
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+08:00`
}

/** Today's date in Beijing, `YYYY-MM-DD`. */
export const beijingToday = (now: Date) => toIsoBeijing(now).slice(0, 10)

/** The operator's calendar day (Beijing) of an ISO instant, `YYYY-MM-DD`. */
export const beijingDay = (iso: string): string =>
  new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
