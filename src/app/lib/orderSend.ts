/**
 * Sends one order with its attempt's kept Idempotency-Key (orderKeys.ts) and waits out a 202 until the
 * BOSS tells its fate, for as long as the viewer still wants the answer (two minutes at most).
 */
import type { OrderRequest, OrderResult } from '../../contract/index.ts'
import { api } from './backend.ts'
import { placeOrder } from './orderFlow.ts'
import { orderAttemptKey } from './orderKeys.ts'

export function sendOrder(request: OrderRequest, stillWanted: () => boolean): Promise<OrderResult> {
  const key = orderAttemptKey(request.productId, request.periodMonths, !!request.autoRenew)
  return placeOrder(() => api().placeOrder(request, key), {
    getOrder: (id) => api().getOrder(id),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    maxWaitMs: 120_000,
    stillWanted,
  })
}
