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
-- The order funnel: sittings that reached each step, however they reached it (a detail opened from home starts the flow there).
CREATE TABLE IF NOT EXISTS usage_day_funnel (day DATE NOT NULL, area VARCHAR NOT NULL, step VARCHAR NOT NULL, sittings BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS usage_day_calls (day DATE NOT NULL, area VARCHAR NOT NULL, reason VARCHAR NOT NULL, sittings BIGINT NOT NULL);
-- hh: the household's hash as a number, which the report's audience counts group by faster than the text.
CREATE TABLE IF NOT EXISTS usage_day_interest (day DATE NOT NULL, area VARCHAR NOT NULL, household VARCHAR NOT NULL, hh UBIGINT NOT NULL,
  product VARCHAR NOT NULL, details BIGINT NOT NULL, orders BIGINT NOT NULL);
-- The offer audience's marks (offerMarks below): a row per day that can be the one on which a household's views
-- of a package in a report's range reach two, so the report counts rows that pass a filter instead of grouping
-- every household's interest. scope: '*' threads a pair over every area, an area's code only within that area.
CREATE TABLE IF NOT EXISTS usage_offer_marks (scope VARCHAR NOT NULL, day DATE NOT NULL, hh UBIGINT NOT NULL, product VARCHAR NOT NULL,
  many BOOLEAN NOT NULL, prev DATE, prev_once BOOLEAN, prev2 DATE, last_order DATE, next_order DATE);
CREATE TABLE IF NOT EXISTS usage_rollup_days (day DATE PRIMARY KEY, refreshed_at TIMESTAMPTZ NOT NULL);
CREATE TABLE IF NOT EXISTS usage_rollup_version (version INTEGER NOT NULL);`

export const ROLLUP_SCHEMA = GROUPS
export const ROLLUP_TABLES = [
  'usage_day_groups',
  'usage_day_active',
  'usage_day_funnel',
  'usage_day_calls',
  'usage_day_interest',
  'usage_offer_marks',
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
 * Rethread the offer marks of the household-package pairs that `pairs` selects, from their whole interest history.
 * For a range [f, t] a pair has two views or more and no order exactly when one of its rows has f <= day <= t and
 * either `many` (two views that day) with no day of views before it in the range (prev < f), or one view on prev,
 * the first day of views in the range (prev >= f, prev_once, prev2 < f); and no order in the range (last_order < f,
 * the latest order on or before the day; next_order > t, the first order on or after it). That row is unique per
 * pair and range: the day on which the range's views of the pair reach two. Only rows that can be it are kept.
 */
const threadMarks = (pairs: string) => [
  `DELETE FROM usage_offer_marks m USING (${pairs}) t WHERE m.hh = t.hh AND m.product = t.product`,
  `INSERT INTO usage_offer_marks SELECT scope, day, hh, product, details >= 2, prev, prev_once, prev2, last_order, next_order FROM (
    SELECT *, lag(day) OVER w AS prev, lag(details) OVER w = 1 AS prev_once, lag(day, 2) OVER w AS prev2 FROM (
      SELECT *, max(day) FILTER (WHERE orders > 0) OVER (PARTITION BY scope, hh, product ORDER BY day
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_order,
        min(day) FILTER (WHERE orders > 0) OVER (PARTITION BY scope, hh, product ORDER BY day
          ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_order
      FROM (
        SELECT '*' AS scope, day, i.hh, i.product, sum(details) AS details, sum(orders) AS orders
          FROM usage_day_interest i SEMI JOIN (${pairs}) t ON i.hh = t.hh AND i.product = t.product GROUP BY ALL
        UNION ALL SELECT area, day, i.hh, i.product, details, orders
          FROM usage_day_interest i SEMI JOIN (${pairs}) t ON i.hh = t.hh AND i.product = t.product))
    WHERE details > 0 WINDOW w AS (PARTITION BY scope, hh, product ORDER BY day))
  WHERE details >= 2 OR prev_once`,
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
 * The rollups' shape: a store whose rollups were built by another version (older tables, a left detail counted
 * twice, errors split by screen) has them emptied as it opens, so every day is rebuilt from its events.
 */
export const ROLLUP_VERSION = 3
export const ROLLUP_VERSION_SQL = 'SELECT max(version) AS version FROM usage_rollup_version'
export const RESET_ROLLUPS_SQL = [
  'DROP TABLE IF EXISTS usage_interest_repeat',
  ...ROLLUP_TABLES.map((t) => `DELETE FROM ${t}`),
  'DELETE FROM usage_rollup_version',
  `INSERT INTO usage_rollup_version VALUES (${ROLLUP_VERSION})`,
]

/** Rebuild the rollups of the days in $days (a JSON list of yyyy-mm-dd) from their events; run in one transaction. */
export const REFRESH_SQL = [
  ...ROLLUP_TABLES.map((t) => `DELETE FROM ${t} WHERE ${DAYS}`),
  // An error is counted by its code alone: a household that saw one code on two screens is one household that day.
  `INSERT INTO usage_day_groups SELECT day, area, type, CASE WHEN type = 'error' THEN NULL ELSE screen END AS screen, flow, step, outcome, symptom, category, code, method,
    count(*), coalesce(sum(amount_fen), 0), count(DISTINCT household), count(DISTINCT ${SITTING})
    FROM usage_events WHERE ${DAYS} GROUP BY ALL`,
  `INSERT INTO usage_day_funnel SELECT day, area, step, count(DISTINCT ${SITTING}) FROM usage_events
    WHERE ${DAYS} AND type = 'flow' AND flow = 'order' AND outcome IN ('started', 'step', 'finished') GROUP BY ALL`,
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
  ...threadMarks(`SELECT DISTINCT hh, product FROM usage_day_interest WHERE ${DAYS}`),
  `INSERT INTO usage_rollup_days SELECT unnest(from_json($days::JSON, '["DATE"]')), now() WHERE $lo::DATE <= $hi::DATE`,
]

/**
 * Retention ($1: the first day kept): a mark forgets the earlier days of views and orders that went, as the events
 * did, so a range that starts before $1 counts what the events still hold (for later ranges it changes nothing).
 */
export const FORGET_MARKS_SQL = `UPDATE usage_offer_marks SET
    prev = CASE WHEN prev < $1::DATE THEN NULL ELSE prev END, prev2 = CASE WHEN prev2 < $1::DATE THEN NULL ELSE prev2 END,
    last_order = CASE WHEN last_order < $1::DATE THEN NULL ELSE last_order END
  WHERE prev < $1::DATE OR prev2 < $1::DATE OR last_order < $1::DATE`

/** Days holding events whose rollups were not built since they were last written (a stop before the rebuild, an older store). */
export const UNROLLED_DAYS_SQL = `SELECT DISTINCT strftime(day, '%Y-%m-%d') AS day FROM usage_events
  WHERE day NOT IN (SELECT day FROM usage_rollup_days)`
