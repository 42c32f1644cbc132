/**
 * When the TV app does not open, the emulator says why in words an operator can act on (start the
 * server, build the app, look at the console), instead of a black frame or a bare error. The checks are
 * split from the page so their wording is unit-tested.
 */
import { tvHooks } from './walk.ts'

export type TvProblem =
  | { kind: 'unreachable'; origin: string }
  | { kind: 'http'; status: number; url: string }
  | { kind: 'no-start'; seconds: number }
  | { kind: 'emulator'; detail: string }

export interface ProblemText {
  title: string
  checks: string[]
}

/** What went wrong and what to check, in both languages (operators read either). */
export function problemText(p: TvProblem): ProblemText {
  switch (p.kind) {
    case 'unreachable':
      return {
        title: `连不上服务器 ${p.origin} · Cannot reach the server`,
        checks: [
          '服务器是否还在运行？真实后台：npm start；仅模拟数据：npm run preview · Is the server still running (npm start, or npm run preview for mocks)?',
          '地址和端口是否与启动时打印的一致 · Does the address match the link the launcher printed?',
        ],
      }
    case 'http':
      return {
        title: `电视应用打不开（HTTP ${p.status}） · The TV app answered HTTP ${p.status}`,
        checks:
          p.status === 404
            ? [
                '应用还没有构建：运行 npm run build，dist/ 里要有 index.html · The app is not built: run npm run build (dist/index.html)',
              ]
            : ['看服务器的日志 · See the server log', `地址 Address: ${p.url}`],
      }
    case 'no-start':
      return {
        title: `电视应用 ${p.seconds} 秒内没有启动 · The TV app did not start within ${p.seconds} s`,
        checks: [
          '按 F12 看浏览器控制台的报错 · Open the browser console (F12) for the error',
          'settings.json 是否有效（JSON 格式） · Is settings.json valid JSON?',
          '真实后台：BFF 是否回答 /api/v1/health · Live data: does the BFF answer /api/v1/health?',
          '点「重启」再试 · Press Restart to try again',
        ],
      }
    case 'emulator':
      return {
        title: '模拟器没能启动 · The emulator could not start',
        checks: [
          '服务器是否还在运行（npm start 或 npm run preview） · Is the server still running (npm start or npm run preview)?',
          '应用是否已构建（npm run build） · Is the app built (npm run build)?',
          `详情 Detail: ${p.detail}`,
        ],
      }
  }
}

/** Asks for the TV app's address itself: a server that is down, or an app never built, is told apart. */
export async function probeTvUrl(url: string, origin: string): Promise<TvProblem | null> {
  try {
    const res = await fetch(url, { cache: 'no-store' })
    return res.ok ? null : { kind: 'http', status: res.status, url }
  } catch {
    return { kind: 'unreachable', origin }
  }
}

export const START_TIMEOUT_S = 15

/** The app at this address reported a screen. The route of the app a load replaces does not count, nor the browser's error page (another origin). */
function started(w: Window | null, address: string): boolean {
  try {
    return !!w && w.location.href.split('#')[0].split('?')[0] === address.split('?')[0] && !!tvHooks(w)?.route
  } catch {
    return false
  }
}

/**
 * Watches one load of the TV: the address first, then whether the app reports a route within the time
 * limit. `show(null)` clears a problem shown before. Returns a function that stops watching (a newer load).
 */
export function watchTvStart(
  url: string,
  win: () => Window | null,
  show: (p: TvProblem | null) => void,
  timeoutS = START_TIMEOUT_S,
): () => void {
  let stopped = false
  show(null)
  const origin = new URL(url, window.location.href).origin
  // probeTvUrl never rejects: an unreachable address is one of the problems it answers.
  void probeTvUrl(url, origin).then((problem) => {
    if (stopped) return
    if (problem) return show(problem)
    const until = Date.now() + timeoutS * 1000
    const address = new URL(url, window.location.href).href
    const tick = () => {
      if (stopped) return
      if (started(win(), address)) return
      if (Date.now() > until) return show({ kind: 'no-start', seconds: timeoutS })
      setTimeout(tick, 250)
    }
    tick()
  })
  return () => {
    stopped = true
  }
}

/** The message over the TV frame (a DOM list, so text never becomes markup). */
export function renderProblem(host: HTMLElement, p: TvProblem | null): void {
  host.hidden = p === null
  if (!p) return host.replaceChildren()
  const text = problemText(p)
  const title = document.createElement('h2')
  title.textContent = text.title
  const list = document.createElement('ul')
  for (const c of text.checks) {
    const li = document.createElement('li')
    li.textContent = c
    list.append(li)
  }
  host.dataset.kind = p.kind
  host.replaceChildren(title, list)
}
