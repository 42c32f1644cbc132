/**
 * Key-log times with their zone: an operator pasting a log into a bug report, or reading one from a
 * colleague in another office, must know which clock it was. Pure, so the format is unit-tested.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `-480` (Date#getTimezoneOffset, minutes west of UTC) → `UTC+08:00`; 0 → `UTC`. */
export function zoneLabel(offsetMinutesWest: number): string {
  if (offsetMinutesWest === 0) return 'UTC'
  const east = -offsetMinutesWest
  const a = Math.abs(east)
  return `UTC${east > 0 ? '+' : '-'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
}

/** `23:14:05.120 UTC+08:00`: the page's local clock, to the millisecond (keys come faster than a second). */
export function logTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)} ${zoneLabel(d.getTimezoneOffset())}`
}
