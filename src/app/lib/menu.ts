/** The home menu, in the order viewers look for things: money first, then services. */
import type { MenuEntry } from '../components/MenuTile.ts'

export const MENU_ROWS: MenuEntry[][] = [
  [
    { route: 'balance', ref: 'BalanceTile', label: 'menu.balance', hint: 'menu.balance.hint', glyph: '¥' },
    { route: 'bills', ref: 'BillsTile', label: 'menu.bills', hint: 'menu.bills.hint', glyph: '≡' },
    { route: 'topup', ref: 'TopupTile', label: 'menu.topup', hint: 'menu.topup.hint', glyph: '+' },
    { route: 'packages', ref: 'PackagesTile', label: 'menu.packages', hint: 'menu.packages.hint', glyph: '▦' },
  ],
  [
    { route: 'repair', ref: 'RepairTile', label: 'menu.repair', hint: 'menu.repair.hint', glyph: '⚒' },
    { route: 'messages', ref: 'MessagesTile', label: 'menu.messages', hint: 'menu.messages.hint', glyph: '✉' },
    { route: 'help', ref: 'HelpTile', label: 'menu.help', hint: 'menu.help.hint', glyph: '?' },
    { route: 'settings', ref: 'SettingsTile', label: 'menu.settings', hint: 'menu.settings.hint', glyph: '⚙' },
  ],
]

// Digit shortcuts follow reading order: 1 is the first tile, 7 the last.
let digit = 0
for (const row of MENU_ROWS) for (const e of row) e.digit = ++digit

export function menuByDigit(d: number): MenuEntry | undefined {
  for (const row of MENU_ROWS) for (const e of row) if (e.digit === d) return e
  return undefined
}

export function menuEntry(route: string): MenuEntry | undefined {
  for (const row of MENU_ROWS) for (const e of row) if (e.route === route) return e
  return undefined
}
