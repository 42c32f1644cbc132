/** Opening the box's session with the BFF, shared by the boot screen and the error screen's Retry. */
import { Router } from '@lightningjs/sdk'
import { ApiError } from './api.ts'
import { api, boxIdentity } from './backend.ts'

let resumed = false

export function startSession(): Promise<void> {
  if (!boxIdentity()) return Promise.reject(new ApiError('DEVICE_UNKNOWN', 'no STB id / smart card number'))
  return api()
    .openSession()
    .then(() => undefined)
}

/** After the first successful session: the deep-linked route (or home) the first time, home after that. */
export function enterHall(): void {
  if (!resumed) {
    resumed = true
    Router.resume()
  } else {
    Router.navigate('home')
  }
}
