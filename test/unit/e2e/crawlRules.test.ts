import { describe, expect, it } from 'vitest'
import { firstFocusRisk, hintMismatches, stepShown, type Key, type Snapshot } from '../../e2e/crawl.ts'
import { NO_OK, RISKY_REFS } from '../../e2e/risky.ts'
import { TRANSACTIONS } from '../../e2e/transactions.ts'

// The remote crawler's issue-17 rules on hand-made screens: each rule is shown catching what it exists for
// (the screens the old app opened on) and letting the fixed ones pass.

function screen(
  route: string,
  focus: { ref: string; path?: string } | null,
  texts: { text: string; ref?: string; x1?: number; y1?: number }[] = [],
): Snapshot {
  const focused = focus
    ? {
        ref: focus.ref,
        path: focus.path ?? `Pages/${focus.ref}`,
        visible: true,
        scale: 1.08,
        x1: 100,
        y1: 100,
        x2: 500,
        y2: 184,
      }
    : null
  return {
    route,
    loading: 0,
    dialog: '',
    language: 'zh-CN',
    hints: [],
    scan: {
      focused,
      texts: texts.map((t) => ({
        size: 34,
        x1: t.x1 ?? 120,
        y1: t.y1 ?? 120,
        x2: (t.x1 ?? 120) + 100,
        y2: (t.y1 ?? 120) + 40,
        text: t.text,
        ref: t.ref,
      })),
    },
  }
}

describe('first focus is never a risky item', () => {
  it('catches the screens the old app opened on: 取消工单, 不限, 解决了', () => {
    expect(firstFocusRisk(screen('repair/tickets/:ticketId', { ref: 'CancelTicketButton' }))).toMatch(
      /CancelTicketButton/,
    )
    expect(firstFocusRisk(screen('spending-limit', { ref: 'Limit_none' }))).toMatch(/Limit_none/)
    expect(firstFocusRisk(screen('repair/symptom/:symptomId', { ref: 'YesButton' }))).toMatch(/YesButton/)
  })

  it('catches a risky label under a ref the list does not know, in either language', () => {
    expect(firstFocusRisk(screen('x', { ref: 'NewButton' }, [{ text: '取消工单', ref: 'Label' }]))).toMatch(/取消工单/)
    expect(firstFocusRisk(screen('x', { ref: 'NewRow' }, [{ text: 'No limit', ref: 'Label' }]))).toMatch(/No limit/)
  })

  it('lets safe first focus pass: Back, the current limit, 没解决, the order confirmation on Cancel', () => {
    expect(firstFocusRisk(screen('repair/tickets/:ticketId', { ref: 'BackButton' }, [{ text: '返回' }]))).toBe('')
    expect(firstFocusRisk(screen('spending-limit', { ref: 'Limit_50000' }, [{ text: '¥500.00' }]))).toBe('')
    expect(firstFocusRisk(screen('repair/symptom/:symptomId', { ref: 'NoButton' }, [{ text: '没解决' }]))).toBe('')
    expect(firstFocusRisk(screen('order/:productId/:periodMonths', { ref: 'CancelButton' }, [{ text: '取消' }]))).toBe(
      '',
    )
  })

  it('reads only the words inside the focused item: a risky choice beside it is not the focus', () => {
    expect(firstFocusRisk(screen('x', { ref: 'BackButton' }, [{ text: '返回' }, { text: '取消工单', x1: 700 }]))).toBe(
      '',
    )
  })

  it('the crawler never presses OK on a risky item', () => {
    for (const ref of RISKY_REFS) expect(NO_OK.test(ref), ref).toBe(true)
  })
})

describe('the hint bar names exactly the keys that act', () => {
  const acted = (...keys: Key[]) => new Set<Key>(keys)

  it('passes when every named key acts and nothing else does', () => {
    expect(hintMismatches(['updown', 'ok', 'back'], acted('down', 'ok'))).toEqual([])
    expect(
      hintMismatches(['arrows', 'ok', 'digits', 'red', 'back'], acted('right', 'down', 'ok', 'digit', 'red')),
    ).toEqual([])
  })

  it('catches the old catalogue hint: Left/Right named while Up/Down switch categories', () => {
    const found = hintMismatches(['leftright', 'ok', 'back'], acted('down', 'ok'))
    expect(found).toContain('the hint names leftright but left/right do nothing')
    expect(found).toContain('down act but the hint does not name updown')
  })

  it('catches a key that acts unnamed (digits open tiles, the hint does not say so) and a named one that does nothing', () => {
    expect(hintMismatches(['arrows', 'ok', 'back'], acted('right', 'down', 'ok', 'digit'))).toEqual([
      'digit act but the hint does not name digits',
    ])
    expect(hintMismatches(['updown', 'ok', 'back'], acted('down'))).toEqual(['the hint names ok but ok do nothing'])
  })
})

describe('Back after a finished transaction never shows a step of it', () => {
  it('sees a step by its route', () => {
    expect(stepShown(screen('order/:productId/:periodMonths', { ref: 'CancelButton' }), TRANSACTIONS.order)).toBe(
      'order/:productId/:periodMonths',
    )
    expect(stepShown(screen('repair/report/:category', { ref: 'SubmitButton' }), TRANSACTIONS.ticket)).toBe(
      'repair/report/:category',
    )
  })

  it('sees a step inside one route: the complaint subjects, the stars of a rated ticket', () => {
    expect(
      stepShown(
        screen('repair/complaint', { ref: 'SubjectRow0', path: 'Pages/SubjectList/SubjectRow0' }),
        TRANSACTIONS.complaint,
      ),
    ).toBe('repair/complaint')
    expect(
      stepShown(
        screen('repair', { ref: 'SubjectRow0', path: 'Pages/SubjectList/SubjectRow0' }),
        TRANSACTIONS.complaint,
      ),
    ).toMatch(/SubjectRow0/)
    expect(stepShown(screen('repair/tickets/:ticketId', { ref: 'Rating' }), TRANSACTIONS.rating)).toMatch(/Rating/)
    expect(
      stepShown(
        screen('packages', { ref: 'Product_P_HD' }, [{ text: '请输入订购密码', ref: 'PinTitle' }]),
        TRANSACTIONS.order,
      ),
    ).toMatch(/PinTitle/)
  })

  it('lets the hubs and home pass', () => {
    expect(stepShown(screen('packages', { ref: 'Product_P_HD' }), TRANSACTIONS.order)).toBe('')
    expect(
      stepShown(screen('repair', { ref: 'ComplaintRow', path: 'Pages/Rows/ComplaintRow' }), TRANSACTIONS.complaint),
    ).toBe('')
    expect(stepShown(screen('repair/tickets/:ticketId', { ref: 'BackButton' }), TRANSACTIONS.rating)).toBe('')
    expect(stepShown(screen('home', { ref: 'BalanceTile' }), TRANSACTIONS.cardTopup)).toBe('')
  })
})
