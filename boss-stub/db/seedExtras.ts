import { readFileSync } from 'node:fs'
import type { DatabaseSync } from 'node:sqlite'
import { city } from './catalogue.ts'
import type { Rng } from './seedRandom.ts'
import type { Household } from './seedHouseholds.ts'
import { addDays } from '../protocol/time.ts'

/** Prepaid cards, repair tickets with their progress, and appointment slots for service visits. */
type ServiceData = {
  demoPrepaidCards: Array<{
    cardNo: string
    password: string
    faceValue: number
    region: string
    expiresInDays: number
    status: string
    scenario: string
  }>
  faultTypes: Array<{ code: string; name: string; desc: string }>
  ticketSteps: Record<string, string>
  slotPeriods: Array<{ code: string; name: string }>
}

export const serviceData: ServiceData = JSON.parse(
  readFileSync(new URL('../data/service-data.json', import.meta.url), 'utf8'),
) as ServiceData

const pad = (n: number): string => String(n).padStart(2, '0')
const regionOf = (r: string): string =>
  r === 'city' ? city.cityWideRegion.regionCode : r === 'other' ? city.otherRegion.regionCode : r

export function seedExtras(db: DatabaseSync, households: Household[], today: string, rng: Rng): void {
  seedPrepaidCards(db, today, rng)
  seedTickets(db, households, today, rng)
  seedSlots(db, today, rng)
}

function seedPrepaidCards(db: DatabaseSync, today: string, rng: Rng): void {
  const card = db.prepare('INSERT INTO prepaid_card VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  for (const c of serviceData.demoPrepaidCards) {
    const used = c.status === 'used'
    card.run(
      c.cardNo,
      c.password,
      c.faceValue,
      regionOf(c.region),
      addDays(today, c.expiresInDays),
      c.status,
      used ? 'C00000001' : '',
      used ? `${addDays(today, -20)}193000` : '',
      c.scenario,
    )
  }
  const taken = new Set(serviceData.demoPrepaidCards.map((c) => c.cardNo))
  for (let i = 0; i < 300; i++) {
    let no = `91${rng.digits(14)}`
    while (taken.has(no)) no = `91${rng.digits(14)}`
    taken.add(no)
    const scenario = rng.weighted([
      ['valid', 70],
      ['used', 15],
      ['expired', 10],
      ['other-region', 5],
    ])
    const region =
      scenario === 'other-region'
        ? city.otherRegion.regionCode
        : rng.chance(0.7)
          ? city.cityWideRegion.regionCode
          : rng.pick(city.districts).regionCode
    card.run(
      no,
      rng.digits(rng.int(6, 8)),
      rng.pick([5000, 10000, 20000, 30000, 50000]),
      region,
      addDays(today, scenario === 'expired' ? -rng.int(1, 200) : rng.int(30, 720)),
      scenario === 'used' ? 'used' : 'unused',
      '',
      scenario === 'used' ? `${addDays(today, -rng.int(1, 300))}${pad(rng.int(8, 21))}${pad(rng.int(0, 59))}00` : '',
      scenario,
    )
  }
}

function seedTickets(db: DatabaseSync, households: Household[], today: string, rng: Rng): void {
  const ticket = db.prepare('INSERT INTO ticket VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const step = db.prepare('INSERT INTO ticket_progress VALUES (?, ?, ?, ?, ?)')
  let n = 0
  // The normal demo household has a ticket in progress so the timeline screen always has something to show.
  const chosen = households
    .filter((h) => h.scenario === 'normal' && h.demoRank !== null)
    .concat(households.filter((h) => h.demoRank === null && rng.chance(0.12)))
  for (const h of chosen) {
    if (h.plan.payer === 'new') continue
    n++
    const ticketId = `T${today.slice(0, 6)}${String(n).padStart(5, '0')}`
    const fault = rng.pick(serviceData.faultTypes)
    const status =
      h.demoRank !== null
        ? '2'
        : rng.weighted([
            ['1', 10],
            ['2', 20],
            ['3', 10],
            ['4', 15],
            ['5', 40],
            ['6', 5],
          ])
    const path = status === '6' ? ['1', '6'] : ['1', '2', '3', '4', '5'].slice(0, Number(status))
    const opened = addDays(today, -(status === '5' || status === '6' ? rng.int(5, 300) : rng.int(0, 4)))
    const district = city.districts.find((d) => d.regionCode === h.regionCode)?.name ?? ''
    let time = `${opened}${pad(rng.int(8, 20))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}`
    const times = path.map((_, i) => (time = i === 0 ? time : bump(time, rng.int(20, 600), today)))
    ticket.run(
      ticketId,
      h.custId,
      fault.code,
      fault.desc,
      status,
      times[0],
      times[times.length - 1],
      '',
      status === '5' ? String(rng.int(3, 5)) : '',
    )
    path.forEach((s, i) =>
      step.run(ticketId, i + 1, times[i], s, serviceData.ticketSteps[s].replace('{district}', district)),
    )
  }
}

/** Moves a yyyyMMddHHmmss time forward by some minutes, never past the end of the seed day. */
function bump(time: string, minutes: number, today: string): string {
  const d = new Date(
    Date.UTC(
      +time.slice(0, 4),
      +time.slice(4, 6) - 1,
      +time.slice(6, 8),
      +time.slice(8, 10),
      +time.slice(10, 12) + minutes,
      +time.slice(12, 14),
    ),
  )
  const s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  return s.slice(0, 8) > today ? time : s
}

function seedSlots(db: DatabaseSync, today: string, rng: Rng): void {
  const slot = db.prepare('INSERT INTO appointment_slot VALUES (?, ?, ?, ?, ?, ?)')
  for (let day = 1; day <= 7; day++) {
    const date = addDays(today, day)
    for (const d of city.districts) {
      for (const p of serviceData.slotPeriods) {
        const capacity = rng.int(3, 6)
        slot.run(
          `SL${date}${d.regionCode}${p.code}`,
          d.regionCode,
          date,
          p.code,
          capacity,
          rng.chance(0.2) ? capacity : rng.int(0, capacity - 1),
        )
      }
    }
  }
}
