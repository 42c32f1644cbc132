/** The one BFF client of the app, set up from settings.json and the box's identity. */
import { appText, sdkSettings } from './sdk.ts'
import { createApiClient, type TvHallApi } from './api.ts'
import { platformDeviceOf, resolveIdentity, type BoxIdentity } from './device.ts'
import './hostWindow.ts'
import { watchApi } from './usageHall.ts'
import { rememberHousehold } from './household.ts'

let client: TvHallApi | null = null
let identity: BoxIdentity | null = null

export function boxIdentity(): BoxIdentity | null {
  if (!identity) {
    const platformDevice = platformDeviceOf(sdkSettings().get('platform', 'device'))
    identity = resolveIdentity(platformDevice, window.tvHallPlatform, window.location.search)
  }
  return identity
}

export function api(): TvHallApi {
  if (!client) {
    const watched = watchApi(
      createApiClient({
        baseUrl: appText('bffUrl'),
        identity: () => {
          const id = boxIdentity()
          if (!id) throw new Error('box identity unknown')
          return id
        },
      }),
    )
    // Every account answer also names the household for the page header.
    client = { ...watched, getAccount: () => watched.getAccount().then((a) => (rememberHousehold(a), a)) }
  }
  return client
}
