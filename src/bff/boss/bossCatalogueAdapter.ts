import type { ProductCategory } from '../../contract/index.ts'
import type { CatalogueProduct } from '../domain/types.ts'
import type { BossCaller } from './bossCustomerAdapter.ts'
import { BossBusinessError, BossCode, BossProtocolError } from './bossErrors.ts'
import { english, field, fromBossFen, list } from './bossFormat.ts'

const CATEGORIES: Record<string, ProductCategory> = {
  基础: 'basic',
  高清: 'hd',
  少儿: 'children',
  体育: 'sports',
  影视: 'film',
  纪实: 'documentary',
  戏曲: 'opera',
  教育: 'education',
  点播: 'vod',
}

const int = (v: string, key: string) => {
  if (!/^\d{1,6}$/.test(v)) throw new BossProtocolError(`BOSS field ${key} is not a count: "${v}"`)
  return Number(v)
}

function toProduct(list0: Record<string, unknown>, detail: Record<string, unknown>): CatalogueProduct {
  const categoryName = field(list0, 'CATEGORY')
  return {
    productId: field(list0, 'PROD_ID'),
    name: field(list0, 'PROD_NAME'),
    nameEn: english(list0, 'PROD_NAME', field(list0, 'PROD_NAME')),
    category: CATEGORIES[categoryName] ?? 'other',
    categoryName,
    categoryNameEn: english(list0, 'CATEGORY', categoryName),
    kind: field(list0, 'PROD_TYPE') === 'MAINT' ? 'maintenance' : 'package',
    orderable: field(list0, 'ORDERABLE') === 'Y',
    channelCount: int(field(list0, 'CHANNEL_COUNT'), 'CHANNEL_COUNT'),
    prices: list(detail, 'PRICE_LIST')
      .map((p) => ({
        periodMonths: int(field(p, 'PERIOD_MONTHS'), 'PERIOD_MONTHS'),
        priceFen: fromBossFen(field(p, 'PRICE'), 'PRICE'),
      }))
      .sort((a, b) => a.periodMonths - b.periodMonths),
    excludes: field(list0, 'EXCL_PROD_IDS').split(',').filter(Boolean),
    description: field(detail, 'PROD_DESC'),
    descriptionEn: english(detail, 'PROD_DESC', field(detail, 'PROD_DESC')),
    channels: list(detail, 'CHANNEL_LIST').map((c) => ({
      number: field(c, 'CHANNEL_NO'),
      name: field(c, 'CHANNEL_NAME'),
      nameEn: english(c, 'CHANNEL_NAME', field(c, 'CHANNEL_NAME')),
      hd: field(c, 'HD_FLAG') === 'Y',
    })),
  }
}

/**
 * PROD_LIST_QRY + PROD_DETAIL_QRY. The catalogue is the same for every box and changes rarely, so it is
 * kept for `ttlMs` (one load at a time); it is for display only: orders are priced by the BOSS itself.
 */
export function bossCatalogueAdapter(boss: BossCaller, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 60_000
  const now = opts.now ?? Date.now
  let cached: { at: number; products: Promise<CatalogueProduct[]> } | undefined

  async function load(): Promise<CatalogueProduct[]> {
    const answer = await boss.call('PROD_LIST_QRY', { CATEGORY: '' })
    const rows = list(answer, 'PROD_LIST')
    const details = await Promise.all(rows.map((r) => boss.call('PROD_DETAIL_QRY', { PROD_ID: field(r, 'PROD_ID') })))
    return rows.map((r, i) => toProduct(r, details[i]))
  }

  async function all(): Promise<CatalogueProduct[]> {
    if (!cached || now() - cached.at > ttlMs) {
      const products = load()
      cached = { at: now(), products }
      // A failed load must not be served for a minute.
      products.catch(() => {
        if (cached?.products === products) cached = undefined
      })
    }
    return cached.products
  }

  return {
    all,
    async product(productId: string): Promise<CatalogueProduct | null> {
      return (await all()).find((p) => p.productId === productId) ?? null
    },
    /** Straight from the BOSS (not cached): used where a missing product must be told apart from a stale cache. */
    async exists(productId: string): Promise<boolean> {
      try {
        await boss.call('PROD_DETAIL_QRY', { PROD_ID: productId })
        return true
      } catch (err) {
        if (err instanceof BossBusinessError && err.rspCode === BossCode.recordNotFound) return false
        throw err
      }
    },
  }
}
export type BossCatalogueAdapter = ReturnType<typeof bossCatalogueAdapter>
