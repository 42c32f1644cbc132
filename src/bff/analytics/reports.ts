import { ORDER_FUNNEL, type ReportTable, type UsageReport } from '../../contract/usage.ts'

type Row = Record<string, string | number | null>
type Params = Record<string, string | null>
export type Query = (sql: string, params: Params) => Promise<Row[]>

// Every report reads the same slice: the date range in the operator's days, optionally one area.
const SLICE = `(SELECT * FROM usage_events WHERE day BETWEEN $from::DATE AND $to::DATE
  AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR))`
// A sitting: sessions are the box's own ids, so they are only unique within a household.
const SITTING = `household || ':' || session`

/** Screens whose visit answers a question a viewer would otherwise phone the call centre about. */
export const SELF_SERVICE_SCREENS = ['balance', 'bills', 'bills/:billId', 'payments', 'subscriptions', 'repair/tickets', 'repair/tickets/:ticketId']

// Our own constant list (never request input), so it can be written into the SQL.
const listLiteral = (items: string[]) => `[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`

/**
 * Households that opened a package's detail `minViews` times or more in the range and did not finish
 * ordering it: the audience of that package's offer. An order in the whole range rules the package out.
 */
function offerAudience(minViews: number): string {
  return `SELECT household, product FROM ${SLICE}
    WHERE type = 'flow' AND flow = 'order' AND product IS NOT NULL
    GROUP BY household, product
    HAVING count(*) FILTER (WHERE step = 'detail') >= ${Math.max(1, Math.trunc(minViews))} AND count(*) FILTER (WHERE outcome = 'finished') = 0`
}

/** The offer audience with each household's sealed contact under the current key ($keyId). */
export const offerTargetsSql = (minViews: number) => `SELECT a.household, c.contact, a.product FROM (${offerAudience(minViews)}) a
  JOIN usage_contacts c ON c.household = a.household AND c.key_id = $keyId::VARCHAR ORDER BY a.household, a.product`

const SQL: Record<Exclude<ReportTable, 'funnel'>, string> = {
  daily: `SELECT strftime(day, '%Y-%m-%d') AS day, count(DISTINCT household)::INTEGER AS households,
      count(DISTINCT ${SITTING})::INTEGER AS sessions, count(*)::INTEGER AS events
    FROM ${SLICE} GROUP BY day ORDER BY day`,
  services: `SELECT screen, count(*)::INTEGER AS views, count(DISTINCT household)::INTEGER AS households
    FROM ${SLICE} WHERE type = 'screen' GROUP BY screen ORDER BY views DESC, screen`,
  flows: `SELECT flow,
      count(*) FILTER (WHERE outcome = 'started')::INTEGER AS started,
      count(*) FILTER (WHERE outcome = 'finished')::INTEGER AS finished,
      count(*) FILTER (WHERE outcome = 'abandoned')::INTEGER AS abandoned,
      mode(step) FILTER (WHERE outcome = 'abandoned') AS "mostAbandonedAt"
    FROM ${SLICE} WHERE type = 'flow' GROUP BY flow ORDER BY flow`,
  topups: `SELECT coalesce(method, 'other') AS method, count(*)::INTEGER AS topups, coalesce(sum(amount_fen), 0)::BIGINT::DOUBLE AS "amountFen"
    FROM ${SLICE} WHERE type = 'flow' AND flow = 'topup' AND outcome = 'finished' GROUP BY 1 ORDER BY topups DESC, method`,
  faults: `SELECT coalesce(symptom, 'other') AS symptom,
      count(DISTINCT ${SITTING}) FILTER (WHERE outcome = 'solved')::INTEGER AS solved,
      count(DISTINCT ${SITTING}) FILTER (WHERE outcome = 'ticket')::INTEGER AS ticketed
    FROM ${SLICE} WHERE type = 'selfhelp' GROUP BY 1 ORDER BY solved + ticketed DESC, symptom`,
  complaints: `SELECT coalesce(category, 'other') AS category, count(*)::INTEGER AS complaints
    FROM ${SLICE} WHERE type = 'flow' AND flow = 'complaint' AND outcome = 'finished' GROUP BY 1 ORDER BY complaints DESC, category`,
  errors: `SELECT coalesce(code, 'UNKNOWN') AS code, count(*)::INTEGER AS shown, count(DISTINCT household)::INTEGER AS households
    FROM ${SLICE} WHERE type = 'error' GROUP BY 1 ORDER BY shown DESC, code`,
  // Each counted thing is one the viewer did at the hall instead of phoning: a conservative estimate
  // (one call per sitting and kind, however many screens it took).
  callsSaved: `SELECT reason, count(DISTINCT sitting)::INTEGER AS calls FROM (
      SELECT ${SITTING} AS sitting, CASE
        WHEN type = 'selfhelp' AND outcome = 'solved' THEN 'fault solved by self-help'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'order' THEN 'package ordered'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'topup' THEN 'topped up'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'fault' THEN 'fault reported'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'complaint' THEN 'complaint filed'
        WHEN type = 'screen' AND list_contains(${listLiteral(SELF_SERVICE_SCREENS)}, screen) THEN 'balance, bill or ticket checked'
      END AS reason FROM ${SLICE}) WHERE reason IS NOT NULL GROUP BY reason ORDER BY calls DESC, reason`,
  // The audience of each package's offer (see OFFER_AUDIENCE).
  offers: `SELECT product, count(*)::INTEGER AS households FROM (${offerAudience(2)}) GROUP BY product ORDER BY households DESC, product`,
}

const FUNNEL_SQL = `SELECT step, count(DISTINCT ${SITTING})::INTEGER AS sessions FROM ${SLICE}
  WHERE type = 'flow' AND flow = 'order' AND outcome IN ('started', 'step', 'finished') GROUP BY step`

/** The order funnel in its order, with how many sittings gave up at each step. */
export function funnelRows(reached: Row[]): Row[] {
  const count = (step: string) => Number(reached.find((r) => r.step === step)?.sessions ?? 0)
  return ORDER_FUNNEL.map((step, i) => {
    const sessions = count(step)
    const next = i + 1 < ORDER_FUNNEL.length ? count(ORDER_FUNNEL[i + 1]) : sessions
    const gaveUp = Math.max(0, sessions - next)
    return { step, sessions, gaveUp, dropOff: sessions > 0 ? Math.round((gaveUp / sessions) * 1000) / 1000 : null }
  })
}

export async function buildReport(query: Query, q: { from: string; to: string; area?: string }): Promise<UsageReport> {
  const params = { from: q.from, to: q.to, area: q.area ?? null }
  const tables: Record<string, Row[]> = {}
  for (const [name, sql] of Object.entries(SQL)) {
    tables[name] = await query(sql, params)
  }
  tables.funnel = funnelRows(await query(FUNNEL_SQL, params))
  const solved = tables.faults.reduce((n, r) => n + Number(r.solved), 0)
  const ticketed = tables.faults.reduce((n, r) => n + Number(r.ticketed), 0)
  return {
    from: q.from,
    to: q.to,
    area: q.area ?? null,
    tables,
    deflectionRate: solved + ticketed > 0 ? Math.round((solved / (solved + ticketed)) * 1000) / 1000 : null,
  }
}

/** A report table as CSV (RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet runs nothing). */
export function toCsv(rows: Row[]): string {
  if (rows.length === 0) return ''
  const columns = Object.keys(rows[0])
  const cell = (v: string | number | null) => {
    if (v === null) return ''
    let s = String(v)
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\r\n') + '\r\n'
}
