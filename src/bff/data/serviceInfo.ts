import { readFileSync } from 'node:fs'
import { Value } from '@sinclair/typebox/value'
import { ServiceInfo } from '../../contract/index.ts'

/**
 * 业务咨询 content: operator-edited JSON checked against the contract's schema (and for repeated ids)
 * when the BFF starts, so a bad edit stops the start-up with a message instead of a broken help page.
 */
export const SERVICE_INFO_FILE = new URL('./service-info.json', import.meta.url)

/** Problems the schema cannot see: the same id twice, where the TV uses ids as keys. */
export function serviceInfoProblems(info: ServiceInfo): string[] {
  const problems: string[] = []
  const dupes = (ids: string[], what: string) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what} id "${id}" appears twice`)
      seen.add(id)
    }
  }
  dupes(
    info.faqTopics.map((t) => t.id),
    'FAQ topic',
  )
  for (const t of info.faqTopics)
    dupes(
      t.entries.map((e) => e.id),
      `FAQ entry in ${t.id}:`,
    )
  dupes(
    info.servicePoints.map((p) => p.id),
    'service point',
  )
  return problems
}

export function parseServiceInfo(value: unknown, source = SERVICE_INFO_FILE.pathname): ServiceInfo {
  if (!Value.Check(ServiceInfo, value)) {
    const problems = [...Value.Errors(ServiceInfo, value)].slice(0, 10).map((e) => `${e.path || '/'} ${e.message}`)
    throw new Error(`${source} does not match its schema: ${problems.join('; ')}`)
  }
  const problems = serviceInfoProblems(value)
  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`)
  return value
}

export function loadServiceInfo(file: URL = SERVICE_INFO_FILE): ServiceInfo {
  return parseServiceInfo(JSON.parse(readFileSync(file, 'utf8')), file.pathname)
}
