import { appendFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'

/** One answer of a tabled route as the conformance check reads it (test/conformance/answers.ts). */
interface AnswerRecord {
  method: string
  route: string
  status: number
  contentType: unknown
  retryAfter: unknown
  /** The body as sent ('' for none), null when it was not text. */
  body: string | null
}

/**
 * Tests only: the distinct answers of a BFF, written down for the conformance check. Nothing is written in the
 * request path: answers wait in memory and go to the file in one append a moment after the last one (and when the
 * BFF closes), so a suite that times keys against the BFF (e2e) sees the same BFF with the log on as off.
 */
export class AnswerLog {
  private readonly seen = new Set<string>()
  private pending: AnswerRecord[] = []
  private timer: NodeJS.Timeout | undefined
  private written: Promise<void> = Promise.resolve()
  private readonly file: string
  private readonly delayMs: number

  constructor(file: string, delayMs = 200) {
    this.file = file
    this.delayMs = delayMs
  }

  /** Keeps the answer for the next write; nothing else happens here, in the request path. */
  add(answer: AnswerRecord): void {
    this.pending.push(answer)
    // Unref'd: a pending write never holds a process open; close() writes what is left.
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref()
  }

  /**
   * Appends what is pending, each distinct answer once (a burst of identical 429s is one line to check);
   * resolves once everything added so far is in the file.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    let chunk = ''
    for (const answer of this.pending) {
      const line = JSON.stringify(answer)
      const digest = createHash('sha1').update(line).digest('base64')
      if (this.seen.has(digest)) continue
      this.seen.add(digest)
      chunk += `${line}\n`
    }
    this.pending = []
    if (chunk !== '') {
      // One append after the other, so lines are never interleaved or reordered; a failed write loses only its lines.
      this.written = this.written.then(() => appendFile(this.file, chunk)).catch(() => undefined)
    }
    return this.written
  }
}
