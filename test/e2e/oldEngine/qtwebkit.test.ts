import { execFile } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatFen } from '../../../src/app/lib/format.ts'
import type { Stack } from '../../integration/harness.ts'
import { WKHTMLTOIMAGE_PATH } from '../../systemDeps.ts'
import { bossAccount, startTvStack, tvUrl } from '../stack.ts'
import { OUTPUT_DIR } from '../tv.ts'

// The oldest engine Debian provides: QtWebKit 5.212 (AppleWebKit/602, a 2016 WebKit: no `noModule`, no WebGL,
// ES5 function semantics) through wkhtmltoimage. index.html picks the ES5 legacy bundle there by itself, and
// Lightning falls back to canvas 2D. No remote reaches it (no WebDriver): the app is opened on the balance
// screen by its deep link, and a script in the page reports what the app shows once it is filled in.

interface Seen {
  ua: string
  route?: string
  balance?: string | null
  bundles: string[]
  errors?: string[]
  failed: boolean
}

/** Runs in the page (ES5: this engine's own syntax) until the balance is shown or 40 s passed, then logs it. */
const REPORT = `(function () {
  var started = Date.now();
  var timer = setInterval(function () {
    var h = window.__tvhall || {};
    var el = document.querySelector('[ref="BalanceValue"][texture-text]');
    var balance = el ? el.getAttribute('texture-text') : null;
    var failed = document.getElementById('boot-failure').style.display === 'block';
    if (!(balance && balance !== '--') && !failed && Date.now() - started < 40000) return;
    clearInterval(timer);
    var scripts = [].slice.call(document.getElementsByTagName('script')).map(function (s) { return s.src.replace(/^.*\\/js\\//, ''); }).filter(function (s) { return /^app\\./.test(s); });
    console.log('TVHALL ' + JSON.stringify({ ua: navigator.userAgent, route: h.route, balance: balance, bundles: scripts, errors: h.errors, failed: failed }));
    window.status = 'tvhall-done';
  }, 200);
})()`

function openInQtWebKit(url: string, png: string): Promise<Seen> {
  const args = [
    '--width',
    '1280',
    '--height',
    '720',
    '--debug-javascript',
    '--window-status',
    'tvhall-done',
    '--run-script',
    REPORT,
    url,
    png,
  ]
  return new Promise((resolve, reject) => {
    execFile(
      WKHTMLTOIMAGE_PATH,
      args,
      { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' }, timeout: 90_000 },
      (err, stdout, stderr) => {
        const out = `${stdout}${stderr}`
        const line = /TVHALL (\{.*\})/.exec(out)
        if (line) resolve(JSON.parse(line[1]) as Seen)
        else
          reject(
            new Error(
              `wkhtmltoimage: no report (${err?.message ?? 'no error'}):\n${out.replace(/\[[=> ]+\][^\n]*/g, '').slice(-3000)}`,
            ),
          )
      },
    )
  })
}

describe('the legacy bundle on the oldest WebKit Debian has (QtWebKit)', () => {
  let stack: Stack

  beforeAll(async () => {
    stack = await startTvStack()
  })
  afterAll(async () => {
    await stack?.close()
  })

  it('boots the ES5 bundle on its own and shows the household balance as the BOSS records it', async () => {
    const who = stack.bySubscriber('normal')
    const seen = await openInQtWebKit(`${tvUrl(stack, who)}#balance`, `${OUTPUT_DIR}qtwebkit-balance.png`)
    expect(seen.ua).toMatch(/AppleWebKit\/60\d/)
    expect(seen.failed).toBe(false)
    expect(seen.bundles).toEqual(['app.legacy.js'])
    expect(seen.route).toBe('balance')
    const record = await bossAccount(stack, who.customerId)
    expect((seen.balance ?? '').replace(/\u200B/g, '')).toBe(formatFen(record.balanceFen))
    expect(seen.errors).toEqual([])
  }, 120_000)
})
