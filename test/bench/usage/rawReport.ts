import type { ReportSql } from '../../../src/bff/analytics/reports.ts'
import { SELF_SERVICE_SCREENS } from '../../../src/bff/analytics/rollups.ts'

/**
 * Every report table computed from the raw events, written from the tables' definitions and not from the
 * rollups: the bench's baseline beside the rollups, and the reference the rollups are held to
 * (test/unit/bff/usage/rollupsVsRaw.test.ts). Same columns and order as REPORT_SQL. Households and
 * sittings a day are distinct per day and summed over the range ("household-days"), as the report says.
 */
const EVENTS = `(SELECT *, household || ':' || session AS sitting FROM usage_events
  WHERE day BETWEEN $from::DATE AND $to::DATE AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR))`

const screens = SELF_SERVICE_SCREENS.map((s) => `'${s}'`).join(', ')

export const RAW_REPORT_SQL: ReportSql = {
  tables: {
    daily: `SELECT strftime(day, '%Y-%m-%d') AS day, count(DISTINCT household)::INTEGER AS households,
        count(DISTINCT sitting)::INTEGER AS sessions, count(*)::INTEGER AS events
      FROM ${EVENTS} GROUP BY day ORDER BY day`,
    services: `SELECT screen, count(*)::INTEGER AS views, count(DISTINCT (day, household))::INTEGER AS "householdDays"
      FROM ${EVENTS} WHERE type = 'screen' GROUP BY screen ORDER BY views DESC, screen`,
    flows: `SELECT flow,
        coalesce(sum(n) FILTER (WHERE outcome = 'started'), 0)::INTEGER AS started,
        coalesce(sum(n) FILTER (WHERE outcome = 'finished'), 0)::INTEGER AS finished,
        coalesce(sum(n) FILTER (WHERE outcome = 'abandoned'), 0)::INTEGER AS abandoned,
        first(step ORDER BY n DESC, step) FILTER (WHERE outcome = 'abandoned') AS "mostAbandonedAt"
      FROM (SELECT flow, outcome, step, count(*) AS n FROM ${EVENTS} WHERE type = 'flow' GROUP BY ALL)
      GROUP BY flow ORDER BY flow`,
    topups: `SELECT coalesce(method, 'other') AS method, count(*)::INTEGER AS topups,
        coalesce(sum(amount_fen), 0)::BIGINT::DOUBLE AS "amountFen"
      FROM ${EVENTS} WHERE type = 'flow' AND flow = 'topup' AND outcome = 'finished' GROUP BY 1 ORDER BY topups DESC, method`,
    faults: `SELECT coalesce(symptom, 'other') AS symptom,
        count(DISTINCT (day, sitting)) FILTER (WHERE outcome = 'solved')::INTEGER AS solved,
        count(DISTINCT (day, sitting)) FILTER (WHERE outcome = 'ticket')::INTEGER AS ticketed
      FROM ${EVENTS} WHERE type = 'selfhelp' GROUP BY 1 ORDER BY solved + ticketed DESC, symptom`,
    complaints: `SELECT coalesce(category, 'other') AS category, count(*)::INTEGER AS complaints
      FROM ${EVENTS} WHERE type = 'flow' AND flow = 'complaint' AND outcome = 'finished' GROUP BY 1 ORDER BY complaints DESC, category`,
    errors: `SELECT coalesce(code, 'UNKNOWN') AS code, count(*)::INTEGER AS shown,
        count(DISTINCT (day, household))::INTEGER AS "householdDays"
      FROM ${EVENTS} WHERE type = 'error' GROUP BY 1 ORDER BY shown DESC, code`,
    callsSaved: `SELECT reason, count(DISTINCT (day, sitting))::INTEGER AS calls FROM (SELECT day, sitting, CASE
        WHEN type = 'selfhelp' AND outcome = 'solved' THEN 'fault solved by self-help'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'order' THEN 'package ordered'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'topup' THEN 'topped up'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'fault' THEN 'fault reported'
        WHEN type = 'flow' AND outcome = 'finished' AND flow = 'complaint' THEN 'complaint filed'
        WHEN type = 'screen' AND screen IN (${screens}) THEN 'balance, bill or ticket checked'
      END AS reason FROM ${EVENTS}) WHERE reason IS NOT NULL GROUP BY reason ORDER BY calls DESC, reason`,
    // Two looks at a package's detail (arriving at it; leaving it is the same look) and no order of it in the range.
    offers: `SELECT product, count(*)::INTEGER AS households FROM (
        SELECT household, product FROM ${EVENTS} WHERE type = 'flow' AND flow = 'order' AND product IS NOT NULL
        GROUP BY household, product
        HAVING count(*) FILTER (WHERE step = 'detail' AND outcome IS DISTINCT FROM 'abandoned') >= 2
          AND count(*) FILTER (WHERE outcome = 'finished') = 0)
      GROUP BY product ORDER BY households DESC, product`,
  },
  funnel: `SELECT step, count(DISTINCT (day, sitting))::INTEGER AS sessions FROM ${EVENTS}
    WHERE type = 'flow' AND flow = 'order' AND outcome IN ('started', 'step', 'finished') GROUP BY step`,
}
