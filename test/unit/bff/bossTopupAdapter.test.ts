import { describe, expect, it } from 'vitest'
import { bossTopupAdapter } from '../../../src/bff/boss/bossTopupAdapter.ts'
import {
  BossBusinessError,
  BossProtocolError,
  BossTimeoutError,
  BossUnavailableError,
} from '../../../src/bff/boss/bossErrors.ts'
import type { BossAnswer, BossBody } from '../../../src/bff/boss/bossClient.ts'

/** A scripted BOSS: each service answers from its own queue (a value, or an error to throw). */
function fakeBoss(script: Record<string, Array<BossAnswer | Error>>) {
  const calls: Array<{ svc: string; body: BossBody }> = []
  return {
    calls,
    async call(svc: string, body: BossBody): Promise<BossAnswer> {
      calls.push({ svc, body })
      const next = script[svc]?.shift()
      if (!next) throw new Error(`unexpected call ${svc}`)
      if (next instanceof Error) throw next
      return next
    },
  }
}

const now = () => new Date('2026-11-22T12:00:00Z') // 20:00 in Beijing
const recharge = {
  SERIAL: 'TC1',
  PAY_ID: 'PT1',
  CUST_ID: 'C00000001',
  CARD_NO: '9100********0001',
  PAY_FEE: '10000',
  PAY_TIME: '20261122200000',
  BALANCE: '18650',
  OWE_FEE: '0',
  ACCT_STATUS: '1',
}
const qr = {
  PAY_NO: 'QP1',
  SERIAL: 'TQ1',
  CUST_ID: 'C00000001',
  AMOUNT: '5000',
  PAY_STATUS: '0',
  QR_URL: 'http://10.0.0.2:8090/pay/QP1',
  CREATE_TIME: '20261122200000',
  EXPIRE_TIME: '20261122200500',
  FINISH_TIME: '',
  PAY_ID: '',
  BALANCE: '0',
  OWE_FEE: '2000',
  ACCT_STATUS: '2',
}
const card = { cardNo: '9100000000000001', password: '12345678' }

describe('bossTopupAdapter', () => {
  it('maps a card top-up, sending the serial and the password only to CARD_RECHARGE', async () => {
    const boss = fakeBoss({ CARD_RECHARGE: [recharge] })
    const out = await bossTopupAdapter(boss, now).rechargeCard('C00000001', 'TC1', card)
    expect(out).toEqual({
      ok: true,
      topup: {
        topupId: 'TC1',
        method: 'card',
        status: 'succeeded',
        amountFen: 10000,
        createdAt: '2026-11-22T20:00:00+08:00',
        completedAt: '2026-11-22T20:00:00+08:00',
        cardNoMasked: '9100********0001',
        qr: null,
        account: { balanceFen: 18650, arrearsFen: 0, status: 'normal' },
      },
    })
    expect(boss.calls[0].body).toEqual({
      CUST_ID: 'C00000001',
      SERIAL: 'TC1',
      CARD_NO: card.cardNo,
      CARD_PWD: card.password,
    })
  })

  it.each([
    ['4001', 'wrong'],
    ['4002', 'used'],
    ['4003', 'expired'],
    ['4004', 'notAllowed'],
  ])('turns %s into the refusal %s', async (code, refusal) => {
    const boss = fakeBoss({ CARD_RECHARGE: [new BossBusinessError(code, '', {})] })
    expect(await bossTopupAdapter(boss, now).rechargeCard('C00000001', 'TC1', card)).toEqual({ ok: false, refusal })
  })

  it('takes a 3002 with the existing record as the answer (the serial was used by an earlier attempt)', async () => {
    const boss = fakeBoss({ CARD_RECHARGE: [new BossBusinessError('3002', '', recharge)] })
    const out = await bossTopupAdapter(boss, now).rechargeCard('C00000001', 'TC1', card)
    expect(out.ok && out.topup.amountFen).toBe(10000)
  })

  it('after a timeout asks by serial instead of calling again, and answers what the BOSS did', async () => {
    const boss = fakeBoss({ CARD_RECHARGE: [new BossTimeoutError('late')], CARD_RECHARGE_QRY: [recharge] })
    const out = await bossTopupAdapter(boss, now).rechargeCard('C00000001', 'TC1', card)
    expect(out.ok).toBe(true)
    expect(boss.calls.map((c) => c.svc)).toEqual(['CARD_RECHARGE', 'CARD_RECHARGE_QRY'])
    expect(boss.calls[1].body).toEqual({ CUST_ID: 'C00000001', SERIAL: 'TC1' })
  })

  it('after a timeout with nothing found, or a failing query, gives up with the first error and no second attempt', async () => {
    const notFound = fakeBoss({
      CARD_RECHARGE: [new BossTimeoutError('late')],
      CARD_RECHARGE_QRY: [new BossBusinessError('2002', '', {})],
    })
    await expect(bossTopupAdapter(notFound, now).rechargeCard('C00000001', 'TC1', card)).rejects.toBeInstanceOf(
      BossTimeoutError,
    )
    const down = fakeBoss({
      QR_PAY_CREATE: [new BossUnavailableError('reset')],
      QR_PAY_QRY: [new BossUnavailableError('down')],
    })
    await expect(bossTopupAdapter(down, now).createQr('C00000001', 'TQ1', 5000, 300)).rejects.toThrow('reset')
    expect(down.calls.map((c) => c.svc)).toEqual(['QR_PAY_CREATE', 'QR_PAY_QRY'])
  })

  it('maps a waiting QR payment with its countdown, and a paid one with the account', async () => {
    const boss = fakeBoss({
      QR_PAY_CREATE: [qr],
      QR_PAY_QRY: [
        { ...qr, PAY_STATUS: '1', FINISH_TIME: '20261122200130', BALANCE: '3000', OWE_FEE: '0', ACCT_STATUS: '1' },
      ],
    })
    const adapter = bossTopupAdapter(boss, now)
    const pending = await adapter.createQr('C00000001', 'TQ1', 5000, 300)
    expect(pending).toMatchObject({
      status: 'pending',
      account: null,
      completedAt: null,
      qr: { payUrl: qr.QR_URL, expiresInSeconds: 300, expiresAt: '2026-11-22T20:05:00+08:00' },
    })
    expect(boss.calls[0].body).toEqual({ CUST_ID: 'C00000001', SERIAL: 'TQ1', AMOUNT: '5000', EXPIRE_SECONDS: '300' })
    const paid = await adapter.find('C00000001', 'TQ1')
    expect(paid).toMatchObject({
      status: 'succeeded',
      qr: null,
      completedAt: '2026-11-22T20:01:30+08:00',
      account: { balanceFen: 3000, arrearsFen: 0, status: 'normal' },
    })
  })

  it('finds nothing for ids of no known kind or unknown to the BOSS, and refuses unknown statuses', async () => {
    const boss = fakeBoss({ QR_PAY_QRY: [new BossBusinessError('2002', '', {}), { ...qr, PAY_STATUS: '9' }] })
    const adapter = bossTopupAdapter(boss, now)
    expect(await adapter.find('C00000001', 'XX123')).toBeNull()
    expect(await adapter.find('C00000001', 'TQ1')).toBeNull()
    await expect(adapter.find('C00000001', 'TQ1')).rejects.toBeInstanceOf(BossProtocolError)
    expect(boss.calls.length).toBe(2)
  })
})
