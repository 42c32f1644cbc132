import type { DuckDBConnection } from '@duckdb/node-api'

/**
 * A month of usage for `boxes` set-top boxes, generated inside DuckDB (range() and hash(), no rows through
 * JavaScript): each box has on average `sittingsPerBox` sittings in the month (a box by a hash of the sitting, each day's sittings together), each sitting
 * one of the scenarios below (its events a template), its package, symptom, category, error code, method and
 * amount picked by a hash of the sitting. Households look like the BFF's (22 characters), 12 areas.
 */
const TEMPLATE = `(VALUES
  -- 0..7: a look at the account (40 %)
  (0, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (0, 1, 'screen', 'balance', NULL, NULL, NULL, NULL), (0, 2, 'screen', 'bills', NULL, NULL, NULL, NULL),
  -- 8..10: a package looked at and left at its detail (15 %)
  (8, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (8, 1, 'screen', 'packages', NULL, NULL, NULL, NULL),
  (8, 2, 'flow', NULL, 'order', 'catalogue', 'started', NULL), (8, 3, 'flow', NULL, 'order', 'detail', 'step', 'product'),
  (8, 4, 'flow', NULL, 'order', 'detail', 'abandoned', 'product'),
  -- 11..12: a package ordered (10 %)
  (11, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (11, 1, 'screen', 'packages', NULL, NULL, NULL, NULL),
  (11, 2, 'flow', NULL, 'order', 'catalogue', 'started', NULL), (11, 3, 'flow', NULL, 'order', 'detail', 'step', 'product'),
  (11, 4, 'flow', NULL, 'order', 'confirm', 'step', 'product'), (11, 5, 'flow', NULL, 'order', 'pin', 'step', 'product'),
  (11, 6, 'flow', NULL, 'order', 'done', 'finished', 'product'),
  -- 13..14: a top-up (10 %)
  (13, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (13, 1, 'screen', 'topup', NULL, NULL, NULL, NULL),
  (13, 2, 'flow', NULL, 'topup', 'method', 'started', NULL), (13, 3, 'flow', NULL, 'topup', 'done', 'finished', 'method'),
  -- 15..16: a fault, solved by self-help or reported (10 %)
  (15, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (15, 1, 'screen', 'repair', NULL, NULL, NULL, NULL),
  (15, 2, 'flow', NULL, 'fault', 'checks', 'started', 'symptom'), (15, 3, 'selfhelp', NULL, NULL, NULL, 'outcome', 'symptom'),
  -- 17: a complaint (5 %)
  (17, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (17, 1, 'screen', 'complaint', NULL, NULL, NULL, NULL),
  (17, 2, 'flow', NULL, 'complaint', 'form', 'started', NULL), (17, 3, 'flow', NULL, 'complaint', 'done', 'finished', 'category'),
  -- 18: an error shown (5 %)
  (18, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (18, 1, 'error', NULL, NULL, NULL, NULL, 'code'),
  -- 19: messages and settings (5 %)
  (19, 0, 'screen', 'home', NULL, NULL, NULL, NULL), (19, 1, 'screen', 'messages', NULL, NULL, NULL, NULL), (19, 2, 'screen', 'settings', NULL, NULL, NULL, NULL)
) AS t(scenario, seq, type, screen, flow, step, outcome, field)`

const SCENARIO = `CASE WHEN k % 20 < 8 THEN 0 WHEN k % 20 < 11 THEN 8 WHEN k % 20 < 13 THEN 11 WHEN k % 20 < 15 THEN 13
  WHEN k % 20 < 17 THEN 15 ELSE k % 20 END`
const PICK = (list: string[], salt: number) =>
  `[${list.map((v) => `'${v}'`).join(', ')}][1 + (hash(k, ${salt}) % ${list.length})::INTEGER]`
const PRODUCTS = ['P_SPORTS', 'P_MOVIE', 'P_KIDS', 'P_HD', 'P_4K', 'P_OPERA', 'P_EDU', 'P_VOD']
const SYMPTOMS = ['no-signal', 'mosaic', 'no-sound', 'remote', 'frozen', 'slow']
const CATEGORIES = ['billing', 'signal', 'service', 'package', 'other']
const ERRORS = [
  'BOSS_UNAVAILABLE',
  'BOSS_TIMEOUT',
  'WRONG_PIN',
  'INSUFFICIENT_BALANCE',
  'NETWORK',
  'OVER_SPENDING_LIMIT',
]

/** Insert the month ending on `lastDay` (yyyy-mm-dd) a day at a time, as a writer would have; answers the events written. */
export async function generateMonth(
  db: DuckDBConnection,
  o: { boxes: number; sittingsPerBox: number; lastDay: string; log?: (s: string) => void },
): Promise<number> {
  const perDay = Math.round((o.boxes * o.sittingsPerBox) / 30)
  for (let d = 29; d >= 0; d--) {
    const start = (29 - d) * perDay
    const end = start + perDay
    if (d % 10 === 0) o.log?.(`usage: day ${30 - d} of 30`)
    await db.run(
      `INSERT INTO usage_events
      SELECT to_timestamp(epoch(s.day::TIMESTAMP) - 8 * 3600 + s.secs + t.seq * 20), s.day,
        s.household, 'bench', s.area, s.session, s.session || '-' || t.seq, t.type, t.screen, t.flow, t.step,
        CASE WHEN t.outcome = 'outcome' THEN (CASE WHEN s.solved THEN 'solved' ELSE 'ticket' END) ELSE t.outcome END,
        CASE WHEN t.field = 'symptom' THEN s.symptom END, CASE WHEN t.field = 'category' THEN s.category END,
        CASE WHEN t.field = 'code' THEN s.code END, CASE WHEN t.field = 'product' THEN s.product END,
        CASE WHEN t.field = 'method' THEN s.method END,
        CASE WHEN t.field = 'method' THEN s.amount WHEN t.step = 'done' AND t.flow = 'order' THEN 3000 END
      FROM (
        SELECT k, ${SCENARIO} AS scenario,
          'h' || lpad((hash(k, 1) % ${o.boxes})::VARCHAR, 21, '0') AS household,
          'a' || ((hash(k, 1) % ${o.boxes}) % 12)::VARCHAR AS area,
          'sitting' || k::VARCHAR AS session,
          ($lastDay::DATE - ${d}) AS day,
          (hash(k, 3) % 86000)::BIGINT AS secs,
          hash(k, 4) % 2 = 0 AS solved,
          ${PICK(PRODUCTS, 5)} AS product, ${PICK(SYMPTOMS, 6)} AS symptom, ${PICK(CATEGORIES, 7)} AS category,
          ${PICK(ERRORS, 8)} AS code, ${PICK(['card', 'qr'], 9)} AS method, (1 + hash(k, 10) % 20) * 1000 AS amount
        FROM range(${start}, ${end}) r(k)
      ) s JOIN ${TEMPLATE} ON t.scenario = s.scenario`,
      { lastDay: o.lastDay },
    )
  }
  const r = await db.runAndReadAll('SELECT count(*)::BIGINT::DOUBLE AS n FROM usage_events')
  return Number(r.getRowObjectsJson()[0].n)
}
