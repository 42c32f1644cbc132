import { ORDER_FUNNEL, type ReportTable, type UsageReport } from '../../contract/usage.ts'

type Row = Record<string, string | number | null>
type Params = Record<string, string | null>
export type Query = (sql: string, params: Params) => Promise<Row[]>

// Every report reads the same slice of a rollup (rollups.ts): the date range in the operator's days, optionally one area.
const slice = (table: string) => `(SELECT * FROM ${table} WHERE day BETWEEN $from::DATE AND $to::DATE
  AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR))`
const GROUPS = slice('usage_day_groups')

/**
 * Households that opened a package's detail `minViews` times or more in the range and did not finish
 * ordering it: the audience of that package's offer. An order in the whole range rules the package out.
 * Every household's interest in the range grouped: the offer job's query, which may take seconds.
 */
function offerAudience(minViews: number): string {
  const views = Math.max(1, Math.trunc(minViews))
  return `SELECT household, product FROM ${slice('usage_day_interest')}
    GROUP BY household, product HAVING sum(details) >= ${views} AND sum(orders) = 0`
}

/**
 * The report's audience per package (two views, as offerAudience(2)) from the offer marks (rollups.ts): each
 * household and package in the audience has exactly one mark that passes this filter, so nothing is grouped
 * but the packages. Held to the raw events' answer by test/unit/bff/usage/rollupsVsRaw.test.ts.
 */
const OFFER_MARKS = `SELECT product, count(*)::INTEGER AS households FROM usage_offer_marks
  WHERE scope = coalesce($area::VARCHAR, '*') AND day BETWEEN $from::DATE AND $to::DATE
    AND ((many AND (prev IS NULL OR prev < $from::DATE))
      OR (prev_once AND prev >= $from::DATE AND (prev2 IS NULL OR prev2 < $from::DATE)))
    AND (last_order IS NULL OR last_order < $from::DATE) AND (next_order IS NULL OR next_order > $to::DATE)
  GROUP BY product ORDER BY households DESC, product`

/** The offer audience with each household's sealed contact under the current key ($keyId). */
export const offerTargetsSql = (
  minViews: number,
) => `SELECT a.household, c.contact, a.product FROM (${offerAudience(minViews)}) a
  JOIN usage_contacts c ON c.household = a.household AND c.key_id = $keyId::VARCHAR ORDER BY a.household, a.product`

/** Every report table's query (the funnel's is FUNNEL_SQL), exported for the bench that times each. */
export const REPORT_SQL: Record<Exclude<ReportTable, 'funnel'>, string> = {
  daily: `SELECT strftime(day, '%Y-%m-%d') AS day, sum(households)::INTEGER AS households,
      sum(sittings)::INTEGER AS sessions, sum(events)::INTEGER AS events
    FROM ${slice('usage_day_active')} GROUP BY day ORDER BY day`,
  // householdDays: households a day, summed over the range (one household on 3 days counts 3).
  services: `SELECT screen, sum(events)::INTEGER AS views, sum(households)::INTEGER AS "householdDays"
    FROM ${GROUPS} WHERE type = 'screen' GROUP BY screen ORDER BY views DESC, screen`,
  flows: `SELECT flow,
      coalesce(sum(n) FILTER (WHERE outcome = 'started'), 0)::INTEGER AS started,
      coalesce(sum(n) FILTER (WHERE outcome = 'finished'), 0)::INTEGER AS finished,
      coalesce(sum(n) FILTER (WHERE outcome = 'abandoned'), 0)::INTEGER AS abandoned,
      first(step ORDER BY n DESC, step) FILTER (WHERE outcome = 'abandoned') AS "mostAbandonedAt"
    FROM (SELECT flow, outcome, step, sum(events) AS n FROM ${GROUPS} WHERE type = 'flow' GROUP BY ALL) GROUP BY flow ORDER BY flow`,
  topups: `SELECT coalesce(method, 'other') AS method, sum(events)::INTEGER AS topups, sum(amount_fen)::BIGINT::DOUBLE AS "amountFen"
    FROM ${GROUPS} WHERE type = 'flow' AND flow = 'topup' AND outcome = 'finished' GROUP BY 1 ORDER BY topups DESC, method`,
  faults: `SELECT coalesce(symptom, 'other') AS symptom,
      coalesce(sum(sittings) FILTER (WHERE outcome = 'solved'), 0)::INTEGER AS solved,
      coalesce(sum(sittings) FILTER (WHERE outcome = 'ticket'), 0)::INTEGER AS ticketed
    FROM ${GROUPS} WHERE type = 'selfhelp' GROUP BY 1 ORDER BY solved + ticketed DESC, symptom`,
  complaints: `SELECT coalesce(category, 'other') AS category, sum(events)::INTEGER AS complaints
    FROM ${GROUPS} WHERE type = 'flow' AND flow = 'complaint' AND outcome = 'finished' GROUP BY 1 ORDER BY complaints DESC, category`,
  errors: `SELECT coalesce(code, 'UNKNOWN') AS code, sum(events)::INTEGER AS shown, sum(households)::INTEGER AS "householdDays"
    FROM ${GROUPS} WHERE type = 'error' GROUP BY 1 ORDER BY shown DESC, code`,
  callsSaved: `SELECT reason, sum(sittings)::INTEGER AS calls FROM ${slice('usage_day_calls')} GROUP BY reason ORDER BY calls DESC, reason`,
  offers: OFFER_MARKS,
}

export const FUNNEL_SQL = `SELECT step, sum(sittings)::INTEGER AS sessions FROM ${slice('usage_day_funnel')} GROUP BY step`

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

/** The report's queries: from the rollups, or (the bench's baseline, the tests' reference) from the raw events. */
export interface ReportSql {
  tables: Record<Exclude<ReportTable, 'funnel'>, string>
  funnel: string
}

export async function buildReport(
  query: Query,
  q: { from: string; to: string; area?: string },
  sql: ReportSql = { tables: REPORT_SQL, funnel: FUNNEL_SQL },
): Promise<UsageReport> {
  const params = { from: q.from, to: q.to, area: q.area ?? null }
  const tables: Record<string, Row[]> = {}
  for (const [name, text] of Object.entries(sql.tables)) {
    tables[name] = await query(text, params)
  }
  tables.funnel = funnelRows(await query(sql.funnel, params))
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
