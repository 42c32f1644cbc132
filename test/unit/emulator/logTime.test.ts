import { describe, expect, it } from 'vitest'
import { logTime, zoneLabel } from '../../../src/emulator/logTime.ts'
import { problemText } from '../../../src/emulator/health.ts'

describe('emulator key log times', () => {
  it('say their zone as an offset from UTC', () => {
    expect(zoneLabel(-480)).toBe('UTC+08:00')
    expect(zoneLabel(0)).toBe('UTC')
    expect(zoneLabel(300)).toBe('UTC-05:00')
    expect(zoneLabel(-345)).toBe('UTC+05:45')
  })

  it('show the local clock to the millisecond, then the zone of this machine', () => {
    const d = new Date(2026, 11, 6, 9, 5, 7, 42)
    expect(logTime(d)).toBe(`09:05:07.042 ${zoneLabel(d.getTimezoneOffset())}`)
    expect(logTime(d)).toMatch(/^\d\d:\d\d:\d\d\.\d{3} UTC([+-]\d\d:\d\d)?$/)
  })
})

describe('emulator: a TV app that does not open', () => {
  it('says what to check for each cause, in both languages', () => {
    const down = problemText({ kind: 'unreachable', origin: 'http://localhost:8080' })
    expect(down.title).toContain('http://localhost:8080')
    expect(down.checks.join(' ')).toMatch(/npm start/)
    expect(problemText({ kind: 'http', status: 404, url: 'index.html' }).checks.join(' ')).toMatch(/npm run build/)
    const stuck = problemText({ kind: 'no-start', seconds: 15 })
    expect(stuck.title).toMatch(/15 s/)
    expect(stuck.checks.join(' ')).toMatch(/F12/)
    for (const t of [down, stuck]) expect(t.title).toMatch(/[\u4e00-\u9fff].*·.*[A-Za-z]/)
  })
})
