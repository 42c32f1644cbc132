/**
 * The operator's hotline number, for the screens that send a stuck viewer there (a forgotten PIN). Asked
 * once from the service information and kept; null until known or when it cannot be had (the screen
 * then names the hotline without the number rather than waiting for it).
 */
import { ServiceInfoPath as PATH } from '../../contract/apiPath.ts'
import type { ServiceInfo } from '../../contract/index.ts'
import { api } from './backend.ts'

let number: string | null = null
let asking: Promise<string | null> | null = null

export function hotlineNumber(): Promise<string | null> {
  if (number) return Promise.resolve(number)
  if (!asking) {
    asking = api()
      .get<ServiceInfo>(PATH.serviceInfo)
      .then((info) => (number = info.hotline.number))
      .catch(() => null)
      .then((n) => {
        asking = null
        return n
      })
  }
  return asking
}
