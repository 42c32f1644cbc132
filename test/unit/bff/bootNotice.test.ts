import { describe, expect, it } from 'vitest'
import type { InboxMessage } from '../../../src/bff/domain/types.ts'
import { markBootNotice } from '../../../src/bff/messages/bootNotice.ts'

const msg = (
  id: string,
  kind: InboxMessage['kind'],
  priority: number,
  extra: Partial<InboxMessage> = {},
): InboxMessage => ({
  id,
  kind,
  priority,
  createdAt: '2026-11-22T09:00:00+08:00',
  read: false,
  readAt: null,
  action: null,
  ...extra,
})
const expiry = (id: string, on: string) =>
  msg(id, 'expiry', on === '2026-11-22' ? 3 : 4, {
    product: { productId: 'P', name: 'p', amountFen: 1, periodMonths: 1, expiresOn: on },
  })
const boot = (items: InboxMessage[]) =>
  markBootNotice(items, '2026-11-22')
    .filter((m) => m.bootNotice)
    .map((m) => m.id)

describe('markBootNotice', () => {
  it('picks the most important unread of suspension, arrears and expiring today', () => {
    expect(boot([msg('n', 'notice', 6), expiry('e', '2026-11-22'), msg('a', 'arrears', 2)])).toEqual(['a'])
    expect(boot([expiry('e', '2026-11-22'), msg('s', 'suspension', 1)])).toEqual(['s'])
  })

  it('leaves out packages ending on a later day, notices, offers and anything read', () => {
    expect(boot([expiry('e', '2026-11-23'), msg('n', 'notice', 6), msg('p', 'promotion', 7)])).toEqual([])
    expect(boot([msg('a', 'arrears', 2, { read: true }), expiry('e', '2026-11-22')])).toEqual(['e'])
  })
})
