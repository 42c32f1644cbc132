import { Type } from '@sinclair/typebox'
import { ErrorBody, PageQuery } from './common.ts'
import { ApiPath } from './apiPath.ts'
import { Account } from './account.ts'
import { BillDetail, BillIdParams, BillListResponse, PaymentListResponse } from './bills.ts'
import {
  Complaint, ComplaintDraft, ComplaintListResponse, ComplaintOptions, ComplaintPath, CreateComplaintRequest, DraftIdParams,
} from './complaints.ts'
import { HealthPath, LiveResponse, ReadyResponse } from './health.ts'
import { Message, MessageIdParams, MessageListResponse, MessagePath } from './messages.ts'
import {
  Order, OrderIdParams, OrderPath, OrderProcessing, OrderQuote, OrderQuoteRequest, OrderRequest, OrderResult, SpendingLimit,
  SpendingLimitRequest,
} from './orders.ts'
import { ProductDetail, ProductIdParams, ProductListQuery, ProductListResponse } from './products.ts'
import { route } from './route.ts'
import { Diagnosis, DiagnosisQuery, ErrorCodeParams, SelfhelpPath, StbErrorCode, SymptomListResponse } from './selfhelp.ts'
import { ServiceInfo, ServiceInfoPath } from './serviceInfo.ts'
import {
  OperatorSessionPath, SessionChallenge, SessionChallengeRequest, SessionRefreshRequest, SessionRequest, SessionResponse, SessionRevokeRequest,
  SessionRevokeResult,
} from './session.ts'
import { AutoRenewRequest, Subscription, SubscriptionIdParams, SubscriptionListResponse } from './subscriptions.ts'
import { CreateTicketRequest, RateTicketRequest, Ticket, TicketForm, TicketIdParams, TicketListResponse, TicketPath } from './tickets.ts'
import { CardTopupRequest, QrTopupRequest, Topup, TopupIdParams, TopupPath } from './topups.ts'
import {
  OfferConsent, OfferRun, OfferSendRequest, OperatorPath, ReportQuery, UsageAccepted, UsageBatch, UsagePath, UsageReport,
} from './usage.ts'

/** Where the household's data comes from: a box's token, and an answer of the BOSS. */
const household = { auth: 'box', upstream: true } as const
const E = ErrorBody

/**
 * Every BFF endpoint: method, path, what it takes and every answer it gives. The BFF registers these
 * schemas (and /api/docs/json is made from them), the test client is typed from them, and the mocks are
 * checked against the list. Adding an endpoint: one entry here, then the BFF route, the mock handler and
 * the app call.
 */
