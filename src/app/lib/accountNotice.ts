/**
 * Which plain-words notice the home screen owes the viewer. Suspension wins over arrears, arrears over
 * a low balance: the most urgent thing is said, and only one thing.
 */
import type { Account } from '../../contract/index.ts'

export type NoticeKind = 'suspended' | 'arrears' | 'low' | null

export function noticeKind(a: Account | null): NoticeKind {
  if (!a) return null
  if (a.status === 'suspended') return 'suspended'
  if (a.status === 'arrears' || a.arrearsFen > 0) return 'arrears'
  return a.lowBalance ? 'low' : null
}
