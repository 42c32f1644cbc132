import { randomBytes } from 'node:crypto'
import type { Store } from '../store/store.ts'

/**
 * A complaint draft binds a TV's complaint to the phone page where the viewer types: the id is the
 * unguessable token in the QR code (128 random bits), it lives 15 minutes, and only its household may read it.
 */
export const DRAFT_TTL_SECONDS = 15 * 60

export interface Draft {
  customerId: string
  text: string | null
  expiresAt: number
}

const key = (draftId: string) => `complaint-draft:${draftId}`

export async function createDraft(
  store: Store,
  customerId: string,
  now: number,
): Promise<{ draftId: string; draft: Draft }> {
  const draftId = randomBytes(16).toString('base64url')
  const draft: Draft = { customerId, text: null, expiresAt: now + DRAFT_TTL_SECONDS * 1000 }
  await store.putValue(key(draftId), JSON.stringify(draft), DRAFT_TTL_SECONDS)
  return { draftId, draft }
}

export async function readDraft(store: Store, draftId: string): Promise<Draft | null> {
  const raw = await store.getValue(key(draftId))
  return raw ? (JSON.parse(raw) as Draft) : null
}

/** The phone's text; the draft keeps its original expiry. False when the draft is gone. */
export async function writeDraftText(store: Store, draftId: string, text: string, now: number): Promise<boolean> {
  const draft = await readDraft(store, draftId)
  if (!draft || draft.expiresAt <= now) return false
  await store.putValue(
    key(draftId),
    JSON.stringify({ ...draft, text }),
    Math.max(1, Math.ceil((draft.expiresAt - now) / 1000)),
  )
  return true
}

export async function dropDraft(store: Store, draftId: string): Promise<void> {
  await store.deleteValue(key(draftId))
}
