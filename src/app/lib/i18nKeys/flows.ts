/** Words of the flows that span domains (issue 17): the one keypad, what a finished step says, next steps. */
export const FLOWS_KEYS = [
  'keypad.clear',
  'code.report',
  'code.hotline',
  'topup.result.arrearsPaid',
  'topup.result.settled',
  'topup.result.stillOwed',
  'banner.lowNext',
  'pin.for',
  'pin.forgot',
  'pin.forgotNoNumber',
  'limit.currentMark',
] as const
