import { Type, type Static } from '@sinclair/typebox'
import { Fen, IsoDate } from './common.ts'

/**
 * The catalogue (产品订购). Prices here are for display; an order is always priced by the BOSS at order time
 * (POST /orders/quote, then POST /orders), never from anything the box sends.
 */

/** Category slugs the TV groups by (the BOSS's own names are in `categoryName`). */
export const ProductCategory = Type.Union([
  Type.Literal('basic'), // 基础
  Type.Literal('hd'), // 高清
  Type.Literal('children'), // 少儿
  Type.Literal('sports'), // 体育
  Type.Literal('film'), // 影视
  Type.Literal('documentary'), // 纪实
  Type.Literal('opera'), // 戏曲
  Type.Literal('education'), // 教育
  Type.Literal('vod'), // 点播
  Type.Literal('other'),
])
export type ProductCategory = Static<typeof ProductCategory>

export const PeriodMonths = Type.Integer({
  minimum: 1,
  maximum: 36,
  description: 'ordering period in months (1, 3, 6, 12...)',
})

export const PeriodPrice = Type.Object({
  periodMonths: PeriodMonths,
  /** For the whole period. */
  priceFen: Fen,
})
export type PeriodPrice = Static<typeof PeriodPrice>

/**
 * What the household holds of this product: subscribed (active, not ending soon or auto-renewing),
 * expiring (active, ends within 7 days and will not renew), suspended (stopped for arrears); null when not held.
 */
export const ProductBadge = Type.Union([
  Type.Literal('subscribed'),
  Type.Literal('expiring'),
  Type.Literal('suspended'),
  Type.Null(),
])
export type ProductBadge = Static<typeof ProductBadge>

export const ProductHolding = Type.Object({
  subscriptionId: Type.String(),
  expiryDate: IsoDate,
  autoRenew: Type.Boolean(),
})
export type ProductHolding = Static<typeof ProductHolding>

export const ProductSummary = Type.Object({
  productId: Type.String(),
  name: Type.String(),
  /** The operator's English name (the Chinese one where the BOSS has none), for the hall in English. */
  nameEn: Type.String(),
  category: ProductCategory,
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  /** maintenance: the base fee (基本收视维护费), listed but not orderable. */
  kind: Type.Union([Type.Literal('maintenance'), Type.Literal('package')]),
  orderable: Type.Boolean(),
  channelCount: Type.Integer({ minimum: 0 }),
  /** Cheapest first (1 month first). */
  prices: Type.Array(PeriodPrice),
  badge: ProductBadge,
  holding: Type.Union([ProductHolding, Type.Null()]),
  /** Products that cannot be held together with this one (e.g. 高清包 and 4K超高清包). */
  excludes: Type.Array(Type.String()),
})
export type ProductSummary = Static<typeof ProductSummary>

export const ProductCategoryInfo = Type.Object({
  id: ProductCategory,
  name: Type.String(),
  nameEn: Type.String(),
  count: Type.Integer({ minimum: 0 }),
})
export type ProductCategoryInfo = Static<typeof ProductCategoryInfo>

export const ProductListQuery = Type.Object(
  {
    category: Type.Optional(ProductCategory),
  },
  { additionalProperties: false },
)
export type ProductListQuery = Static<typeof ProductListQuery>

/** The catalogue in the BOSS's order; `categories` lists every category (also when one is filtered). */
export const ProductListResponse = Type.Object({
  categories: Type.Array(ProductCategoryInfo),
  items: Type.Array(ProductSummary),
})
export type ProductListResponse = Static<typeof ProductListResponse>

export const Channel = Type.Object({
  number: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  hd: Type.Boolean(),
})
export type Channel = Static<typeof Channel>

export const ProductDetail = Type.Composite([
  ProductSummary,
  Type.Object({
    description: Type.String(),
    descriptionEn: Type.String(),
    channels: Type.Array(Channel),
  }),
])
export type ProductDetail = Static<typeof ProductDetail>

export const ProductIdParams = Type.Object(
  {
    productId: Type.String({ pattern: '^[A-Z0-9_]{1,32}$' }),
  },
  { additionalProperties: false },
)
export type ProductIdParams = Static<typeof ProductIdParams>
