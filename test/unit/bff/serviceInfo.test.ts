import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadServiceInfo, parseServiceInfo, SERVICE_INFO_FILE } from '../../../src/bff/data/serviceInfo.ts'

const raw = () => JSON.parse(readFileSync(SERVICE_INFO_FILE, 'utf8'))

describe('service information content (src/bff/data/service-info.json)', () => {
  it('matches its schema: the five FAQ topics, service points with map links, the hotline, all in zh-CN and en', () => {
    const info = loadServiceInfo()
    expect(info.faqTopics.map((t) => t.id)).toEqual(['tariffs', 'order-cancel', 'moving', 'suspension', 'fees'])
    for (const p of info.servicePoints) expect(p.mapUrl).toMatch(/^https?:\/\//)
  })

  it('refuses an edit that drops a language', () => {
    const info = raw()
    delete info.faqTopics[0].entries[0].answer.en
    expect(() => parseServiceInfo(info)).toThrow(/answer/)
  })

  it('refuses the same id twice', () => {
    const info = raw()
    info.servicePoints.push(info.servicePoints[0])
    expect(() => parseServiceInfo(info)).toThrow(/appears twice/)
  })

  it('refuses a map link that is not a web address', () => {
    const info = raw()
    info.servicePoints[0].mapUrl = 'javascript:alert(1)'
    expect(() => parseServiceInfo(info)).toThrow(/mapUrl/)
  })
})
