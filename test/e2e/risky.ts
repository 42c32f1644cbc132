/**
 * Risky items, in one place: choices whose OK destroys, cancels, spends, files or ends something, or
 * closes a question a viewer may not have meant to close. No screen may open with the focus on one
 * (issue 17: ticket detail opened on 取消工单, the spending limit on 不限, self-help on 解决了), and the
 * remote crawler never presses OK on one.
 */

/** By ref: the app's names for risky choices (buttons, rows and dialog actions). */
export const RISKY_REFS = [
  'CancelTicketButton', // 取消工单
  'ConfirmCancelTicket',
  'SubsStopAutoRenew', // 取消自动续订
  'SubsStopConfirm',
  'YesButton', // 解决了: ends self-help as fixed
  'Limit_none', // 不限: no spending limit at all
  'Limit_0', // 禁止订购
  'ExitLeave', // 退出
  'ConfirmButton', // 确认订购: spends money
  'TopupConfirmButton',
  'SubmitButton', // files a repair ticket
  'ConfirmSubmit',
  'ComplaintSubmitButton',
] as const

/** By words on the item, both languages: catches a risky choice under a ref this list does not know yet. */
export const RISKY_LABELS =
  /取消工单|取消订购|退订|取消自动续订|解决了|不限|禁止订购|^退出$|确认订购|确认充值|Cancel ticket|Unsubscribe|Stop auto-renew|Yes, fixed|No limit|^Block$|^Leave$/

const RISKY_REF = new RegExp(`^(${RISKY_REFS.join('|')})$`)

/** Why this first focus is risky ('' when it is safe): its ref, or the words drawn inside it. */
export function riskyFocus(ref: string | undefined, label: string): string {
  if (ref && RISKY_REF.test(ref)) return `risky ref ${ref}`
  if (RISKY_LABELS.test(label.trim())) return `risky label "${label.trim()}" (${ref || '?'})`
  return ''
}

/**
 * OK on these would leave the app or move money or records, or restart the app (the look settings):
 * the crawler looks but does not press. Every risky ref is in it.
 */
export const NO_OK = new RegExp(
  `^(${RISKY_REFS.join('|')})$|Leave|Confirm|Submit|Pay(?!ments)|Buy|Unsubscribe|AutoRenew|Save|Delete|LargeTextSetting|HighContrastSetting`,
  'i',
)
