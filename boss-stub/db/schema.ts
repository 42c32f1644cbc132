import type { DatabaseSync } from 'node:sqlite'

/** Bump when the tables change: a database from an older schema is reseeded instead of misread. */
export const SCHEMA_VERSION = '3'

/**
 * Column names follow the wire protocol's vocabulary so services map rows to BODY fields plainly.
 * Money is integer fen; days are yyyyMMdd, times yyyyMMddHHmmss, months yyyyMM (Beijing), as on the wire.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS region (
  region_code TEXT PRIMARY KEY, region_name TEXT NOT NULL, city TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customer (
  cust_id TEXT PRIMARY KEY, cust_name TEXT NOT NULL, phone TEXT NOT NULL, address TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES region, stb_id TEXT NOT NULL UNIQUE, card_no TEXT NOT NULL UNIQUE,
  open_date TEXT NOT NULL, elder INTEGER NOT NULL DEFAULT 0,
  scenario TEXT NOT NULL, demo_rank INTEGER);
CREATE TABLE IF NOT EXISTS account (
  acct_id TEXT PRIMARY KEY, cust_id TEXT NOT NULL UNIQUE REFERENCES customer,
  balance INTEGER NOT NULL CHECK (balance >= 0), owe_fee INTEGER NOT NULL CHECK (owe_fee >= 0),
  deposit INTEGER NOT NULL, acct_status TEXT NOT NULL, plan_stop_date TEXT NOT NULL DEFAULT '',
  stop_time TEXT NOT NULL DEFAULT '', pin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS product (
  prod_id TEXT PRIMARY KEY, prod_name TEXT NOT NULL, prod_type TEXT NOT NULL, category TEXT NOT NULL,
  description TEXT NOT NULL, orderable INTEGER NOT NULL, sort_no INTEGER NOT NULL,
  prod_name_en TEXT NOT NULL DEFAULT '', category_en TEXT NOT NULL DEFAULT '', description_en TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS product_price (
  prod_id TEXT NOT NULL REFERENCES product, period_months INTEGER NOT NULL, price INTEGER NOT NULL,
  PRIMARY KEY (prod_id, period_months));
CREATE TABLE IF NOT EXISTS product_channel (
  prod_id TEXT NOT NULL REFERENCES product, seq INTEGER NOT NULL, channel_no TEXT NOT NULL, channel_name TEXT NOT NULL,
  hd INTEGER NOT NULL, channel_name_en TEXT NOT NULL DEFAULT '', PRIMARY KEY (prod_id, seq));
CREATE TABLE IF NOT EXISTS product_exclusion (
  prod_id TEXT NOT NULL REFERENCES product, excl_prod_id TEXT NOT NULL REFERENCES product,
  PRIMARY KEY (prod_id, excl_prod_id));
CREATE TABLE IF NOT EXISTS vod_title (
  vod_id TEXT PRIMARY KEY, title TEXT NOT NULL, price INTEGER NOT NULL, title_en TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS subscription (
  subs_id TEXT PRIMARY KEY, cust_id TEXT NOT NULL REFERENCES customer, prod_id TEXT NOT NULL REFERENCES product,
  eff_date TEXT NOT NULL, exp_date TEXT NOT NULL, subs_status TEXT NOT NULL, auto_renew TEXT NOT NULL,
  period_months INTEGER NOT NULL, price INTEGER NOT NULL, order_no TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS subscription_cust ON subscription (cust_id);
CREATE TABLE IF NOT EXISTS bill (
  bill_id TEXT PRIMARY KEY, cust_id TEXT NOT NULL REFERENCES customer, acct_id TEXT NOT NULL,
  bill_month TEXT NOT NULL, total_fee INTEGER NOT NULL, paid_fee INTEGER NOT NULL, bill_status TEXT NOT NULL,
  due_date TEXT NOT NULL, cycle_begin TEXT NOT NULL, cycle_end TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bill_cust ON bill (cust_id, bill_month);
CREATE TABLE IF NOT EXISTS bill_item (
  bill_id TEXT NOT NULL REFERENCES bill, seq INTEGER NOT NULL, item_type TEXT NOT NULL, item_code TEXT NOT NULL,
  item_name TEXT NOT NULL, fee INTEGER NOT NULL, item_name_en TEXT NOT NULL DEFAULT '', PRIMARY KEY (bill_id, seq));
CREATE TABLE IF NOT EXISTS payment (
  pay_id TEXT PRIMARY KEY, cust_id TEXT NOT NULL REFERENCES customer, acct_id TEXT NOT NULL,
  pay_channel TEXT NOT NULL, pay_fee INTEGER NOT NULL, pay_time TEXT NOT NULL, ref_no TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS payment_cust ON payment (cust_id, pay_time);
CREATE TABLE IF NOT EXISTS orders (
  order_no TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, cust_id TEXT NOT NULL REFERENCES customer,
  prod_id TEXT NOT NULL, period_months INTEGER NOT NULL, fee INTEGER NOT NULL, order_status TEXT NOT NULL,
  auto_renew TEXT NOT NULL, create_time TEXT NOT NULL, subs_id TEXT NOT NULL, eff_date TEXT NOT NULL,
  exp_date TEXT NOT NULL, chnl_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS charge (
  charge_id INTEGER PRIMARY KEY AUTOINCREMENT, acct_id TEXT NOT NULL, cust_id TEXT NOT NULL, fee INTEGER NOT NULL,
  reason TEXT NOT NULL, ref_no TEXT NOT NULL, charge_time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS prepaid_card (
  card_no TEXT PRIMARY KEY, password TEXT NOT NULL, face_value INTEGER NOT NULL, region_code TEXT NOT NULL,
  exp_date TEXT NOT NULL, card_status TEXT NOT NULL, used_by TEXT NOT NULL DEFAULT '', used_time TEXT NOT NULL DEFAULT '',
  scenario TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ticket (
  ticket_id TEXT PRIMARY KEY, cust_id TEXT NOT NULL REFERENCES customer, fault_code TEXT NOT NULL,
  fault_desc TEXT NOT NULL, ticket_status TEXT NOT NULL, create_time TEXT NOT NULL, update_time TEXT NOT NULL,
  slot_id TEXT NOT NULL DEFAULT '', rating TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS ticket_progress (
  ticket_id TEXT NOT NULL REFERENCES ticket, seq INTEGER NOT NULL, step_time TEXT NOT NULL, ticket_status TEXT NOT NULL,
  note TEXT NOT NULL, PRIMARY KEY (ticket_id, seq));
CREATE TABLE IF NOT EXISTS appointment_slot (
  slot_id TEXT PRIMARY KEY, region_code TEXT NOT NULL, slot_date TEXT NOT NULL, slot_period TEXT NOT NULL,
  capacity INTEGER NOT NULL, booked INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS card_recharge (
  serial TEXT PRIMARY KEY, cust_id TEXT NOT NULL REFERENCES customer, card_no TEXT NOT NULL UNIQUE REFERENCES prepaid_card,
  fee INTEGER NOT NULL, pay_id TEXT NOT NULL, create_time TEXT NOT NULL, chnl_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS qr_pay (
  pay_no TEXT PRIMARY KEY, serial TEXT NOT NULL UNIQUE, cust_id TEXT NOT NULL REFERENCES customer,
  amount INTEGER NOT NULL CHECK (amount > 0), pay_status TEXT NOT NULL, create_time TEXT NOT NULL, expire_time TEXT NOT NULL,
  finish_time TEXT NOT NULL DEFAULT '', pay_id TEXT NOT NULL DEFAULT '', chnl_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ticket_extra (
  ticket_id TEXT PRIMARY KEY REFERENCES ticket, serial TEXT NOT NULL UNIQUE, chnl_id TEXT NOT NULL,
  contact_phone TEXT NOT NULL, created_ms INTEGER NOT NULL, engineer TEXT NOT NULL, repeat_hits INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS complaint (
  cmpl_id TEXT PRIMARY KEY, serial TEXT NOT NULL UNIQUE, cust_id TEXT NOT NULL REFERENCES customer,
  cmpl_type TEXT NOT NULL, subject_code TEXT NOT NULL, subject TEXT NOT NULL, content TEXT NOT NULL,
  contact_phone TEXT NOT NULL, cmpl_status TEXT NOT NULL, create_time TEXT NOT NULL, related_id TEXT NOT NULL DEFAULT '',
  chnl_id TEXT NOT NULL, repeat_hits INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS complaint_cust ON complaint (cust_id, cmpl_type, subject_code);
CREATE TABLE IF NOT EXISTS spend_limit (
  cust_id TEXT PRIMARY KEY REFERENCES customer, month_limit INTEGER NOT NULL CHECK (month_limit >= 0));
-- STB provisioning: the key each box was given when it was provisioned (机顶盒入网). Outlives reseeds (not in
-- SEEDED_TABLES), so a box keeps its key; pairings with a smart card are customer.stb_id / card_no (机卡配对).
CREATE TABLE IF NOT EXISTS device (
  stb_id TEXT PRIMARY KEY, device_key TEXT NOT NULL, provisioned_time TEXT NOT NULL);
-- The viewer's read marks outlive reseeds (no foreign key, not in SEEDED_TABLES): MSG_IDs name events, not rows.
CREATE TABLE IF NOT EXISTS message_read (
  cust_id TEXT NOT NULL, msg_id TEXT NOT NULL, read_time TEXT NOT NULL, PRIMARY KEY (cust_id, msg_id));
-- Marketing consent (营销免打扰) and targeted promotions pushed by the operator's campaigns (MSG_PUSH). Both
-- outlive reseeds like read marks: consent is the viewer's word, a push is a message already delivered.
CREATE TABLE IF NOT EXISTS marketing_pref (
  cust_id TEXT PRIMARY KEY, offer_flag TEXT NOT NULL CHECK (offer_flag IN ('Y', 'N')), update_time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS promotion_push (
  push_seq INTEGER PRIMARY KEY AUTOINCREMENT, push_id TEXT NOT NULL UNIQUE, cust_id TEXT NOT NULL, prod_id TEXT NOT NULL,
  period_months INTEGER NOT NULL, push_time TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS promotion_push_cust ON promotion_push (cust_id, push_time);
`

/** Seeded tables in the order they can be emptied (children first). */
export const SEEDED_TABLES = [
  'spend_limit',
  'complaint',
  'ticket_extra',
  'ticket_progress',
  'ticket',
  'appointment_slot',
  'qr_pay',
  'card_recharge',
  'prepaid_card',
  'charge',
  'orders',
  'payment',
  'bill_item',
  'bill',
  'subscription',
  'account',
  'customer',
  'vod_title',
  'product_exclusion',
  'product_channel',
  'product_price',
  'product',
  'region',
  'meta',
] as const

/** Columns added after a table was first shipped: a database file from before gets them, then is reseeded. */
const ADDED_COLUMNS: Array<[table: string, column: string, declaration: string]> = [
  ['product', 'prod_name_en', "TEXT NOT NULL DEFAULT ''"],
  ['product', 'category_en', "TEXT NOT NULL DEFAULT ''"],
  ['product', 'description_en', "TEXT NOT NULL DEFAULT ''"],
  ['product_channel', 'channel_name_en', "TEXT NOT NULL DEFAULT ''"],
  ['vod_title', 'title_en', "TEXT NOT NULL DEFAULT ''"],
  ['bill_item', 'item_name_en', "TEXT NOT NULL DEFAULT ''"],
]

export function createSchema(db: DatabaseSync): void {
  db.exec(TABLES)
  for (const [table, column, declaration] of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`)
  }
}

export function readMeta(db: DatabaseSync, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value
}
