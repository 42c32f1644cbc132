/**
 * Daily rollups of the usage events, so a report over a month of 5 million boxes reads thousands of
 * rows instead of tens of millions. The writer rebuilds the rollups of the days it wrote (dirty days)
 * from the events, in the background and before any report, so a report is never older than the events.
 * Distinct households and sittings are exact per day; over a range a sitting is counted once (sittings
 * live within a day: one across midnight counts on both days), while households are summed per day
 * ("household-days") except where a table says households.
 */
const SITTING = `household || ':' || session`
// The range first: DuckDB skips row groups outside it (events arrive in time order); then the exact days.
const DAYS = `day BETWEEN $lo::DATE AND $hi::DATE AND day IN (SELECT unnest(from_json($days::JSON, '["DATE"]')))`

/** Every usage day's dimensions and counts: the rows most report tables read. */
const GROUPS = `CREATE TABLE IF NOT EXISTS usage_day_groups (day DATE NOT NULL, area VARCHAR NOT NULL, type VARCHAR NOT NULL,
  screen VARCHAR, flow VARCHAR, step VARCHAR, outcome VARCHAR, symptom VARCHAR, category VARCHAR, code VARCHAR, method VARCHAR,
  events BIGINT NOT NULL, amount_fen BIGINT NOT NULL, households BIGINT NOT NULL, sittings BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS usage_day_active (day DATE NOT NULL, area VARCHAR NOT NULL, households BIGINT NOT NULL, sittings BIGINT NOT NULL, events BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS usage_day_calls (day DATE NOT NULL, area VARCHAR NOT NULL, reason VARCHAR NOT NULL, sittings BIGINT NOT NULL);
-- hh: the household's hash as a number, which the report's audience counts group by faster than the text.
CREATE TABLE IF NOT EXISTS usage_day_interest (day DATE NOT NULL, area VARCHAR NOT NULL, household VARCHAR NOT NULL, hh UBIGINT NOT NULL,
  product VARCHAR NOT NULL, details BIGINT NOT NULL, orders BIGINT NOT NULL);
-- A household's interest in a package on a day after an earlier day of interest (prev): the offer audience reads
-- only the pairs with two days of interest in its range instead of grouping every household's interest.
CREATE TABLE IF NOT EXISTS usage_interest_repeat (day DATE NOT NULL, hh UBIGINT NOT NULL, product VARCHAR NOT NULL, prev DATE NOT NULL);
CREATE TABLE IF NOT EXISTS usage_rollup_days (day DATE PRIMARY KEY, refreshed_at TIMESTAMPTZ NOT NULL);`

export const ROLLUP_SCHEMA = GROUPS
export const ROLLUP_TABLES = [
  'usage_day_groups',
  'usage_day_active',
  'usage_day_calls',
  'usage_day_interest',
  'usage_interest_repeat',
  'usage_rollup_days',
] as const

/** Screens whose visit answers a question a viewer would otherwise phone the call centre about. */
export const SELF_SERVICE_SCREENS = [
  'balance',
  'bills',
  'bills/:billId',
  'payments',
  'subscriptions',
  'repair/tickets',
  'repair/tickets/:ticketId',
]

// Our own constant list (never request input), so it can be written into the SQL.
const listLiteral = (items: string[]) => `[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`

/**
 * Rethread the repeat rows of the household-package pairs that `pairs` selects from their whole interest
 * history: each day of interest after an earlier one, with that earlier day. A pair that vanished from a
 * rebuilt day keeps rows that point at it: the audience reads them as candidates only and counts from
 * usage_day_interest, so a stale row costs a lookup, never a wrong answer.
 */
const threadInterest = (pairs: string) => [
  `DELETE FROM usage_interest_repeat r USING (${pairs}) t WHERE r.hh = t.hh AND r.product = t.product`,
  `INSERT INTO usage_interest_repeat SELECT day, hh, product, prev FROM (
    SELECT i.day, i.hh, i.product, lag(i.day) OVER (PARTITION BY i.hh, i.product ORDER BY i.day) AS prev
    FROM usage_day_interest i SEMI JOIN (${pairs}) t ON i.hh = t.hh AND i.product = t.product) WHERE prev IS NOT NULL`,
]

/**
 * Package interest per household and day. A detail view is the viewer arriving at the detail: the flow's
 * "abandoned at detail" event that follows when they leave is the same visit, not a second look.
 */
const interestOf = (
  days: string,
) => `INSERT INTO usage_day_interest SELECT day, area, household, hash(household), product,
    count(*) FILTER (WHERE step = 'detail' AND outcome IS DISTINCT FROM 'abandoned'), count(*) FILTER (WHERE outcome = 'finished')
    FROM usage_events WHERE ${days} AND type = 'flow' AND flow = 'order' AND product IS NOT NULL GROUP BY ALL`

/**
 * A store whose rollups were built before usage_interest_repeat (which also counted a left detail twice):
 * its interest rebuilt from the events and every pair threaded, once, as it opens.
 */
export const REBUILD_INTEREST_SQL = [
  'DELETE FROM usage_day_interest',
  interestOf('true'),
  ...threadInterest('SELECT DISTINCT hh, product FROM usage_day_interest'),
]

/** Rebuild the rollups of the days in $days (a JSON list of yyyy-mm-dd) from their events; run in one transaction. */
export const REFRESH_SQL = [
  ...ROLLUP_TABLES.map((t) => `DELETE FROM ${t} WHERE ${DAYS}`),
  `INSERT INTO usage_day_groups SELECT day, area, type, screen, flow, step, outcome, symptom, category, code, method,
    count(*), coalesce(sum(amount_fen), 0), count(DISTINCT household), count(DISTINCT ${SITTING})
    FROM usage_events WHERE ${DAYS} GROUP BY ALL`,
  `INSERT INTO usage_day_active SELECT day, area, count(DISTINCT household), count(DISTINCT ${SITTING}), count(*)
    FROM usage_events WHERE ${DAYS} GROUP BY day, area`,
  // Each counted thing is one the viewer did at the hall instead of phoning: a conservative estimate
  // (one call per sitting and kind, however many screens it took).
  `INSERT INTO usage_day_calls SELECT day, area, reason, count(DISTINCT sitting) FROM (
      SELECT day, area, ${SITTING} AS sitting, CASE
        WHEN type = 'selfhelp' AND outcome = 'solved' THEN 'fault solved by self-help'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'order' THEN 'package ordered'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'topup' THEN 'topped up'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'fault' THEN 'fault reported'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'complaint' THEN 'complaint filed'
        WHEN type = 'screen' AND list_contains(${listLiteral(SELF_SERVICE_SCREENS)}, screen) THEN 'balance, bill or ticket checked'
      END AS reason FROM usage_events WHERE ${DAYS}) WHERE reason IS NOT NULL GROUP BY day, area, reason`,
  interestOf(DAYS),
  ...threadInterest(`SELECT DISTINCT hh, product FROM usage_day_interest WHERE ${DAYS}`),
  `INSERT INTO usage_rollup_days SELECT unnest(from_json($days::JSON, '["DATE"]')), now() WHERE $lo::DATE <= $hi::DATE`,
]

/** Days holding events whose rollups were never built (a store written by an older BFF, or a crash mid-way). */
export const UNROLLED_DAYS_SQL = `SELECT DISTINCT strftime(day, '%Y-%m-%d') AS day FROM usage_events
  WHERE day NOT IN (SELECT day FROM usage_rollup_days)`
