import { BossError } from '../protocol/codes.ts'
import { formatDate } from '../protocol/time.ts'
import { CUST_ID, required } from './params.ts'
import { findCustomer } from './records.ts'
import { effectiveStatus, type SubscriptionRow } from './subscriptions.ts'
import type { Service } from './types.ts'

const SUBS_ID = /^S\d{8,12}$/

/**
 * SUBS_RENEW_MOD: switch a subscription's auto-renewal. Off: it ends on its EXP_DATE (a monthly package at
 * the end of this month) and no longer counts in the next deduction. On is refused for fixed-period ones (3003):
 * that is a new order. Ended subscriptions and the maintenance fee (P_BASIC) answer 3003 too; another household's SUBS_ID is 2002.
 */
export const subsRenewMod: Service = {
  code: 'SUBS_RENEW_MOD',
  moneyMoving: false,
  handle(body, { db, now }) {
    const custId = required(body, 'CUST_ID', CUST_ID)
    const subsId = required(body, 'SUBS_ID', SUBS_ID)
    const autoRenew = required(body, 'AUTO_RENEW', /^[YN]$/)
    findCustomer(db, custId)
    const s = db.prepare('SELECT * FROM subscription WHERE subs_id = ?').get(subsId) as SubscriptionRow | undefined
    if (!s || s.cust_id !== custId) throw new BossError('2002', '订购关系不存在')
    const today = formatDate(now)
    if (effectiveStatus(s, today) === '3') throw new BossError('3003', '订购已结束')
    const { prod_type: type } = db.prepare('SELECT prod_type FROM product WHERE prod_id = ?').get(s.prod_id) as {
      prod_type: string
    }
    if (type !== 'PKG') throw new BossError('3003', '基本收视维护费不可退订')
    if (autoRenew === 'Y' && s.auto_renew === 'N') throw new BossError('3003', '固定周期订购请续订，不能改为自动续订')
    db.prepare('UPDATE subscription SET auto_renew = ? WHERE subs_id = ?').run(autoRenew, subsId)
    return { SUBS_ID: subsId, PROD_ID: s.prod_id, AUTO_RENEW: autoRenew, EFF_DATE: s.eff_date, EXP_DATE: s.exp_date }
  },
}
