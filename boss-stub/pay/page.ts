import type { QrPayRow } from '../services/qrPayRecords.ts'
import { MERCHANT, QR_STATUS } from '../services/qrPayRecords.ts'

/**
 * The simulated payment page a phone opens from the TV's QR code: plain HTML and CSS (no script), so
 * any phone browser shows it. Chinese text, as a viewer's wallet app would.
 */

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** `20261122201500` → `2026-11-22 20:15:00` */
const shown = (t: string): string =>
  t.length === 14
    ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`
    : ''

const STATUS_TEXT: Record<string, { title: string; note: string; cls: string }> = {
  [QR_STATUS.waiting]: { title: '待支付', note: '请确认金额后点击“确认支付”。', cls: 'wait' },
  [QR_STATUS.paid]: { title: '支付成功', note: '款项已充入您的账户，电视屏幕将显示最新余额。', cls: 'ok' },
  [QR_STATUS.cancelled]: {
    title: '支付已取消',
    note: '本次支付已取消，未扣款。如需充值请在电视上重新生成二维码。',
    cls: 'off',
  },
  [QR_STATUS.expired]: {
    title: '二维码已过期',
    note: '二维码已超过有效期，未扣款。请在电视上重新生成二维码。',
    cls: 'off',
  },
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f4f7;color:#1f2329}
main{max-width:420px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:18px;margin:0 0 4px}.merchant{color:#646a73;font-size:14px;margin:0 0 20px}
.amount{font-size:40px;font-weight:600;text-align:center;margin:12px 0 4px}.amount small{font-size:20px}
.status{text-align:center;font-size:16px;margin:0 0 16px}.ok{color:#1a7f37}.wait{color:#b7791f}.off{color:#8f959e}
dl{display:grid;grid-template-columns:auto 1fr;gap:8px 12px;font-size:14px;margin:0 0 20px}dt{color:#646a73}dd{margin:0;word-break:break-all}
button{display:block;width:100%;font-size:17px;padding:14px;border:0;border-radius:8px;margin-top:12px}
.pay{background:#1677ff;color:#fff}.cancel{background:#eef0f3;color:#1f2329}
p.note{font-size:14px;color:#646a73;line-height:1.6}footer{font-size:12px;color:#8f959e;text-align:center;margin-top:16px}
`

function layout(title: string, inner: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><main>${inner}<footer>模拟支付页面（BOSS 测试桩），不会产生真实扣款</footer></main></body></html>`
}

/** The page for one payment: amount, merchant, expiry, and Pay / Cancel while it is waiting. */
export function payPage(row: QrPayRow, status: string): string {
  const s = STATUS_TEXT[status] ?? STATUS_TEXT[QR_STATUS.waiting]
  const actions =
    status === QR_STATUS.waiting
      ? `<form method="post" action="${esc(row.pay_no)}/confirm"><button class="pay" type="submit">确认支付 ¥${yuan(row.amount)}</button></form>
<form method="post" action="${esc(row.pay_no)}/cancel"><button class="cancel" type="submit">取消支付</button></form>`
      : ''
  return layout(
    `${s.title} - 扫码充值`,
    `<div class="card">
<h1>有线电视账户充值</h1><p class="merchant">收款方：${esc(MERCHANT)}</p>
<p class="amount"><small>¥</small>${yuan(row.amount)}</p>
<p class="status ${s.cls}" data-status="${esc(status)}">${s.title}</p>
<dl><dt>订单号</dt><dd>${esc(row.pay_no)}</dd><dt>创建时间</dt><dd>${shown(row.create_time)}</dd>
<dt>有效期至</dt><dd>${shown(row.expire_time)}</dd>${row.finish_time ? `<dt>完成时间</dt><dd>${shown(row.finish_time)}</dd>` : ''}</dl>
${actions}<p class="note">${s.note}</p></div>`,
  )
}

export function notFoundPage(): string {
  return layout(
    '订单不存在 - 扫码充值',
    `<div class="card"><h1>订单不存在</h1>
<p class="note">未找到该支付订单，请在电视上重新生成二维码后再扫码。</p></div>`,
  )
}
