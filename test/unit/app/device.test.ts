import { describe, expect, it } from 'vitest'
import { identityFromQuery, resolveIdentity } from '../../../src/app/lib/device.ts'

describe('box identity', () => {
  it('reads deviceId and cardNo from the URL in the emulator', () => {
    expect(identityFromQuery('?deviceId=STB0001&cardNo=8100000000000001&mock=normal')).toEqual({
      deviceId: 'STB0001',
      cardNo: '8100000000000001',
      deviceKey: '',
    })
    const key = 'ab'.repeat(32)
    expect(identityFromQuery(`?deviceId=STB0001&cardNo=8100000000000001&deviceKey=${key}`)?.deviceKey).toBe(key)
    expect(identityFromQuery('?deviceId=STB0001&cardNo=8100000000000001&deviceKey=xyz')?.deviceKey).toBe('')
  })

  it('rejects malformed values instead of sending them to the BFF', () => {
    expect(identityFromQuery('?deviceId=STB0001&cardNo=81000')).toBeNull()
    expect(identityFromQuery('?deviceId=a%20b&cardNo=8100000000000001')).toBeNull()
    expect(identityFromQuery('')).toBeNull()
  })

  it('prefers what the platform says over the address bar', () => {
    const platform = { deviceId: 'STBREAL01', cardNo: '8100 0000 0000 0009' }
    expect(resolveIdentity(platform, undefined, '?deviceId=STB0001&cardNo=8100000000000001')).toEqual({
      deviceId: 'STBREAL01',
      cardNo: '8100000000000009',
      deviceKey: '',
    })
    const bridge = { getIdentity: () => ({ deviceId: 'STBBRIDGE', cardNo: '8100000000000007' }) }
    expect(resolveIdentity(undefined, bridge, '')).toEqual({
      deviceId: 'STBBRIDGE',
      cardNo: '8100000000000007',
      deviceKey: '',
    })
    expect(resolveIdentity({}, undefined, '?deviceId=STB0001&cardNo=8100000000000001')).toEqual({
      deviceId: 'STB0001',
      cardNo: '8100000000000001',
      deviceKey: '',
    })
  })
})
