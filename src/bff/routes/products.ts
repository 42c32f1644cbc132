import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type ProductCategoryInfo, routes } from '../../contract/index.ts'
import type { CatalogueProduct } from '../domain/types.ts'
import { notFound } from '../errors.ts'
import { isBossDown } from '../domain/errors.ts'
import type { BffServices } from '../services.ts'
import { badgeFor } from '../domain/holdings.ts'
import { beijingToday } from '../time.ts'

const productRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  const { catalogue, subscriptions } = s
  // While the BOSS is down the catalogue (cached) still shows, without "subscribed" badges; an order is checked by the BOSS anyway.
  const holdingsOrNone = (customerId: string) =>
    subscriptions.list(customerId).catch((err: unknown) => {
      if (isBossDown(err)) return []
      throw err
    })

  const summary = ({ description: _d, channels: _c, ...p }: CatalogueProduct) => p

  app.get(routes.products.path, { schema: routes.products.schema }, async (request) => {
    const [products, holdings] = await Promise.all([catalogue.all(), holdingsOrNone(request.customer.customerId)])
    const today = beijingToday(s.now())
    const categories: ProductCategoryInfo[] = []
    for (const p of products) {
      const c = categories.find((x) => x.id === p.category)
      if (c) c.count++
      else categories.push({ id: p.category, name: p.categoryName, nameEn: p.categoryNameEn, count: 1 })
    }
    const wanted = request.query.category
    return {
      categories,
      items: products
        .filter((p) => wanted === undefined || p.category === wanted)
        .map((p) => ({ ...summary(p), ...badgeFor(p.productId, holdings, today) })),
    }
  })

  app.get(routes.product.path, { schema: routes.product.schema }, async (request) => {
    const [product, holdings] = await Promise.all([
      catalogue.product(request.params.productId),
      holdingsOrNone(request.customer.customerId),
    ])
    if (!product) throw notFound('No such product')
    return { ...product, ...badgeFor(product.productId, holdings, beijingToday(s.now())) }
  })
}
export default productRoutes
