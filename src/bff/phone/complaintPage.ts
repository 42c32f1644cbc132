import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { COMPLAINT_TEXT_MAX, ComplaintPath } from '../../contract/index.ts'
import type { BffServices } from '../services.ts'
import { readDraft, writeDraftText } from './drafts.ts'

/**
 * The phone page behind the complaint QR code: a plain HTML form (no script), Chinese, sized for a phone.
 * The draft id in the address is the only key; an unknown or expired one is a 404 page.
 */

const TOKEN = /^[A-Za-z0-9_-]{22,64}$/

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** The page's own style, inline (one request on a phone's slow link) and allowed by its hash in the CSP (../csp.ts). */
export const PHONE_PAGE_CSS = `
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:20px;background:#f4f6f8;color:#222;font-size:17px}
h1{font-size:21px;margin:0 0 12px}
textarea{box-sizing:border-box;width:100%;min-height:180px;font-size:17px;padding:10px;border:1px solid #bbb;border-radius:8px}
button{width:100%;margin-top:14px;padding:14px;font-size:18px;border:0;border-radius:8px;background:#1565c0;color:#fff}
.hint{color:#666;font-size:14px}.error{color:#c62828}
`

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${PHONE_PAGE_CSS}</style></head><body>${body}</body></html>`
}

function form(action: string, text: string, error?: string): string {
  return page(
    '投诉建议',
    `<h1>投诉建议</h1>
<p class="hint">请在下面写下您的意见，提交后在电视上确认即可。最多 ${COMPLAINT_TEXT_MAX} 字。</p>
${error ? `<p class="error">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
<textarea name="text" maxlength="${COMPLAINT_TEXT_MAX}" required placeholder="请描述您遇到的问题或建议">${escape(text)}</textarea>
<button type="submit">提交</button>
</form>`,
  )
}

const gone = (reply: FastifyReply) =>
  reply
    .code(404)
    .type('text/html; charset=utf-8')
    .send(page('链接已失效', '<h1>链接已失效</h1><p>请在电视上重新打开“投诉建议”，再扫描新的二维码。</p>'))

const phonePageRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, r) => {
  // Browsers post forms url-encoded; this parser lives only in this plugin's scope.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })

  const live = async (draftId: string) => {
    if (!TOKEN.test(draftId)) return null
    const d = await readDraft(r.store, draftId)
    return d && d.expiresAt > r.now().getTime() ? d : null
  }

  app.get<{ Params: { draftId: string } }>(
    ComplaintPath.phonePage,
    { schema: { hide: true } },
    async (request, reply) => {
      const d = await live(request.params.draftId)
      if (!d) return gone(reply)
      reply.header('cache-control', 'no-store')
      return reply.type('text/html; charset=utf-8').send(form(request.url, d.text ?? ''))
    },
  )

  app.post<{ Params: { draftId: string }; Body: unknown }>(
    ComplaintPath.phonePage,
    { schema: { hide: true } },
    async (request, reply) => {
      const { draftId } = request.params
      if (!(await live(draftId))) return gone(reply)
      const raw = (request.body as Record<string, unknown> | null)?.text
      const text = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : ''
      const html = reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      if (text === '') return html.code(400).send(form(request.url, '', '请先填写内容'))
      if ([...text].length > COMPLAINT_TEXT_MAX)
        return html
          .code(400)
          .send(
            form(request.url, text.slice(0, COMPLAINT_TEXT_MAX), `内容超过 ${COMPLAINT_TEXT_MAX} 字，请精简后再提交`),
          )
      if (!(await writeDraftText(r.store, draftId, text, r.now().getTime()))) return gone(reply)
      return html.send(page('已提交', '<h1>已提交</h1><p>谢谢！请回到电视上确认提交。</p>'))
    },
  )
}
export default phonePageRoutes
