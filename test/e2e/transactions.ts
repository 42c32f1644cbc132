/**
 * The hall's transactions and the steps that lead to each, in one place: once one is finished, Back (from
 * its result or any screen reached from it) must never show one of its steps again (issue 17).
 * A step is a route of the flow, or an item only a step shows (the PIN pad, a form's rows, the stars).
 */
export interface TransactionSteps {
  /** Route patterns as the app reports them (`order/:productId/:periodMonths`). */
  routes?: RegExp
  /** Refs drawn or focused only while a step of it is on screen. */
  refs?: RegExp
}

export const TRANSACTIONS = {
  order: { routes: /^order\//, refs: /^(PinTitle|PinDots|ConfirmButton)$/ },
  cardTopup: { routes: /^topup\/card/, refs: /^(TopupConfirmButton|CardNoField|PasswordField)$/ },
  qrTopup: { routes: /^topup\/qr/, refs: /^(QrCountdown|QrOtherAmountButton)$/ },
  ticket: { routes: /^repair\/(symptom|report)\//, refs: /^(SubmitButton|ConfirmSubmit|SlotField|CategoryField)$/ },
  complaint: { routes: /^repair\/complaint/, refs: /^(TypeRow\d+|SubjectRow\d+|ComplaintSubmitButton)$/ },
  rating: { refs: /^Rating$/ },
} satisfies Record<string, TransactionSteps>

export type Transaction = keyof typeof TRANSACTIONS
