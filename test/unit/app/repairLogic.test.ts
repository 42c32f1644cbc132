import { describe, expect, it } from 'vitest'
import { answerStep, offerRoute, skipAccount, startSteps, stepBack } from '../../../src/app/lib/repairSteps.ts'
import { codeDisplay, errorCodeOf, isMobile, phoneDisplay, typeDigit } from '../../../src/app/lib/digitEntry.ts'
import { readFileSync } from 'node:fs'
import { stepNote, ticketNumber, timelineSteps } from '../../../src/app/lib/ticketTimeline.ts'
import type { TKey } from '../../../src/app/lib/i18nKeys.ts'

const translations = JSON.parse(
  readFileSync(new URL('../../../static/translations.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, string>>
const tFor = (lang: 'zh-CN' | 'en') => (key: TKey) => translations[lang][key] ?? 'missing ' + key

const symptom = { steps: [{}, {}, {}] }

describe('self-help steps', () => {
  it('asks one check at a time and ends in a report after the last No', () => {
    let s = startSteps({ offer: 'checks', symptom })
    expect(s).toEqual({ phase: 'step', index: 0, total: 3 })
    s = answerStep(s, false)
    expect(s.index).toBe(1)
    s = answerStep(s, false)
    s = answerStep(s, false)
    expect(s.phase).toBe('report')
    expect(answerStep(s, true).phase).toBe('report')
  })

  it('ends fixed on Yes at any step', () => {
    const s = answerStep(answerStep(startSteps({ offer: 'checks', symptom }), false), true)
    expect(s).toMatchObject({ phase: 'fixed', index: 1 })
  })

  it('puts the account first when it explains the symptom, and Back walks up one level', () => {
    const s = startSteps({ offer: 'top-up', symptom })
    expect(s.phase).toBe('account')
    expect(answerStep(s, true)).toBe(s)
    const checking = skipAccount(s)
    expect(checking).toMatchObject({ phase: 'step', index: 0 })
    expect(stepBack(answerStep(checking, false), true)).toMatchObject({ phase: 'step', index: 0 })
    expect(stepBack(checking, true)).toMatchObject({ phase: 'account' })
    expect(stepBack(checking, false)).toBeNull()
    expect(offerRoute('top-up')).toBe('topup')
    expect(offerRoute('renew')).toBe('packages')
    expect(offerRoute('checks')).toBeNull()
  })
})

describe('digits from the remote', () => {
  it('takes three digits for an E-code and shows the blanks', () => {
    let d = ''
    for (const k of ['1', '0', 'x', '2', '9']) d = typeDigit(d, k, 3)
    expect(d).toBe('102')
    expect(errorCodeOf(d)).toBe('E102')
    expect(errorCodeOf('10')).toBeNull()
    expect(codeDisplay('1')).toBe('E1__')
    expect(typeDigit(d, 'delete', 3)).toBe('10')
    expect(typeDigit('', 'delete', 3)).toBe('')
  })

  it('checks a mobile number and groups it for reading', () => {
    expect(isMobile('13912345678')).toBe(true)
    expect(isMobile('12912345678')).toBe(false)
    expect(isMobile('1391234567')).toBe(false)
    expect(phoneDisplay('13912345678')).toBe('139 1234 5678')
    expect(phoneDisplay('1391')).toBe('139 1')
  })
})

describe('ticket timeline', () => {
  const ev = (status: string, at: string, note = '') => ({ status, at, note }) as never
  it('marks reached steps done with their times and the current one, the rest ahead', () => {
    const steps = timelineSteps({
      status: 'on-site',
      createdAt: '2025-01-01T10:00:00+08:00',
      timeline: [ev('acknowledged', 'a1'), ev('dispatched', 'a2', '派单'), ev('on-site', 'a3', '已到达')],
    })
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'ahead', 'ahead'])
    expect(steps[1]).toEqual({ status: 'dispatched', state: 'done', at: 'a2', note: '派单' })
    expect(steps[2].note).toBe('已到达')
  })

  it('a closed ticket is all done; a cancelled one ends at the cancel; a pending one waits for the BOSS', () => {
    const closed = timelineSteps({
      status: 'closed',
      createdAt: 'c',
      timeline: [ev('acknowledged', 'a1'), ev('resolved', 'a4'), ev('closed', 'a5')],
    })
    expect(closed.every((s) => s.state === 'done')).toBe(true)
    const cancelled = timelineSteps({
      status: 'cancelled',
      createdAt: 'c',
      timeline: [ev('acknowledged', 'a1'), ev('cancelled', 'a2', '用户取消')],
    })
    expect(cancelled.map((s) => s.status)).toEqual(['acknowledged', 'cancelled'])
    expect(cancelled[1]).toMatchObject({ state: 'current', at: 'a2', note: '用户取消' })
    const pending = timelineSteps({ status: 'pending', createdAt: 'c', timeline: [] })
    expect(pending[0]).toMatchObject({ status: 'pending', state: 'current', at: 'c' })
    expect(pending.slice(1).every((s) => s.state === 'ahead')).toBe(true)
    expect(ticketNumber({ ticketId: null, reference: 'RT1' })).toBe('RT1')
    expect(ticketNumber({ ticketId: 'T1', reference: 'RT1' })).toBe('T1')
  })

  it("says in English what each reached step means, since the BOSS's notes are Chinese free text", () => {
    const steps = timelineSteps({
      status: 'dispatched',
      createdAt: 'c',
      timeline: [ev('acknowledged', 'a1', '您的报修已受理'), ev('dispatched', 'a2')],
    })
    const en = steps.map((s) => stepNote(s, 'en', tFor('en')))
    expect(en.slice(0, 2).every((n) => n.length > 0 && !/[\u3400-\u9fff]/.test(n) && !n.startsWith('missing'))).toBe(
      true,
    )
    expect(en.slice(2)).toEqual(['', '', ''])
    // Chinese keeps the BOSS's own words, and says what the step means where the BOSS gave none.
    expect(stepNote(steps[0], 'zh-CN', tFor('zh-CN'))).toBe('您的报修已受理')
    expect(stepNote(steps[1], 'zh-CN', tFor('zh-CN'))).toBe(translations['zh-CN']['tickets.stepNote.dispatched'])
  })
})
