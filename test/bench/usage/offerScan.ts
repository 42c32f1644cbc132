/**
 * The offer audience as it was before the offer marks: every household's interest in the range grouped.
 * The bench times it beside the report's query (its baseline), and a unit test holds both to the same answer.
 */
export const OFFER_AUDIENCE_SCAN_SQL = `SELECT product, count(*)::INTEGER AS households FROM (
    SELECT hh, product FROM usage_day_interest WHERE day BETWEEN $from::DATE AND $to::DATE
      AND ($area::VARCHAR IS NULL OR area = $area::VARCHAR)
    GROUP BY hh, product HAVING sum(details) >= 2 AND sum(orders) = 0)
  GROUP BY product ORDER BY households DESC, product`
