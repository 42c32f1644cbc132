/**
 * 缴费记录: payments and top-ups, newest first, with channel, time and amount. The list fetches the
 * next page as the viewer scrolls near its end (PaymentList), saying so under it while it comes.
 */
import HallPage, { frame, type PageFrameSpec, type PageTemplate } from '../components/HallPage.ts'
import EmptyState from '../components/EmptyState.ts'
import PaymentList from '../components/PaymentList.ts'
import { api } from '../lib/backend.ts'
import { t } from '../lib/i18n.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'

/** Small pages: a slow box shows the first rows sooner; a year of history is two or three pages. */
const PAGE_SIZE = 10

interface PaymentsSpec extends PageFrameSpec {
  PaymentList: typeof PaymentList
  More: object
  PaymentsEmpty: typeof EmptyState
}

export default class PaymentsPage extends HallPage<PaymentsSpec> {
  static override _template(): PageTemplate<PaymentsSpec> {
    return frame<PaymentsSpec>({
      PaymentList: { ...PaymentList.place(96, 190, 1728, 720), alpha: 0 },
      More: { x: 960, mountX: 0.5, y: 916, alpha: 0, text: textPatch('', { fontSize: FontSize.small }) },
      PaymentsEmpty: { type: EmptyState, x: 960, mountX: 0.5, y: 380, visible: false },
    })
  }

  private get _list(): PaymentList {
    return this.tag('PaymentList')!
  }

  override _init(): void {
    this.showsData({ content: this._list, empty: this.tag('PaymentsEmpty') })
    this.loadOnVisit(() => this.load())
    this._list.fetchPage = (cursor) => api().getPayments({ limit: PAGE_SIZE, cursor })
    this._list.onFetching = (busy) => this.tag('More')!.setSmooth('alpha', busy ? 1 : 0)
    this.render()
  }

  load(): void {
    const fetch = () => api().getPayments({ limit: PAGE_SIZE })
    this.loadData(fetch, (page) => (this._list.show(page), page.items.length > 0))
  }

  render(): void {
    this.title = t('payments.title')
    const more = { fontSize: FontSize.small, textColor: Colors.textMuted }
    this.tag('More')!.text = textPatch(t('payments.loadingMore'), more)
    this.hints = [['updown', t('hint.scroll')]]
    this.tag('PaymentsEmpty')!.message = t('payments.empty')
    this.errorState.render()
    this._list.rename()
  }
}
