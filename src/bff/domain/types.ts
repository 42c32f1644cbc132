import type {
  Channel,
  ComplaintType,
  Message,
  PeriodPrice,
  ProductCategory,
  TicketCategory,
} from '../../contract/index.ts'

/**
 * The hall's own records between the BOSS adapters and the routes: what an adapter answers (a holding,
 * a catalogue product, an inbox message) and what it is asked to send (a ticket, a complaint), in the
 * hall's words. Only `boss/` knows how they look on the wire.
 */

/** A subscription as the BOSS states it; the route decides "expiring" from today's date. */
export interface Holding {
  subscriptionId: string
  productId: string
  productName: string
  productNameEn: string
  kind: 'maintenance' | 'package'
  state: 'active' | 'suspended' | 'ended'
  startDate: string
  expiryDate: string
  autoRenew: boolean
  periodMonths: number
  priceFen: number
}

/** A product as the catalogue has it, before the household's holdings are added. */
export interface CatalogueProduct {
  productId: string
  name: string
  nameEn: string
  category: ProductCategory
  categoryName: string
  categoryNameEn: string
  kind: 'maintenance' | 'package'
  orderable: boolean
  channelCount: number
  prices: PeriodPrice[]
  excludes: string[]
  description: string
  descriptionEn: string
  channels: Channel[]
}

/** A message as the household's inbox has it; the route decides which one is the boot notice. */
export type InboxMessage = Omit<Message, 'bootNotice'>

/** What the hall sends to open a ticket; `serial` is the hall's reference, stable across retries. */
export interface TicketOrder {
  serial: string
  customerId: string
  category: TicketCategory
  description: string
  contactPhone: string | null
  slotId: string | null
}

/** What the hall sends to make a complaint; `serial` is the hall's reference, stable across retries. */
export interface ComplaintOrder {
  serial: string
  customerId: string
  type: ComplaintType
  subjectId: string
  subject: string
  text: string | null
}

/** Serial prefixes: the top-up id says which BOSS service knows it. */
export const CARD_SERIAL_PREFIX = 'TC'
export const QR_SERIAL_PREFIX = 'TQ'

export type CardRefusal = 'wrong' | 'used' | 'expired' | 'notAllowed'
