import { ErrorBody as E, PageQuery } from '../common.ts'
import { ApiPath } from '../apiPath.ts'
import { Account } from '../account.ts'
import { BillDetail, BillIdParams, BillListResponse, PaymentListResponse } from '../bills.ts'
import { household, route } from '../route.ts'

/** Account and bills: the household's balance, monthly bills and payments. Part of the one route table (../routes.ts). */
export const billsRoutes = {
  account: route('account', {
    method: 'GET',
    path: ApiPath.account,
    tag: 'account',
    ...household,
    summary: "The box's household account: balance, arrears, status",
    responses: { 200: Account },
  }),
  bills: route('bills', {
    method: 'GET',
    path: ApiPath.bills,
    tag: 'bills',
    ...household,
    summary: 'Monthly bills of the last 12 months, newest first',
    querystring: PageQuery,
    responses: { 200: BillListResponse },
  }),
  bill: route('bill', {
    method: 'GET',
    path: ApiPath.bill,
    tag: 'bills',
    ...household,
    summary: 'One bill with its itemised charges',
    params: BillIdParams,
    responses: { 200: BillDetail, 404: E },
  }),
  payments: route('payments', {
    method: 'GET',
    path: ApiPath.payments,
    tag: 'payments',
    ...household,
    summary: 'Payments and top-ups of the last 12 months, newest first',
    querystring: PageQuery,
    responses: { 200: PaymentListResponse },
  }),
} as const
