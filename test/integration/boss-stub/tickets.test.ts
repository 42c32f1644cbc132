import { describe, expect, it } from 'vitest'
import { admin, call } from './bossClient.ts'
import { useTempStub } from './tempStub.ts'

// 1800: a ticket moves one state per second.
const SPEED = 1800
const stub = useTempStub({ ticketSpeed: SPEED })

const C = 'C00000004'
const ticket = (over: Record<string, string> = {}) => ({
  CUST_ID: C,
  SERIAL: '',
  FAULT_CODE: 'F01',
  FAULT_DESC: '所有频道都没有信号',
  ...over,
})
type Counts = {
  tickets: { count: number; serials: number; repeatedSerials: number }
  complaints: { count: number; repeatedSerials: number }
}

describe('SLOT_QRY / TICKET_* services', () => {
  it('answers a repeated SERIAL with the same ticket and books its slot once', async () => {
    const slots = (await call(stub.url, 'SLOT_QRY', { CUST_ID: C })).BODY.SLOT_LIST as Array<Record<string, string>>
    expect(slots.length).toBeGreaterThan(0)
    const slot = slots[0]
    const first = await call(
      stub.url,
      'TICKET_CREATE',
      ticket({ SERIAL: 'RTSTUBONE1', SLOT_ID: slot.SLOT_ID, CONTACT_PHONE: '13900001111' }),
    )
    const again = await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBONE1', SLOT_ID: slot.SLOT_ID }))
    expect(first.HEAD.RSP_CODE).toBe('0000')
    expect(again.HEAD.RSP_CODE).toBe('0000')
    expect(again.BODY.TICKET_ID).toBe(first.BODY.TICKET_ID)
    expect(first.BODY).toMatchObject({
      TICKET_STATUS: '1',
      SERIAL: 'RTSTUBONE1',
      CONTACT_PHONE: '13900001111',
      SLOT_DATE: slot.SLOT_DATE,
    })
    const after = (await call(stub.url, 'SLOT_QRY', { CUST_ID: C })).BODY.SLOT_LIST as Array<Record<string, string>>
    const left = after.find((s) => s.SLOT_ID === slot.SLOT_ID)
    expect(Number(left?.FREE_NUM ?? 0)).toBe(Number(slot.FREE_NUM) - 1)
    const counts = await admin<Counts>(stub.url, `/admin/tickets?customerId=${C}`)
    expect(counts.tickets).toEqual({ count: 1, serials: 1, repeatedSerials: 1 })
  })

  it('refuses a slot of another area or a made-up one with 5001, and another customer sees 2002', async () => {
    const other = (await call(stub.url, 'SLOT_QRY', { CUST_ID: 'C00000001' })).BODY
    expect(
      (await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBTWO', SLOT_ID: other.SLOT_LIST[0].SLOT_ID }))).HEAD
        .RSP_CODE,
    ).toBe('5001')
    expect(
      (await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBTWO', SLOT_ID: 'SL19990101320102AM' }))).HEAD
        .RSP_CODE,
    ).toBe('5001')
    expect(
      (await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBTWO', FAULT_CODE: 'F55' }))).HEAD.RSP_CODE,
    ).toBe('1002')
    expect((await call(stub.url, 'TICKET_QRY', { CUST_ID: 'C00000001', SERIAL: 'RTSTUBONE1' })).HEAD.RSP_CODE).toBe(
      '2002',
    )
    const counts = await admin<Counts>(stub.url, `/admin/tickets?customerId=${C}`)
    expect(counts.tickets.count).toBe(1)
  })

  it('moves a ticket on by itself at ticketSpeed, then rating closes it; cancel only while open', async () => {
    const made = await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBMOVE' }))
    const id = made.BODY.TICKET_ID as string
    const cancelMe = await call(stub.url, 'TICKET_CREATE', ticket({ SERIAL: 'RTSTUBCANCEL' }))
    const cancelled = await call(stub.url, 'TICKET_CANCEL', { CUST_ID: C, TICKET_ID: cancelMe.BODY.TICKET_ID })
    expect(cancelled.BODY.TICKET_STATUS).toBe('6')
    expect((await call(stub.url, 'TICKET_RATE', { CUST_ID: C, TICKET_ID: id, RATING: '5' })).HEAD.RSP_CODE).toBe('5002')
    await new Promise((r) => setTimeout(r, 3300))
    const q = await call(stub.url, 'TICKET_QRY', { CUST_ID: C, TICKET_ID: id })
    expect(q.BODY.TICKET_STATUS).toBe('4')
    expect(q.BODY.PROGRESS_LIST.map((p: Record<string, string>) => p.TICKET_STATUS)).toEqual(['1', '2', '3', '4'])
    expect((await call(stub.url, 'TICKET_CANCEL', { CUST_ID: C, TICKET_ID: id })).HEAD.RSP_CODE).toBe('5002')
    const rated = await call(stub.url, 'TICKET_RATE', { CUST_ID: C, TICKET_ID: id, RATING: '4' })
    expect(rated.BODY).toMatchObject({ TICKET_STATUS: '5', RATING: '4' })
    const list = (await call(stub.url, 'TICKET_LIST_QRY', { CUST_ID: C })).BODY.TICKET_LIST as Array<
      Record<string, string>
    >
    expect(list.map((t) => t.SERIAL).sort()).toEqual(['RTSTUBCANCEL', 'RTSTUBMOVE', 'RTSTUBONE1'])
  })
})

describe('COMPLAINT_* and CUST_INFO_QRY', () => {
  it('links a repeat complaint about the same subject to the open earlier one', async () => {
    const base = { CUST_ID: C, CMPL_TYPE: '03', SUBJECT_CODE: 'wrong-charge', SUBJECT: '账单有不明扣费' }
    const first = await call(stub.url, 'COMPLAINT_CREATE', { ...base, SERIAL: 'RCSTUB1', CONTENT: '三月多扣了10元' })
    const second = await call(stub.url, 'COMPLAINT_CREATE', { ...base, SERIAL: 'RCSTUB2' })
    const otherSubject = await call(stub.url, 'COMPLAINT_CREATE', {
      ...base,
      SUBJECT_CODE: 'not-cancelled',
      SERIAL: 'RCSTUB3',
    })
    const repeatSerial = await call(stub.url, 'COMPLAINT_CREATE', { ...base, SERIAL: 'RCSTUB2' })
    expect(first.BODY).toMatchObject({ REPEAT_FLAG: 'N', RELATED_ID: '', CONTENT: '三月多扣了10元' })
    expect(second.BODY).toMatchObject({ REPEAT_FLAG: 'Y', RELATED_ID: first.BODY.CMPL_ID })
    expect(otherSubject.BODY.REPEAT_FLAG).toBe('N')
    expect(repeatSerial.BODY.CMPL_ID).toBe(second.BODY.CMPL_ID)
    const list = (await call(stub.url, 'COMPLAINT_LIST_QRY', { CUST_ID: C, CMPL_TYPE: '03' })).BODY.CMPL_LIST
    expect(list).toHaveLength(3)
    expect((await call(stub.url, 'COMPLAINT_QRY', { CUST_ID: 'C00000001', SERIAL: 'RCSTUB1' })).HEAD.RSP_CODE).toBe(
      '2002',
    )
    const counts = await admin<Counts>(stub.url, `/admin/tickets?customerId=${C}`)
    expect(counts.complaints).toMatchObject({ count: 3, repeatedSerials: 1 })
  })

  it('tells the contact phone on file', async () => {
    const info = await call(stub.url, 'CUST_INFO_QRY', { CUST_ID: 'C00000001' })
    expect(info.BODY).toMatchObject({ CUST_ID: 'C00000001', PHONE: '13913800001' })
  })
})
