import { describe, expect, it } from 'vitest'
import type { TicketForm } from '../../../src/contract/index.ts'
import { TicketDraft } from '../../../src/app/lib/ticketDraft.ts'

const text = (zh: string) => ({ 'zh-CN': zh, en: zh })
const form: TicketForm = {
  categories: [
    { id: 'no-signal', title: text('无信号'), presets: [{ id: 'ns1', text: text('全部频道无信号') }] },
    {
      id: 'picture',
      title: text('马赛克'),
      presets: [
        { id: 'm1', text: text('个别频道') },
        { id: 'm2', text: text('全部频道') },
      ],
    },
  ],
  slots: [
    { slotId: 'S1', date: '2026-12-08', period: 'am', label: text('上午'), freeCount: 2 },
    { slotId: 'S2', date: '2026-12-08', period: 'pm', label: text('下午'), freeCount: 1 },
  ],
  contactPhoneMasked: '138****0000',
  bossAvailable: true,
}

describe('the fault report being filled in', () => {
  it('opens on the diagnosed category, its first description and the first free slot', () => {
    const d = new TicketDraft(form, 'picture')
    expect(d.request).toEqual({ category: 'picture', presetId: 'm1', slotId: 'S1' })
    expect([d.current('category'), d.current('preset'), d.current('slot')]).toEqual([1, 0, 0])
    expect(new TicketDraft(form, 'unknown').request).toMatchObject({ category: 'no-signal', presetId: 'ns1' })
  })

  it('marks the current value of each choice; a new category starts at its first description', () => {
    const d = new TicketDraft(form, 'picture')
    d.choose('preset', 1)
    d.choose('slot', 1)
    expect([d.current('preset'), d.current('slot')]).toEqual([1, 1])
    expect(d.request).toEqual({ category: 'picture', presetId: 'm2', slotId: 'S2' })
    d.choose('category', 0)
    expect(d.current('preset')).toBe(0)
    expect(d.request).toMatchObject({ category: 'no-signal', presetId: 'ns1' })
  })

  it('"no visit" is the last slot choice and sends no slot', () => {
    const d = new TicketDraft(form, 'picture')
    d.choose('slot', form.slots.length)
    expect(d.current('slot')).toBe(form.slots.length)
    expect(d.request).not.toHaveProperty('slotId')
  })

  it('sends the typed phone instead of the one on file; typing on a full number starts a new one', () => {
    const d = new TicketDraft(form, 'picture')
    expect(d.request).not.toHaveProperty('contactPhone')
    for (const digit of [1, 3, 9, 1, 2, 3, 4, 5, 6, 7, 8]) d.typePhone(digit)
    expect(d.request).toMatchObject({ contactPhone: '13912345678' })
    d.typePhone(1)
    expect(d.phone).toBe('1')
  })
})
