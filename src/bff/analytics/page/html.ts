import { readFileSync } from 'node:fs'

/** The operator's report page; its inline <style> is allowed by hash in the BFF's CSP (../../csp.ts). */
export const OPERATOR_PAGE_HTML = readFileSync(new URL('usage.html', import.meta.url), 'utf8')
