import { describe, expect, it } from 'vitest'
import type { ProductListResponse, ProductSummary } from '../../../src/contract/index.ts'
import { BADGE_KEY, entryPrice, groupCatalogue, openingCategory, periodKey } from '../../../src/app/lib/catalogue.ts'
import { KEYS } from '../../../src/app/lib/i18nKeys.ts'

const product = (
  productId: string,
  category: ProductSummary['category'],
  prices = [{ periodMonths: 1, priceFen: 1500 }],
): ProductSummary => ({
  productId,
  name: productId,
  nameEn: productId + ' Pack',
  category,
  categoryName: category,
  categoryNameEn: category.toUpperCase(),
  kind: 'package',
  orderable: true,
  channelCount: 3,
  prices,
  badge: null,
  holding: null,
  excludes: [],
})

describe('groupCatalogue', () => {
  it('groups products under their categories in the BOSS order and leaves out empty shelves', () => {
    const list: ProductListResponse = {
      categories: [
        { id: 'basic', name: '基础', nameEn: 'Basic', count: 1 },
        { id: 'hd', name: '高清', nameEn: 'HD', count: 2 },
        { id: 'opera', name: '戏曲', nameEn: 'Opera', count: 0 },
        { id: 'sports', name: '体育', nameEn: 'Sports', count: 1 },
      ],
      items: [product('P_SPORTS', 'sports'), product('P_HD', 'hd'), product('P_BASIC', 'basic'), product('P_4K', 'hd')],
    }
    const groups = groupCatalogue(list)
    expect(groups.map((g) => g.category)).toEqual(['basic', 'hd', 'sports'])
    expect(groups[1].items.map((p) => p.productId)).toEqual(['P_HD', 'P_4K'])
    expect(groups[1].name).toBe('高清')
    // In English the shelves carry the operator's English names.
    expect(groupCatalogue(list, 'en').map((g) => g.name)).toEqual(['Basic', 'HD', 'Sports'])
  })

  it('still shows a product whose category the list did not name', () => {
    const groups = groupCatalogue({ categories: [], items: [product('P_VOD', 'vod')] })
    expect(groups).toEqual([{ category: 'vod', name: 'vod', items: [product('P_VOD', 'vod')] }])
    expect(groupCatalogue({ categories: [], items: [product('P_VOD', 'vod')] }, 'en')[0].name).toBe('VOD')
  })
})

describe('prices and words', () => {
  it('leads with the monthly price, else the first period offered', () => {
    expect(
      entryPrice(
        product('A', 'hd', [
          { periodMonths: 3, priceFen: 4200 },
          { periodMonths: 1, priceFen: 1500 },
        ]),
      ),
    ).toEqual({ periodMonths: 1, priceFen: 1500 })
    expect(entryPrice(product('A', 'hd', [{ periodMonths: 12, priceFen: 15000 }]))).toEqual({
      periodMonths: 12,
      priceFen: 15000,
    })
    expect(entryPrice(product('A', 'hd', []))).toBeNull()
  })

  it('has a translation for every badge and period form', () => {
    for (const k of Object.values(BADGE_KEY)) expect(KEYS).toContain(k)
    expect(periodKey(1)).toBe('catalog.period.one')
    expect(periodKey(6)).toBe('catalog.period.many')
  })
})

describe('openingCategory (issue 17: never open on what cannot be bought)', () => {
  const g = (...orderable: boolean[]) => ({ items: orderable.map((o) => ({ orderable: o })) as ProductSummary[] })
  it('skips a category of the base fee alone, keeps one that has a package to buy', () => {
    expect(openingCategory([g(false), g(true, true), g(true)], 0)).toBe(1)
    expect(openingCategory([g(false, true), g(true)], 0)).toBe(0)
    expect(openingCategory([g(true), g(false), g(true)], 1)).toBe(0)
  })
  it('stays put when nothing can be bought anywhere', () => {
    expect(openingCategory([g(false), g(false)], 1)).toBe(1)
    expect(openingCategory([], 0)).toBe(0)
  })
})
