import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { computeSign, signMatches, signString } from '../../../boss-stub/protocol/sign.ts'

describe('BOSS SIGN (README: HMAC-SHA256 over sorted KEY=VALUE, upper-case hex)', () => {
  const readmeFields = {
    SVC_CODE: 'ACCT_BAL_QRY',
    CHNL_ID: 'TVHALL',
    REQ_SEQ: 'TVH20261122201500123456',
    REQ_TIME: '20261122201500',
    CUST_ID: 'C00000001',
  }

  it('builds the README example sign string: HEAD + BODY fields sorted by key, joined by &', () => {
    expect(signString(readmeFields)).toBe(
      'CHNL_ID=TVHALL&CUST_ID=C00000001&REQ_SEQ=TVH20261122201500123456&REQ_TIME=20261122201500&SVC_CODE=ACCT_BAL_QRY',
    )
  })

  it('matches a digest computed outside the stub (openssl dgst -sha256 -hmac tvhall-dev-secret)', () => {
    expect(computeSign(readmeFields, 'tvhall-dev-secret')).toBe(
      '7190D313E64D1D3547F92C6756A4ABC4EBB81544ABFAB9E24B687FBDAFA14B33',
    )
  })

  it('leaves SIGN out, keeps empty values as KEY=, and sorts by byte order', () => {
    const fields = {
      STB_ID: 'STB0000000001',
      SIGN: 'ignored',
      ZONE: '',
      CARD_NO: '8100000000000001',
      SVC_CODE: 'CUST_AUTH_QRY',
      CHNL_ID: 'TVHALL',
      REQ_SEQ: 'A1',
      REQ_TIME: '20261122201500',
    }
    const text =
      'CARD_NO=8100000000000001&CHNL_ID=TVHALL&REQ_SEQ=A1&REQ_TIME=20261122201500&STB_ID=STB0000000001&SVC_CODE=CUST_AUTH_QRY&ZONE='
    expect(signString(fields)).toBe(text)
    expect(computeSign(fields, 's3cret')).toBe('71EB605A0E50FC034149459AC91F2E91BBE730242C1302472C6790DA7458177E')
  })

  it('hashes non-ASCII values as UTF-8', () => {
    const fields = { FAULT_DESC: '无信号', SVC_CODE: 'X' }
    const expected = createHmac('sha256', 'k')
      .update(Buffer.from('FAULT_DESC=无信号&SVC_CODE=X', 'utf8'))
      .digest('hex')
      .toUpperCase()
    expect(computeSign(fields, 'k')).toBe(expected)
  })

  it('accepts the right SIGN only', () => {
    const good = computeSign(readmeFields, 'tvhall-dev-secret')
    expect(signMatches(readmeFields, 'tvhall-dev-secret', good)).toBe(true)
    expect(signMatches(readmeFields, 'tvhall-dev-secret', good.toLowerCase())).toBe(false)
    expect(signMatches(readmeFields, 'other-secret', good)).toBe(false)
    expect(signMatches({ ...readmeFields, CUST_ID: 'C00000002' }, 'tvhall-dev-secret', good)).toBe(false)
    expect(signMatches(readmeFields, 'tvhall-dev-secret', 'short')).toBe(false)
  })
})
