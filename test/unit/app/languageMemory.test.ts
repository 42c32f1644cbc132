import { describe, expect, it } from 'vitest'
import { searchWithLanguage, startLanguage } from '../../../src/app/lib/languageMemory.ts'

const isLanguage = (v: unknown): v is 'zh-CN' | 'en' => v === 'zh-CN' || v === 'en'

describe('the language remembered on the box', () => {
  it("starts in the launcher's language, else the viewer's remembered one, else the operator's default", () => {
    expect(startLanguage('en', 'zh-CN', 'zh-CN', isLanguage)).toBe('en')
    expect(startLanguage(null, 'en', 'zh-CN', isLanguage)).toBe('en')
    expect(startLanguage('klingon', 'en', 'zh-CN', isLanguage)).toBe('en')
    expect(startLanguage(null, null, 'en', isLanguage)).toBe('en')
    expect(startLanguage(null, 'fr', 'xx', isLanguage)).toBe('zh-CN')
  })

  it('writes the switch into the address a reload starts from, keeping the other parameters', () => {
    expect(searchWithLanguage('?deviceId=STB1&lang=zh-CN&inspector=1', 'en')).toBe('?deviceId=STB1&inspector=1&lang=en')
    expect(searchWithLanguage('', 'en')).toBe('?lang=en')
    expect(searchWithLanguage('?lang=en', 'zh-CN')).toBe('?lang=zh-CN')
  })
})
