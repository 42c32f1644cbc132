import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * Debian packages the tests need on the machine. Test tools may not download browsers here,
 * so `npm test` installs Debian's own when it is allowed to (root with apt-get), and otherwise
 * stops with the command to run.
 */
export interface SystemDep {
  pkg: string
  present: () => boolean
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** WPE WebKit, the engine of RDK-style boxes: cog is its launcher, WPEWebDriver drives it (test/e2e/wpe). */
export const COG_PATH = process.env.COG_PATH ?? '/usr/bin/cog'
export const WPE_WEBDRIVER_PATH = process.env.WPE_WEBDRIVER_PATH ?? '/usr/bin/WPEWebDriver'
/** QtWebKit (a 2016 WebKit), the oldest engine Debian ships, for the legacy bundle (test/e2e/oldEngine). */
export const WKHTMLTOIMAGE_PATH = process.env.WKHTMLTOIMAGE_PATH ?? '/usr/bin/wkhtmltoimage'

export const systemDeps: SystemDep[] = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM_PATH) },
  {
    pkg: 'fonts-noto-cjk',
    present: () => has('fc-list') && /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' })),
  },
  { pkg: 'redis-server', present: () => has('redis-server') },
  { pkg: 'cog', present: () => existsSync(COG_PATH) },
  { pkg: 'wpewebkit-driver', present: () => existsSync(WPE_WEBDRIVER_PATH) },
  { pkg: 'wkhtmltopdf', present: () => existsSync(WKHTMLTOIMAGE_PATH) },
]

export function ensureSystemDeps(deps: SystemDep[] = systemDeps): void {
  const missing = deps.filter((d) => !d.present()).map((d) => d.pkg)
  if (missing.length === 0) return
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`
  const canInstall = process.getuid?.() === 0 && has('apt-get') && process.env.TVHALL_NO_APT !== '1'
  if (!canInstall) {
    console.error(`Missing system packages: ${missing.join(', ')}.\nInstall them first (as root): ${command}`)
    process.exit(2)
  }
  console.log(`Installing system packages: ${missing.join(', ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed. Run by hand: ${command}`)
      process.exit(2)
    }
  }
  const still = deps.filter((d) => !d.present()).map((d) => d.pkg)
  if (still.length) {
    console.error(`Still missing after install: ${still.join(', ')}`)
    process.exit(2)
  }
}
