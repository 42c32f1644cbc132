/**
 * Every screen of the hall. A new screen is one file in pages/ plus one line here (replace its
 * ComingSoonPage line, or add one). Dialog and Toast ride along on every route.
 */
import type { Router } from '@lightningjs/sdk'
import BalancePage from './pages/BalancePage.ts'
import BillDetailPage from './pages/BillDetailPage.ts'
import BillsPage from './pages/BillsPage.ts'
import BootPage from './pages/BootPage.ts'
import ComingSoonPage from './pages/ComingSoonPage.ts'
import ErrorPage from './pages/ErrorPage.ts'
import HomePage from './pages/HomePage.ts'
import ComplaintPage from './pages/ComplaintPage.ts'
import ErrorCodePage from './pages/ErrorCodePage.ts'
import MyTicketsPage from './pages/MyTicketsPage.ts'
import RepairTicketPage from './pages/RepairTicketPage.ts'
import SelfHelpPage from './pages/SelfHelpPage.ts'
import SymptomStepsPage from './pages/SymptomStepsPage.ts'
import TicketDetailPage from './pages/TicketDetailPage.ts'
import PaymentsPage from './pages/PaymentsPage.ts'
import CatalogPage from './pages/CatalogPage.ts'
import ProductDetailPage from './pages/ProductDetailPage.ts'
import OrderPage from './pages/OrderPage.ts'
import MySubscriptionsPage from './pages/MySubscriptionsPage.ts'
import SpendingLimitPage from './pages/SpendingLimitPage.ts'
import MessagesPage from './pages/MessagesPage.ts'
import MessageDetailPage from './pages/MessageDetailPage.ts'
import HelpPage from './pages/HelpPage.ts'
import SettingsPage from './pages/SettingsPage.ts'
import TopupPage from './pages/TopupPage.ts'
import CardTopupPage from './pages/CardTopupPage.ts'
import QrTopupPage from './pages/QrTopupPage.ts'
import TopupResultPage from './pages/TopupResultPage.ts'
import { reportRoute } from './lib/testHooks.ts'
import { usage } from './lib/usageHall.ts'
import { routeParams } from './lib/usageFlows.ts'
import { afterRoute } from './lib/finishedFlow.ts'

const OVERLAYS: Lowercase<string>[] = ['dialog', 'toast']

type Page = Router.PageConstructor<Router.PageInstance>

const page = (path: string, component: unknown, options: Record<string, boolean> = {}) => ({
  path,
  component: component as Page,
  widgets: OVERLAYS,
  options,
})

export const routes: Parameters<typeof Router.startRouter>[0] = {
  root: 'home',
  routes: [
    // `$` is the Router's boot route: shown first, it resumes to the deep-linked hash or `root`.
    page('$', BootPage, { preventStorage: true }),
    page('home', HomePage, { clearHistory: true }),
    page('balance', BalancePage),
    page('bills', BillsPage),
    page('bills/:billId', BillDetailPage),
    page('payments', PaymentsPage),
    page('packages', CatalogPage),
    page('packages/:productId', ProductDetailPage),
    page('order/:productId/:periodMonths', OrderPage),
    page('subscriptions', MySubscriptionsPage),
    page('spending-limit', SpendingLimitPage),
    page('topup', TopupPage),
    page('topup/card', CardTopupPage),
    page('topup/qr', QrTopupPage),
    page('topup/result/:topupId', TopupResultPage, { preventStorage: true }),
    page('repair', SelfHelpPage),
    page('repair/symptom/:symptomId', SymptomStepsPage),
    page('repair/code', ErrorCodePage),
    page('repair/complaint', ComplaintPage),
    page('repair/report/:category', RepairTicketPage),
    page('repair/tickets', MyTicketsPage),
    page('repair/tickets/:ticketId', TicketDetailPage),
    page('messages', MessagesPage),
    page('messages/:messageId', MessageDetailPage),
    page('help', HelpPage),
    page('settings', SettingsPage),
    page('error', ErrorPage, { preventStorage: true }),
    page('!', ErrorPage, { preventStorage: true }),
    page('*', ComingSoonPage, { preventStorage: true }),
  ],
  afterEachRoute: (request: { route?: { path?: string }; hash?: string }) => {
    // A finished transaction's steps leave the history before anything else looks at it.
    afterRoute(request.hash || '')
    const path = request.route && request.route.path ? request.route.path : ''
    reportRoute(path)
    // The one place screen views (and the flows they move) are recorded, whatever the page.
    usage().screen(path, routeParams(path, request.hash || ''))
  },
}
