import type { DatabaseSync } from 'node:sqlite'
import { catalogue, city } from './catalogue.ts'
import { createSchema, SCHEMA_VERSION, SEEDED_TABLES } from './schema.ts'
import { createRng } from './seedRandom.ts'
import { demoHousehold, demoSpecs, randomHousehold, type Household } from './seedHouseholds.ts'
import { simulateHousehold } from './seedHistory.ts'
import { seedExtras } from './seedExtras.ts'
import { inTransaction } from './transaction.ts'

export type SeedOptions = {
  /** Beijing calendar day the history leads up to, yyyyMMdd. */
  today: string
  /** Total households, demo ones included. */
  households?: number
  seed?: number
}

export const DEFAULT_HOUSEHOLDS = 1200
/**
 * The operator's policy: every household starts with a monthly spending limit on package orders (¥500, above any
 * single package's yearly price, far below a child ordering everything), which the account holder changes or
 * removes behind the purchase PIN. Nobody has to know the setting exists for it to protect them.
 */
export const DEFAULT_MONTH_LIMIT_FEN = 50_000
export const DEFAULT_SEED = 20240601

/** Empties every table and writes the same data for the same options, every time. */
export function seedBoss(db: DatabaseSync, opts: SeedOptions): void {
  const rng = createRng(opts.seed ?? DEFAULT_SEED)
  const total = Math.max(opts.households ?? DEFAULT_HOUSEHOLDS, demoSpecs.length)
  createSchema(db)
  inTransaction(db, () => {
    for (const table of SEEDED_TABLES) db.exec(`DELETE FROM ${table}`)
    db.exec("DELETE FROM sqlite_sequence WHERE name = 'charge'")
    seedCatalogue(db)
    const taken = new Set<string>(demoSpecs.flatMap((d) => [d.stbId, d.cardNo, d.phone]))
    const households: Household[] = demoSpecs.map((spec, i) => demoHousehold(spec, i, opts.today, rng))
    for (let n = households.length + 1; n <= total; n++) households.push(randomHousehold(n, opts.today, rng, taken))
    for (const h of households) writeHousehold(db, h, opts.today, rng)
    seedExtras(db, households, opts.today, rng)
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
    meta.run('schema_version', SCHEMA_VERSION)
    meta.run('seed_today', opts.today)
    meta.run('seed', String(opts.seed ?? DEFAULT_SEED))
  })
}

function seedCatalogue(db: DatabaseSync): void {
  const region = db.prepare('INSERT INTO region VALUES (?, ?, ?)')
  for (const d of city.districts) region.run(d.regionCode, d.name, city.city)
  region.run(city.cityWideRegion.regionCode, city.cityWideRegion.name, city.city)
  region.run(city.otherRegion.regionCode, city.otherRegion.name, city.otherRegion.name)
  const product = db.prepare('INSERT INTO product VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const price = db.prepare('INSERT INTO product_price VALUES (?, ?, ?)')
  const channel = db.prepare('INSERT INTO product_channel VALUES (?, ?, ?, ?, ?, ?)')
  catalogue.products.forEach((p, i) => {
    product.run(
      p.prodId,
      p.name,
      p.type,
      p.category,
      p.description,
      p.orderable ? 1 : 0,
      i + 1,
      p.nameEn,
      p.categoryEn,
      p.descriptionEn,
    )
    for (const [months, fen] of Object.entries(p.prices)) price.run(p.prodId, Number(months), fen)
    p.channels.forEach((name, seq) => {
      const hd = p.hd === true || /高清|4K/.test(name) ? 1 : 0
      channel.run(p.prodId, seq + 1, String((i + 1) * 100 + seq + 1), name, hd, catalogue.channelNamesEn[name] ?? '')
    })
  })
  const excl = db.prepare('INSERT INTO product_exclusion VALUES (?, ?)')
  for (const [a, b] of catalogue.exclusions) {
    excl.run(a, b)
    excl.run(b, a)
  }
  const vod = db.prepare('INSERT INTO vod_title VALUES (?, ?, ?, ?)')
  for (const v of catalogue.vodTitles) vod.run(v.vodId, v.title, v.price, v.titleEn)
}

function writeHousehold(db: DatabaseSync, h: Household, today: string, rng: ReturnType<typeof createRng>): void {
  const history = simulateHousehold(h.plan, today, rng)
  db.prepare('INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    h.custId,
    h.custName,
    h.phone,
    h.address,
    h.regionCode,
    h.stbId,
    h.cardNo,
    h.plan.openDate,
    h.plan.elder ? 1 : 0,
    h.scenario,
    h.demoRank,
  )
  db.prepare('INSERT INTO account VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    h.acctId,
    h.custId,
    history.balance,
    history.oweFee,
    h.deposit,
    history.acctStatus,
    history.planStopDate,
    history.stopTime,
    h.pin,
  )
  db.prepare('INSERT INTO spend_limit VALUES (?, ?)').run(h.custId, DEFAULT_MONTH_LIMIT_FEN)
  const bill = db.prepare('INSERT INTO bill VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const item = db.prepare('INSERT INTO bill_item VALUES (?, ?, ?, ?, ?, ?, ?)')
  for (const b of history.bills) {
    bill.run(
      b.billId,
      h.custId,
      h.acctId,
      b.billMonth,
      b.totalFee,
      b.paidFee,
      b.status,
      b.dueDate,
      b.cycleBegin,
      b.cycleEnd,
    )
    b.items.forEach((it, seq) =>
      item.run(b.billId, seq + 1, it.itemType, it.itemCode, it.itemName, it.fee, it.itemNameEn),
    )
  }
  const pay = db.prepare('INSERT INTO payment VALUES (?, ?, ?, ?, ?, ?, ?)')
  for (const p of history.payments) pay.run(p.payId, h.custId, h.acctId, p.channel, p.fee, p.time, '')
  const subs = db.prepare('INSERT INTO subscription VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  for (const s of history.subscriptions) {
    subs.run(s.subsId, h.custId, s.prodId, s.effDate, s.expDate, s.status, s.autoRenew, s.periodMonths, s.price, '')
  }
}