export const routes = {
  live: route('live', { method: 'GET', path: HealthPath.live, tag: 'health', summary: 'The process is alive', responses: { 200: LiveResponse } }),
  ready: route('ready', {
    method: 'GET', path: HealthPath.ready, tag: 'health', summary: 'The store works and the BOSS answers (503 otherwise)',
    responses: { 200: ReadyResponse, 503: ReadyResponse },
  }),
  sessionChallenge: route('sessionChallenge', {
    method: 'POST', path: ApiPath.sessionChallenge, tag: 'session',
    summary: 'A one-time challenge for this box to sign with its device key (first step of a log-in)',
    body: SessionChallengeRequest, responses: { 200: SessionChallenge },
  }),
  openSession: route('openSession', {
    method: 'POST', path: ApiPath.session, tag: 'session', upstream: true,
    summary: 'Open a session: the box signs the challenge with its device key; the BOSS checks it and the card pairing',
    body: SessionRequest, responses: { 200: SessionResponse, 401: E },
  }),
  refreshSession: route('refreshSession', {
    method: 'POST', path: ApiPath.sessionRefresh, tag: 'session',
    summary: 'Trade the one-use refresh token for a new pair; a refresh token used twice ends the session',
    body: SessionRefreshRequest, responses: { 200: SessionResponse, 401: E },
  }),
  logout: route('logout', {
    method: 'POST', path: ApiPath.sessionLogout, tag: 'session', auth: 'box',
    summary: 'End this session: its access and refresh tokens stop working',
    responses: { 204: Type.Null({ description: 'The session has ended' }) },
  }),
  serviceInfo: route('serviceInfo', {
    method: 'GET', path: ServiceInfoPath.serviceInfo, tag: 'service-info',
    summary: 'FAQ by topic, service points and the hotline, in every language', responses: { 200: ServiceInfo },
  }),
  account: route('account', {
    method: 'GET', path: ApiPath.account, tag: 'account', ...household,
    summary: "The box's household account: balance, arrears, status", responses: { 200: Account },
  }),
  bills: route('bills', {
    method: 'GET', path: ApiPath.bills, tag: 'bills', ...household, summary: 'Monthly bills of the last 12 months, newest first',
    querystring: PageQuery, responses: { 200: BillListResponse },
  }),
  bill: route('bill', {
    method: 'GET', path: ApiPath.bill, tag: 'bills', ...household, summary: 'One bill with its itemised charges',
    params: BillIdParams, responses: { 200: BillDetail, 404: E },
  }),
  payments: route('payments', {
    method: 'GET', path: ApiPath.payments, tag: 'payments', ...household,
    summary: 'Payments and top-ups of the last 12 months, newest first', querystring: PageQuery, responses: { 200: PaymentListResponse },
  }),
  products: route('products', {
    method: 'GET', path: OrderPath.products, tag: 'orders', ...household,
    summary: 'The catalogue by category, with prices per period and what the household already holds',
    querystring: ProductListQuery, responses: { 200: ProductListResponse },
  }),
  product: route('product', {
    method: 'GET', path: OrderPath.product, tag: 'orders', ...household, summary: 'One product: description, every channel, price per period',
    params: ProductIdParams, responses: { 200: ProductDetail, 404: E },
  }),
  orderQuote: route('orderQuote', {
    method: 'POST', path: OrderPath.quote, tag: 'orders', ...household,
    summary: 'Price, dates, balance before/after and every conflict of an order, before the PIN. Charges nothing.',
    body: OrderQuoteRequest, responses: { 200: OrderQuote, 404: E },
  }),
  createOrder: route('createOrder', {
    method: 'POST', path: OrderPath.orders, tag: 'orders', ...household, idempotent: true,
    summary: 'Order a package with the purchase PIN. 201 done, 202 processing (poll the Location). 403 WRONG_PIN, 429 LOCKED after too many',
    body: OrderRequest, responses: { 201: Order, 202: OrderProcessing, 402: E, 403: E, 404: E, 409: E },
  }),
  order: route('order', {
    method: 'GET', path: OrderPath.order, tag: 'orders', ...household,
    summary: "One of the household's orders: its state as the BOSS holds it (poll after a 202)",
    params: OrderIdParams, responses: { 200: OrderResult, 404: E },
  }),
  subscriptions: route('subscriptions', {
    method: 'GET', path: OrderPath.subscriptions, tag: 'orders', ...household,
    summary: 'My subscriptions: active, expiring within 7 days, suspended for arrears, expired', responses: { 200: SubscriptionListResponse },
  }),
  autoRenew: route('autoRenew', {
    method: 'POST', path: OrderPath.autoRenew, tag: 'orders', ...household,
    summary: 'Switch auto-renewal off (the subscription then ends on its expiry date); repeating it is harmless',
    params: SubscriptionIdParams, body: AutoRenewRequest, responses: { 200: Subscription, 404: E, 409: E },
  }),
  spendingLimit: route('spendingLimit', {
    method: 'GET', path: OrderPath.spendingLimit, tag: 'orders', ...household,
    summary: "The household's monthly spending limit and this month's order spending (reading needs no PIN)", responses: { 200: SpendingLimit },
  }),
  setSpendingLimit: route('setSpendingLimit', {
    method: 'PUT', path: OrderPath.spendingLimit, tag: 'orders', ...household,
    summary: 'Set (or with null remove) the monthly spending limit, behind the purchase PIN; shares the PIN lock with orders',
    body: SpendingLimitRequest, responses: { 200: SpendingLimit, 403: E },
  }),
  messages: route('messages', {
    method: 'GET', path: MessagePath.messages, tag: 'messages', ...household,
    summary: "The household's messages (reminders, notices, a promotion), most important first; at most one is the boot notice",
    responses: { 200: MessageListResponse },
  }),
  readMessage: route('readMessage', {
    method: 'POST', path: MessagePath.read, tag: 'messages', ...household, summary: 'Mark one message read (repeating it changes nothing)',
    params: MessageIdParams, responses: { 200: Message, 404: E },
  }),
  symptoms: route('symptoms', {
    method: 'GET', path: SelfhelpPath.symptoms, tag: 'selfhelp', auth: 'box',
    summary: 'Symptoms with their step-by-step checks (knowledge base)', responses: { 200: SymptomListResponse },
  }),
  stbErrorCode: route('stbErrorCode', {
    method: 'GET', path: SelfhelpPath.code, tag: 'selfhelp', auth: 'box', summary: 'What an error code on the box means and what to do',
    params: ErrorCodeParams, responses: { 200: StbErrorCode, 404: E },
  }),
  diagnosis: route('diagnosis', {
    method: 'GET', path: SelfhelpPath.diagnosis, tag: 'selfhelp', ...household,
    summary: 'A symptom held against the account: arrears, suspension or an expired package explain "not authorised" before any repair visit',
    querystring: DiagnosisQuery, responses: { 200: Diagnosis, 404: E },
  }),
  ticketForm: route('ticketForm', {
    method: 'GET', path: TicketPath.form, tag: 'tickets', ...household,
    summary: 'Categories with preset descriptions, the contact phone (masked) and free visit slots', responses: { 200: TicketForm, 404: E, 409: E },
  }),
  tickets: route('tickets', {
    method: 'GET', path: TicketPath.tickets, tag: 'tickets', ...household,
    summary: "My tickets: pending ones first, then the BOSS's, newest first", responses: { 200: TicketListResponse, 404: E, 409: E },
  }),
  ticket: route('ticket', {
    method: 'GET', path: TicketPath.ticket, tag: 'tickets', ...household, summary: 'One ticket with its timeline',
    params: TicketIdParams, responses: { 200: Ticket, 404: E, 409: E },
  }),
  createTicket: route('createTicket', {
    method: 'POST', path: TicketPath.tickets, tag: 'tickets', ...household, idempotent: true,
    summary: 'Report a fault: 201 registered with the BOSS, 202 accepted and pending (delivered when the BOSS can take it)',
    body: CreateTicketRequest, responses: { 201: Ticket, 202: Ticket, 404: E, 409: E },
  }),
  cancelTicket: route('cancelTicket', {
    method: 'POST', path: TicketPath.cancel, tag: 'tickets', ...household, summary: 'Cancel an open ticket',
    params: TicketIdParams, responses: { 200: Ticket, 404: E, 409: E },
  }),
  rateTicket: route('rateTicket', {
    method: 'POST', path: TicketPath.rating, tag: 'tickets', ...household, summary: 'Rate a resolved ticket (回访), which closes it',
    params: TicketIdParams, body: RateTicketRequest, responses: { 200: Ticket, 404: E, 409: E },
  }),
  complaintOptions: route('complaintOptions', {
    method: 'GET', path: ComplaintPath.options, tag: 'complaints', auth: 'box',
    summary: 'Complaint types with their preset subjects', responses: { 200: ComplaintOptions },
  }),
  complaints: route('complaints', {
    method: 'GET', path: ComplaintPath.complaints, tag: 'complaints', ...household,
    summary: "My complaints: pending ones first, then the BOSS's, newest first", responses: { 200: ComplaintListResponse, 404: E },
  }),
  createComplaint: route('createComplaint', {
    method: 'POST', path: ComplaintPath.complaints, tag: 'complaints', ...household, idempotent: true,
    summary: 'Make a complaint or suggestion: 201 registered with the BOSS (repeatOf set for a repeat), 202 accepted and pending',
    body: CreateComplaintRequest, responses: { 201: Complaint, 202: Complaint, 404: E },
  }),
  createDraft: route('createDraft', {
    method: 'POST', path: ComplaintPath.drafts, tag: 'complaints', ...household,
    summary: 'Open a phone page for typing the complaint text (show phoneUrl as a QR code)', responses: { 201: ComplaintDraft, 404: E },
  }),
  draft: route('draft', {
    method: 'GET', path: ComplaintPath.draft, tag: 'complaints', ...household,
    summary: 'Poll a draft: the text once the viewer sent it from the phone', params: DraftIdParams, responses: { 200: ComplaintDraft, 404: E },
  }),
  topupCard: route('topupCard', {
    method: 'POST', path: TopupPath.card, tag: 'topups', ...household, idempotent: true,
    summary: 'Top up with a prepaid card (number + password). 422 CARD_INVALID, 429 LOCKED after too many wrong cards',
    body: CardTopupRequest, responses: { 200: Topup, 409: E, 422: E },
  }),
  topupQr: route('topupQr', {
    method: 'POST', path: TopupPath.qr, tag: 'topups', ...household, idempotent: true,
    summary: 'Start a QR-code top-up: answers the pay address for the QR code', body: QrTopupRequest, responses: { 201: Topup, 409: E, 422: E },
  }),
  topup: route('topup', {
    method: 'GET', path: TopupPath.topup, tag: 'topups', ...household, summary: 'One top-up of this household: the TV polls a pending QR top-up here',
    params: TopupIdParams, responses: { 200: Topup, 404: E },
  }),
  usageEvents: route('usageEvents', {
    method: 'POST', path: UsagePath.events, tag: 'usage', auth: 'box',
    summary: 'A batch of usage events (screens, flows, self-help outcomes, errors shown); stored once per batchId',
    body: UsageBatch, responses: { 202: UsageAccepted, 503: E },
  }),
  offerConsent: route('offerConsent', {
    method: 'GET', path: UsagePath.offerConsent, tag: 'usage', ...household,
    summary: 'Whether the household takes offers chosen from its use of the hall', responses: { 200: OfferConsent },
  }),
  setOfferConsent: route('setOfferConsent', {
    method: 'PUT', path: UsagePath.offerConsent, tag: 'usage', ...household,
    summary: 'Take or refuse offers chosen from the household’s use of the hall (repeating it changes nothing)',
    body: OfferConsent, responses: { 200: OfferConsent },
  }),
  usageReport: route('usageReport', {
    method: 'GET', path: OperatorPath.report, tag: 'operator', auth: 'operator', summary: 'Usage report (default: the last 30 days, every area)',
    querystring: ReportQuery, responses: { 200: UsageReport, 503: E },
  }),
  usageCsv: route('usageCsv', {
    method: 'GET', path: OperatorPath.csv, tag: 'operator', auth: 'operator', summary: 'One report table as CSV',
    params: Type.Object({ table: Type.String({ maxLength: 64 }) }), querystring: ReportQuery, produces: 'text/csv',
    responses: { 200: Type.String({ description: 'The table as CSV, one header row' }), 404: E, 503: E },
  }),
  sendOffers: route('sendOffers', {
    method: 'POST', path: OperatorPath.offers, tag: 'operator', auth: 'operator', upstream: true,
    summary: "Send each package's offer to the households in its audience (the offers table); the BOSS applies consent and the cap",
    body: OfferSendRequest, responses: { 200: OfferRun, 403: E, 503: E },
  }),
  revokeSessions: route('revokeSessions', {
    method: 'POST', path: OperatorSessionPath.revoke, tag: 'operator', auth: 'operator',
    summary: 'End every session of a household (customerId) or of a box (deviceId) opened before now',
    body: SessionRevokeRequest, responses: { 200: SessionRevokeResult, 403: E },
  }),
} as const

export type Routes = typeof routes
export type RouteName = keyof Routes
