import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { VerifiedTokens } from '../../../src/bff/plugins/verifiedTokens.ts'

/** A verifier that counts its calls and refuses any token not in `good` (exp: seconds, as in a JWT). */
function verifier(good: Record<string, number>) {
  const calls: string[] = []
  const verify = (token: string) => {
    calls.push(token)
    const exp = good[token]
    if (exp === undefined) throw new Error('bad signature')
    return { exp, sub: token }
  }
  return { verify, calls }
}

describe('VerifiedTokens', () => {
  it('verifies a token once while it is good, and only that exact string', () => {
    const far = Date.now() / 1000 + 3600
    const { verify, calls } = verifier({ 'eyJ.a.sig': far, 'eyJ.a.siG': far })
    const tokens = new VerifiedTokens(verify, { max: 10, maxAgeMs: 60_000 })
    expect(tokens.check('eyJ.a.sig').sub).toBe('eyJ.a.sig')
    expect(tokens.check('eyJ.a.sig').sub).toBe('eyJ.a.sig')
    expect(calls).toEqual(['eyJ.a.sig'])
    // One character off is another token: verified on its own.
    expect(tokens.check('eyJ.a.siG').sub).toBe('eyJ.a.siG')
    expect(calls).toEqual(['eyJ.a.sig', 'eyJ.a.siG'])
  })

  it('keeps nothing for a refused token: every try is verified (and refused) again', () => {
    const { verify, calls } = verifier({})
    const tokens = new VerifiedTokens(verify, { max: 10, maxAgeMs: 60_000 })
    expect(() => tokens.check('forged')).toThrow('bad signature')
    expect(() => tokens.check('forged')).toThrow('bad signature')
    expect(calls).toEqual(['forged', 'forged'])
  })

  it("forgets a token at its exp, so the verifier's own refusal (TOKEN_EXPIRED) answers from then on", async () => {
    const soon = Date.now() / 1000 + 0.05
    const { verify, calls } = verifier({ short: soon })
    const tokens = new VerifiedTokens(verify, { max: 10, maxAgeMs: 60_000 })
    tokens.check('short')
    tokens.check('short')
    expect(calls).toHaveLength(1)
    await sleep(120)
    tokens.check('short')
    expect(calls).toHaveLength(2)
  })

  it('keeps a token no longer than maxAgeMs even if its exp is later', async () => {
    const { verify, calls } = verifier({ long: Date.now() / 1000 + 3600 })
    const tokens = new VerifiedTokens(verify, { max: 10, maxAgeMs: 50 })
    tokens.check('long')
    await sleep(120)
    tokens.check('long')
    expect(calls).toHaveLength(2)
  })
})
