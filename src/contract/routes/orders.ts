import { OrderPath } from '../apiPath.ts'
import {
  Order,
  OrderIdParams,
  OrderProcessing,
  OrderQuote,
  OrderQuoteRequest,
  OrderRequest,
  OrderResult,
  SpendingLimit,
  SpendingLimitRequest,
} from '../orders.ts'
import { ProductDetail, ProductIdParams, ProductListQuery, ProductListResponse } from '../products.ts'
import { AutoRenewRequest, Subscription, SubscriptionIdParams, SubscriptionListResponse } from '../subscriptions.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Orders: the catalogue, quotes, orders with the PIN, subscriptions and the spending limit. Part of the one route table (../routes.ts). */
export const ordersRoutes = {
  products: route('products', {
    method: 'GET',
    path: OrderPath.products,
    tag: 'orders',
    ...household,
    summary: 'The catalogue by category, with prices per period and what the household already holds',
    querystring: ProductListQuery,
    responses: { 200: ProductListResponse },
  }),
  product: route('product', {
    method: 'GET',
    path: OrderPath.product,
    tag: 'orders',
    ...household,
    summary: 'One product: description, every channel, price per period',
    params: ProductIdParams,
    responses: { 200: ProductDetail, 404: E },
  }),
  orderQuote: route('orderQuote', {
    method: 'POST',
    path: OrderPath.quote,
    tag: 'orders',
    ...household,
    summary: 'Price, dates, balance before/after and every conflict of an order, before the PIN. Charges nothing.',
    body: OrderQuoteRequest,
    responses: { 200: OrderQuote, 404: E },
  }),
  createOrder: route('createOrder', {
    method: 'POST',
    path: OrderPath.orders,
    tag: 'orders',
    ...household,
    idempotent: true,
    summary:
      'Order a package with the purchase PIN. 201 done, 202 processing (poll the Location). 403 WRONG_PIN, 429 LOCKED after too many',
    body: OrderRequest,
    responses: { 201: Order, 202: OrderProcessing, 402: E, 403: E, 404: E, 409: E },
  }),
  order: route('order', {
    method: 'GET',
    path: OrderPath.order,
    tag: 'orders',
    ...household,
    summary: "One of the household's orders: its state as the BOSS holds it (poll after a 202)",
    params: OrderIdParams,
    responses: { 200: OrderResult, 404: E },
  }),
  subscriptions: route('subscriptions', {
    method: 'GET',
    path: OrderPath.subscriptions,
    tag: 'orders',
    ...household,
    summary: 'My subscriptions: active, expiring within 7 days, suspended for arrears, expired',
    responses: { 200: SubscriptionListResponse },
  }),
  autoRenew: route('autoRenew', {
    method: 'POST',
    path: OrderPath.autoRenew,
    tag: 'orders',
    ...household,
    summary: 'Switch auto-renewal off (the subscription then ends on its expiry date); repeating it is harmless',
    params: SubscriptionIdParams,
    body: AutoRenewRequest,
    responses: { 200: Subscription, 404: E, 409: E },
  }),
  spendingLimit: route('spendingLimit', {
    method: 'GET',
    path: OrderPath.spendingLimit,
    tag: 'orders',
    ...household,
    summary: "The household's monthly spending limit and this month's order spending (reading needs no PIN)",
    responses: { 200: SpendingLimit },
  }),
  setSpendingLimit: route('setSpendingLimit', {
    method: 'PUT',
    path: OrderPath.spendingLimit,
    tag: 'orders',
    ...household,
    summary:
      'Set (or with null remove) the monthly spending limit, behind the purchase PIN; shares the PIN lock with orders',
    body: SpendingLimitRequest,
    responses: { 200: SpendingLimit, 403: E },
  }),
} as const
