import type { Message } from '../../contract/index.ts'
import type { InboxMessage } from '../domain/types.ts'

/**
 * The one message worth interrupting the viewer for when the box starts: unread, and about service
 * stopping (suspension), about to stop (arrears) or a package ending today. The most important wins;
 * everything else waits in the message centre. The box also remembers what it showed, so never twice.
 */
export function markBootNotice(items: InboxMessage[], today: string): Message[] {
  const urgent = (m: InboxMessage) =>
    !m.read &&
    (m.kind === 'suspension' || m.kind === 'arrears' || (m.kind === 'expiry' && m.product?.expiresOn === today))
  let chosen: InboxMessage | undefined
  for (const m of items) if (urgent(m) && (!chosen || m.priority < chosen.priority)) chosen = m
  return items.map((m) => ({ ...m, bootNotice: m === chosen }))
}
