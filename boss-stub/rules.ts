import { catalogue } from './db/catalogue.ts'

/**
 * Business rules shared by the seed (which writes history) and the services (which answer about the future),
 * so a bill the seed wrote and the next deduction a service predicts follow the same arithmetic.
 */
/** itemNameEn: the operator's English wording of the line, printed on English bills and shown in the hall. */
export type FeeItem = { itemType: string; itemCode: string; itemName: string; itemNameEn: string; fee: number }

/** The recurring part of a month's bill: maintenance, monthly packages, and the discounts they earn. */
export function recurringItems(
  monthlyPackages: Array<{ prodId: string; name: string; nameEn: string; monthlyPrice: number }>,
  elder: boolean,
): FeeItem[] {
  const { maintenance, discounts } = catalogue
  const items: FeeItem[] = [
    {
      itemType: '01',
      itemCode: maintenance.itemCode,
      itemName: '基本收视维护费',
      itemNameEn: 'Basic TV service fee',
      fee: maintenance.monthlyFee,
    },
  ]
  for (const p of [...monthlyPackages].sort((a, b) => a.prodId.localeCompare(b.prodId))) {
    items.push({ itemType: '02', itemCode: p.prodId, itemName: p.name, itemNameEn: p.nameEn, fee: p.monthlyPrice })
  }
  if (elder)
    items.push({
      itemType: '05',
      itemCode: discounts.elder.itemCode,
      itemName: discounts.elder.name,
      itemNameEn: discounts.elder.nameEn,
      fee: discounts.elder.fee,
    })
  if (monthlyPackages.length >= discounts.multiPackage.minPackages) {
    items.push({
      itemType: '05',
      itemCode: discounts.multiPackage.itemCode,
      itemName: discounts.multiPackage.name,
      itemNameEn: discounts.multiPackage.nameEn,
      fee: discounts.multiPackage.fee,
    })
  }
  return items
}

export const sumFees = (items: ReadonlyArray<{ fee: number }>): number => items.reduce((s, i) => s + i.fee, 0)

/** Statuses as on the wire. */
export const ACCT_STATUS = { normal: '1', arrears: '2', suspended: '3' } as const
export const SUBS_STATUS = { active: '1', suspended: '2', ended: '3' } as const
export const BILL_STATUS = { unpaid: '0', partial: '1', settled: '2' } as const
