/**
 * The catalogue as the TV shows it: products grouped by category in the BOSS's category order, empty
 * categories left out (a viewer should never open an empty shelf).
 */
import type {
  Channel,
  PeriodPrice,
  ProductBadge,
  ProductCategory,
  ProductDetail,
  ProductListResponse,
  ProductSummary,
} from '../../contract/index.ts'
import type { LanguageCode } from './format.ts'
import { themed } from './theme.ts'
import type { TKey } from './i18nKeys.ts'

export interface CatalogueGroup {
  category: ProductCategory
  name: string
  items: ProductSummary[]
}

/** The product's name in the viewer's language (the BOSS's English name in English). */
export const productName = (p: Pick<ProductSummary, 'name' | 'nameEn'>, lang: LanguageCode): string =>
  lang === 'en' ? p.nameEn : p.name

/** A held or quoted product's name in the viewer's language (the BOSS's English one in English). */
export const heldName = (h: { productName: string; productNameEn: string }, lang: LanguageCode): string =>
  lang === 'en' ? h.productNameEn : h.productName

export const channelName = (c: Pick<Channel, 'name' | 'nameEn'>, lang: LanguageCode): string =>
  lang === 'en' ? c.nameEn : c.name

export const productDescription = (
  p: Pick<ProductDetail, 'description' | 'descriptionEn'>,
  lang: LanguageCode,
): string => (lang === 'en' ? p.descriptionEn : p.description)

export function groupCatalogue(list: ProductListResponse, lang: LanguageCode = 'zh-CN'): CatalogueGroup[] {
  const groups: CatalogueGroup[] = []
  for (const c of list.categories) {
    const items = list.items.filter((p) => p.category === c.id)
    if (items.length) groups.push({ category: c.id, name: lang === 'en' ? c.nameEn : c.name, items })
  }
  // Products of a category the list forgot to name still get a shelf, at the end.
  const named = list.categories.map((c) => c.id)
  for (const p of list.items) {
    if (named.indexOf(p.category) >= 0) continue
    let g = groups.filter((x) => x.category === p.category)[0]
    if (!g)
      groups.push((g = { category: p.category, name: lang === 'en' ? p.categoryNameEn : p.categoryName, items: [] }))
    g.items.push(p)
  }
  return groups
}

/** The cheapest per-month way in, for the catalogue line: the 1-month price, else the first period offered. */
/**
 * Where the catalogue opens: the given category if it has something to buy, else the first that has.
 * A category of the base fee alone (listed for information, not orderable) is not a place to start.
 */
export function openingCategory(groups: Pick<CatalogueGroup, 'items'>[], current: number): number {
  const buyable = (g: Pick<CatalogueGroup, 'items'> | undefined) => !!g && g.items.some((p) => p.orderable)
  if (buyable(groups[current])) return current
  for (let i = 0; i < groups.length; i++) if (buyable(groups[i])) return i
  return Math.max(0, Math.min(current, groups.length - 1))
}

export function entryPrice(p: Pick<ProductSummary, 'prices'>): PeriodPrice | null {
  const monthly = p.prices.filter((x) => x.periodMonths === 1)[0]
  return monthly || p.prices[0] || null
}

export const BADGE_KEY: Record<Exclude<ProductBadge, null>, TKey> = {
  subscribed: 'catalog.badge.subscribed',
  expiring: 'catalog.badge.expiring',
  suspended: 'catalog.badge.suspended',
}

export const BADGE_COLOR = themed<Exclude<ProductBadge, null>>({
  subscribed: 'ok',
  expiring: 'warning',
  suspended: 'danger',
})

/** `1` → 1 个月 / 1 month; 12 → 12 个月 / 12 months. */
export function periodKey(months: number): TKey {
  return months === 1 ? 'catalog.period.one' : 'catalog.period.many'
}
