/**
 * Which key flow a screen belongs to and which step it is, in one table, so flows are followed from the
 * Router's one hook instead of code in every page. A neutral screen (a menu between flows) neither moves
 * nor ends the open flow.
 */
import type { UsageFlow } from '../../contract/index.ts'

export interface ScreenStep {
  flow: UsageFlow
  step: string
  neutral?: boolean
  product?: string
  method?: string
  symptom?: string
  category?: string
}

type Params = Record<string, string>

const TABLE: Record<string, (p: Params) => Omit<ScreenStep, 'flow'> & { flow: UsageFlow }> = {
  packages: () => ({ flow: 'order', step: 'catalogue' }),
  'packages/:productId': (p) => ({ flow: 'order', step: 'detail', product: p.productId }),
  'order/:productId/:periodMonths': (p) => ({ flow: 'order', step: 'confirm', product: p.productId }),
  topup: () => ({ flow: 'topup', step: 'method' }),
  'topup/card': () => ({ flow: 'topup', step: 'card', method: 'card' }),
  'topup/qr': () => ({ flow: 'topup', step: 'qr', method: 'qr' }),
  'topup/result/:topupId': () => ({ flow: 'topup', step: 'result' }),
  // The repair menu leads to self-help, a ticket or a complaint: it starts none of them.
  repair: () => ({ flow: 'fault', step: 'menu', neutral: true }),
  'repair/symptom/:symptomId': (p) => ({ flow: 'fault', step: 'checks', symptom: p.symptomId }),
  'repair/code': () => ({ flow: 'fault', step: 'code' }),
  'repair/report/:category': (p) => ({ flow: 'fault', step: 'form', category: p.category }),
  'repair/complaint': () => ({ flow: 'complaint', step: 'form' }),
}

export function flowOfScreen(path: string, params: Params): ScreenStep | null {
  const entry = TABLE[path]
  return entry ? entry(params) : null
}

/** A route's parameters from its pattern and the hash it matched (`packages/:productId` + `packages/P_OPERA`). */
export function routeParams(path: string, hash: string): Params {
  const names = path.split('/')
  const values = hash
    .replace(/^#?\/?/, '')
    .split('?')[0]
    .split('/')
  const params: Params = {}
  names.forEach((n, i) => {
    if (n.charAt(0) === ':' && values[i] !== undefined) {
      try {
        params[n.slice(1)] = decodeURIComponent(values[i])
      } catch {
        params[n.slice(1)] = values[i]
      }
    }
  })
  return params
}
