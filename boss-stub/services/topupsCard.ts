import type { DatabaseSync } from 'node:sqlite'
import { BossError } from '../protocol/codes.ts'
import { formatDate, formatTime } from '../protocol/time.ts'
import { inTransaction } from '../db/transaction.ts'
import { city } from '../db/catalogue.ts'
import { CUST_ID, required } from './params.ts'
import { findAccount, findCustomer } from './records.ts'
import { creditAccount, PAY_CHANNEL } from './topupCredit.ts'
import type { Service } from './types.ts'

export const CARD_NO = /^\d{16}$/
export const CARD_PWD = /^\d{6,8}$/
/** The caller's stable serial of one top-up, unique across the BOSS (like ORDER_NO). */
export const SERIAL = /^[A-Za-z0-9_-]{1,64}$/

type CardRow = {
  card_no: string
  password: string
  face_value: number
  region_code: string
  exp_date: string
  card_status: string
}
type RechargeRow = {
  serial: string
  cust_id: string
  card_no: string
  fee: number
  pay_id: string
  create_time: string
  chnl_id: string
}

/** `9100********0001`: the BOSS never answers a full prepaid card number. */
const maskCard = (no: string): string => `${no.slice(0, 4)}${'*'.repeat(no.length - 8)}${no.slice(-4)}`

function rechargeFields(db: DatabaseSync, r: RechargeRow): Record<string, string> {
  const a = findAccount(db, r.cust_id)
  return {
    SERIAL: r.serial,
    PAY_ID: r.pay_id,
    CUST_ID: r.cust_id,
    CARD_NO: maskCard(r.card_no),
    PAY_FEE: String(r.fee),
    PAY_TIME: r.create_time,
    BALANCE: String(a.balance),
    OWE_FEE: String(a.owe_fee),
    ACCT_STATUS: a.acct_status,
  }
}

const findRecharge = (db: DatabaseSync, serial: string) =>
  db.prepare('SELECT * FROM card_recharge WHERE serial = ?').get(serial) as RechargeRow | undefined

/**
 * Checks in this order, so nothing about a card is told to someone without its password:
 * 4001 unknown number or wrong password, 4002 used, 4003 expired, 4004 another region's card.
 */
function checkCard(card: CardRow | undefined, pwd: string, regionCode: string, today: string): CardRow {
  if (!card || card.password !== pwd) throw new BossError('4001')
  if (card.card_status !== 'unused') throw new BossError('4002')
  if (card.exp_date < today) throw new BossError('4003')
  if (card.region_code !== city.cityWideRegion.regionCode && card.region_code !== regionCode)
    throw new BossError('4004')
  return card
}

/**
 * CARD_RECHARGE: the card is marked used and its value credited in one transaction; the conditional
 * UPDATE and card_recharge's UNIQUE card_no make a second redemption impossible even from two callers at once.
 */
export const cardRecharge: Service = {
  code: 'CARD_RECHARGE',
  moneyMoving: true,
  handle(body, { db, now, chnlId }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const cardNo = required(body, 'CARD_NO', CARD_NO)
    const pwd = required(body, 'CARD_PWD', CARD_PWD)
    const serial = required(body, 'SERIAL', SERIAL)
    const cust = findCustomer(db, custId)
    return inTransaction(db, () => {
      const existing = findRecharge(db, serial)
      if (existing)
        throw new BossError('3002', '流水号已使用', existing.cust_id === custId ? rechargeFields(db, existing) : {})
      const card = checkCard(
        db.prepare('SELECT * FROM prepaid_card WHERE card_no = ?').get(cardNo) as CardRow | undefined,
        pwd,
        cust.region_code,
        formatDate(now),
      )
      const used = db
        .prepare(
          "UPDATE prepaid_card SET card_status = 'used', used_by = ?, used_time = ? WHERE card_no = ? AND card_status = 'unused'",
        )
        .run(custId, formatTime(now), cardNo)
      if (Number(used.changes) !== 1) throw new BossError('4002')
      const credit = creditAccount(db, {
        custId,
        amount: card.face_value,
        channel: PAY_CHANNEL.card,
        refNo: serial,
        now,
      })
      db.prepare('INSERT INTO card_recharge VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        serial,
        custId,
        cardNo,
        card.face_value,
        credit.payId,
        credit.payTime,
        chnlId,
      )
      return rechargeFields(db, findRecharge(db, serial)!)
    })
  },
}

/** CARD_RECHARGE_QRY: did my recharge happen? The answer after a timeout. */
export const cardRechargeQry: Service = {
  code: 'CARD_RECHARGE_QRY',
  moneyMoving: false,
  handle(body, { db }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const serial = required(body, 'SERIAL', SERIAL)
    findCustomer(db, custId)
    const r = findRecharge(db, serial)
    if (!r || r.cust_id !== custId) throw new BossError('2002', '充值记录不存在')
    return rechargeFields(db, r)
  },
}
