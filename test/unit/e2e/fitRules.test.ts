import { describe, expect, it } from 'vitest'
import { fitProblems, type ScannedText, type Snapshot } from '../../e2e/crawl.ts'

// Issue 16's text rules on hand-made screens: each catches what it exists for (the labels the old app cut
// with "..", the half-Chinese English screens, the notice whose lines ran into each other) and lets a
// screen that fits pass.

function text(t: Partial<ScannedText> & { text: string }, x1 = 120, y1 = 120): ScannedText {
  const box = { x1, y1, x2: x1 + 300, y2: y1 + 50 }
  return { size: 34, ink: { x1, y1: y1 + 8, x2: x1 + 300, y2: y1 + 44 }, ...box, ...t }
}

function screen(language: string, texts: ScannedText[]): Snapshot {
  return { route: 'x', loading: 0, dialog: '', language, hints: [], scan: { focused: null, texts } }
}

const kinds = (s: Snapshot, own: string[] = []) => fitProblems(s, own).map(([k]) => k)

describe('text that fits', () => {
  it('lets a screen pass whose texts fit, stand apart and are English in English', () => {
    const s = screen('en', [
      text({ text: 'My subscriptions', lines: 1, lineHeight: 40 }),
      text({ text: 'Spending limit', lines: 2, lineHeight: 44 }, 120, 200),
      text({ text: '¥30.00 / month' }, 600, 120),
    ])
    expect(fitProblems(s, [])).toEqual([])
  })

  it('catches a label Lightning cut with "..", and one clipped by its list', () => {
    const s = screen('en', [
      text({ text: 'My subscriptions', cut: true }),
      text({ text: 'CCTV-5', clipped: 'by a clipping parent or the screen (bottom)' }, 120, 900),
    ])
    expect(kinds(s)).toEqual(['text-cut', 'text-clipped'])
  })

  it('catches two texts drawn over each other, but not two that only touch', () => {
    const over = screen('zh-CN', [text({ text: '账户已停机' }), text({ text: '请缴清欠费' }, 200, 140)])
    expect(kinds(over)).toEqual(['text-overlap'])
    const touching = screen('zh-CN', [text({ text: '账户已停机' }), text({ text: '请缴清欠费' }, 120, 158)])
    expect(kinds(touching)).toEqual([])
  })

  it('catches the lines of one text that touch (line height at the font size)', () => {
    expect(kinds(screen('zh-CN', [text({ text: '长的说明', lines: 3, lineHeight: 34 })]))).toEqual(['text-lines-touch'])
    expect(kinds(screen('zh-CN', [text({ text: '一行', lines: 1, lineHeight: 34 })]))).toEqual([])
  })

  it('in English, catches any Chinese but the household’s own name and address', () => {
    const s = screen('en', [
      text({ text: 'Sports Pack 体育' }),
      text({ text: 'Household 张三' }, 120, 300),
      text({ text: '南京市玄武区1号' }, 120, 400),
      text({ text: 'Pay now：' }, 120, 500),
    ])
    expect(fitProblems(s, ['张三', '南京市玄武区1号'])).toEqual([
      ['chinese-in-english', '"Sports Pack 体育" (?)'],
      ['chinese-in-english', '"Pay now：" (?)'],
    ])
    // The same words in Chinese mode are what the viewer chose.
    expect(kinds(screen('zh-CN', s.scan.texts))).toEqual([])
  })
})
