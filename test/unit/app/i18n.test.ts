import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { KEYS, LANGUAGES, errorMessageKey } from '../../../src/app/lib/i18nKeys.ts'

const translations = JSON.parse(
  readFileSync(new URL('../../../static/translations.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, string>>
const placeholders = (s: string) => (s.match(/\{\s?\w+\s?\}/g) || []).map((p) => p.replace(/\s/g, '')).sort()

describe('translations', () => {
  for (const lang of LANGUAGES) {
    it(`${lang} defines exactly the keys the app uses`, () => {
      expect(Object.keys(translations[lang]).sort()).toEqual([...KEYS].sort())
      for (const key of KEYS) expect(translations[lang][key].trim()).not.toBe('')
    })
  }

  it('uses the same placeholders in every language', () => {
    for (const key of KEYS) {
      expect(placeholders(translations.en[key]), key).toEqual(placeholders(translations['zh-CN'][key]))
    }
  })

  it('defaults to Chinese', () => {
    expect((translations.meta as unknown as { default: string }).default).toBe('zh-CN')
  })

  it('has a plain-words message per error code and a fallback', () => {
    expect(errorMessageKey('BOSS_UNAVAILABLE')).toBe('error.BOSS_UNAVAILABLE')
    expect(errorMessageKey('BOSS_TIMEOUT')).toBe('error.BOSS_TIMEOUT')
    expect(errorMessageKey('NETWORK')).toBe('error.NETWORK')
    expect(errorMessageKey('INTERNAL')).toBe('error.default')
    expect(errorMessageKey(undefined)).toBe('error.default')
  })
})

describe('language switch', () => {
  it('offers what settings list, Chinese when nothing valid is listed', async () => {
    const { offeredLanguages } = await import('../../../src/app/lib/i18nKeys.ts')
    expect(offeredLanguages(['zh-CN', 'en'])).toEqual(['zh-CN', 'en'])
    expect(offeredLanguages(['fr', 'en'])).toEqual(['en'])
    expect(offeredLanguages(undefined)).toEqual(['zh-CN'])
  })

  it('cycles through the offered languages, and does nothing with only one', async () => {
    const { languageAfter } = await import('../../../src/app/lib/i18nKeys.ts')
    expect(languageAfter('zh-CN', ['zh-CN', 'en'])).toBe('en')
    expect(languageAfter('en', ['zh-CN', 'en'])).toBe('zh-CN')
    expect(languageAfter('zh-CN', ['zh-CN'])).toBeNull()
  })
})
