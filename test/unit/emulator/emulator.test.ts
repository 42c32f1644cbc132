import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { keyCodes } from '../../../src/emulator/keys.ts'
import { decodeSubscribers, emulatorLink } from '../../../src/emulator/link.ts'
import { DEFAULTS, loadSettings, shotName, tvAppUrl } from '../../../src/emulator/settings.ts'

const root = new URL('../../../', import.meta.url).pathname
const appKeys = (
  JSON.parse(readFileSync(`${root}settings.json`, 'utf8')) as { appSettings: { keys: Record<string, string> } }
).appSettings.keys

describe('emulator settings', () => {
  it('reads a shared link and turns it into the TV app address', () => {
    const s = loadSettings('?res=1080&lang=en&source=arrears&deviceId=STB1&cardNo=8100&safe=1&inspector=1')
    expect(s).toEqual({
      res: '1080',
      lang: 'en',
      source: 'arrears',
      deviceId: 'STB1',
      cardNo: '8100',
      deviceKey: '',
      safe: true,
      inspector: true,
    })
    const q = new URLSearchParams(tvAppUrl(s).split('?')[1])
    expect(Object.fromEntries(q)).toEqual({
      mock: 'arrears',
      deviceId: 'STB1',
      cardNo: '8100',
      lang: 'en',
      res: '1080',
      inspector: '1',
    })
  })

  it('live data means no mock, 720p means no res parameter; unknown values fall back', () => {
    const s = loadSettings('?res=4k&source=live')
    expect(s.res).toBe(DEFAULTS.res)
    expect(tvAppUrl(s)).not.toMatch(/mock=|res=|inspector=/)
  })

  it('names pictures after screen and settings, safe for file systems', () => {
    expect(shotName({ ...DEFAULTS, source: 'boss-down' }, 'repair/tickets')).toBe(
      'tvhall_repair-tickets_boss-down_720p_zh-CN.png',
    )
  })
})

describe('emulator remote', () => {
  it('sends the keyCodes the app maps, the box-usual one first', () => {
    const codes = keyCodes(appKeys)
    expect([codes.get('Up'), codes.get('Down'), codes.get('Left'), codes.get('Right')]).toEqual([38, 40, 37, 39])
    expect([codes.get('Enter'), codes.get('Back'), codes.get('Home')]).toEqual([13, 8, 36])
    expect([codes.get('Red'), codes.get('Green'), codes.get('Yellow'), codes.get('Blue')]).toEqual([403, 404, 405, 406])
    expect(codes.get('Digit0')).toBe(48)
    expect(codes.get('Digit9')).toBe(57)
    for (const [name, code] of codes) expect(appKeys[String(code)]).toBe(name)
  })

  it('uses a code the app maps when the usual one is not', () => {
    expect(keyCodes({ '461': 'Back', '406': 'Red' }).get('Back')).toBe(461)
  })
})

describe('emulator link', () => {
  it('carries the live subscribers through the URL', () => {
    const subs = [
      { deviceId: 'STB0000000001', cardNo: '8100000000000001', scenario: 'normal', name: '张建国' },
      { deviceId: 'STB0000000002', cardNo: '8100000000000002', scenario: 'low-balance', name: 'A. B*C' },
    ]
    const url = new URL(emulatorLink('http://localhost:8080/', subs, { source: 'live' }))
    expect(url.pathname).toBe('/emulator.html')
    expect(url.searchParams.get('source')).toBe('live')
    expect(decodeSubscribers(url.searchParams.get('subs'))).toEqual([subs[0], { ...subs[1], name: 'A  B C' }])
  })
})

describe('emulator stays out of the TV bundle', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    )

  it('no TV app source imports it', () => {
    const offenders = files(`${root}src/app`).filter((f) => /from ['"][^'"]*emulator/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })

  it.skipIf(!existsSync(`${root}dist/js/app.modern.js`))('the built TV bundles do not contain it', () => {
    for (const bundle of ['app.modern.js', 'app.legacy.js']) {
      const path = `${root}dist/js/${bundle}`
      if (existsSync(path)) expect(readFileSync(path, 'utf8')).not.toContain('tvhall.emulator.settings')
    }
    expect(readFileSync(`${root}dist/js/emulator.js`, 'utf8')).toContain('tvhall.emulator.settings')
  })
})
