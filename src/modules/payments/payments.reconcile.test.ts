import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import iconv from 'iconv-lite'
import { AppError } from '../../core/errors.js'
import { CODE_ALPHABET, generatePaymentCode, normaliseForMatching } from './payments.code.js'
import {
  type CandidatePayment,
  decodeStatement,
  matchStatement,
  parseCsv,
  parseStatement,
} from './payments.reconcile.js'

const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof AppError)
    assert.equal(err.statusCode, 400)
    return err.message
  }
  assert.fail('expected a 400')
}

describe('payment codes', () => {
  it('are KM and six characters that cannot be misread', () => {
    for (let i = 0; i < 500; i++) {
      const code = generatePaymentCode()
      assert.match(code, /^KM[2-9A-HJKMNP-Z]{6}$/)
      assert.ok(!/[01OIL]/.test(code.slice(2)))
    }
    assert.ok(!/[01OIL]/.test(CODE_ALPHABET))
  })
  it('are found in a depositor name whatever its case, spaces and hyphens', () => {
    assert.ok(normaliseForMatching('홍길동 km-7f3q x9').includes('KM7F3QX9'))
  })
})

describe('statement parsing', () => {
  it('reads quoted fields, thousands separators, both date styles, CRLF and a BOM', () => {
    const ok = parseStatement(
      '\uFEFF거래일시,적요,입금액\r\n2026.11.26 14:03,"홍길동, KM7F3QX9","30,000"\r\n2026-11-27 09:00:05,김철수,15000\n',
    )
    assert.deepEqual(ok, [
      { line: 2, date: '2026-11-26T05:03:00.000Z', depositor: '홍길동, KM7F3QX9', amount: 30000 },
      { line: 3, date: '2026-11-27T00:00:05.000Z', depositor: '김철수', amount: 15000 },
    ])
  })

  it('accepts English headers in any order', () => {
    const [line] = parseStatement('Amount,Depositor,Date\n30000,KM7F3QX9,2026-11-26 10:00')
    assert.equal(line?.amount, 30000)
    assert.equal(line?.depositor, 'KM7F3QX9')
  })

  it('names the line of a malformed statement', () => {
    assert.match(
      refusal(() => parseStatement('date,depositor\n')),
      /line 1: no amount column/,
    )
    assert.match(
      refusal(() => parseStatement('date,depositor,amount\n2026-13-01 10:00,x,1')),
      /line 2/,
    )
    assert.match(
      refusal(() => parseStatement('date,depositor,amount\n2026-11-26 10:00,x,1\nyesterday,y,2')),
      /line 3/,
    )
    assert.match(
      refusal(() => parseStatement('date,depositor,amount\n2026-11-26 10:00,x,abc')),
      /line 2: "abc"/,
    )
    assert.match(
      refusal(() => parseStatement('date,depositor,amount\n2026-11-26 10:00,"x,1')),
      /not closed/,
    )
    assert.match(
      refusal(() => parseStatement('')),
      /empty/,
    )
  })

  it('keeps line numbers across quoted newlines and blank lines', () => {
    const rows = parseCsv('a,b\n"multi\nline",2\n\n3,4\n')
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 5],
    )
  })

  it('decodes CP949 as well as UTF-8', () => {
    const text = '거래일시,입금자명,입금액\n2026-11-26 10:00,홍길동KM7F3QX9,30000\n'
    assert.equal(decodeStatement(iconv.encode(text, 'cp949')), text)
    assert.equal(decodeStatement(Buffer.from(text, 'utf8')), text)
  })
})

describe('matching deposits to payments', () => {
  const payments: CandidatePayment[] = [
    { id: 'p1', code: 'KM7F3QX9', amount: 30000, state: 'pending' },
    { id: 'p2', code: 'KMAB2CD3', amount: 30000, state: 'pending' },
    { id: 'p3', code: 'KMOLDOLD', amount: 30000, state: 'expired' },
    { id: 'p4', code: 'KMDONE22', amount: 30000, state: 'verified' },
  ]
  const line = (depositor: string, amount = 30000, n = 2) => ({
    line: n,
    date: '2026-11-26T01:00:00.000Z',
    depositor,
    amount,
  })

  it('matches one payable payment with the same amount', () => {
    const [r] = matchStatement([line('홍길동 km-7f3qx9')], payments)
    assert.equal(r?.status, 'matched')
    assert.equal(r?.paymentId, 'p1')
  })

  it('flags what a person must look at', () => {
    const results = matchStatement(
      [
        line('KM7F3QX9', 25000),
        line('KM7F3QX9 KMAB2CD3'),
        line('KMOLDOLD'),
        line('KMDONE22'),
        line('KMAB2CD3', 30000, 7),
        line('KMAB2CD3', 30000, 8),
      ],
      payments,
    )
    assert.deepEqual(
      results.map((r) => [r.status, r.reason]),
      [
        ['ambiguous', 'amount differs: expected 30000'],
        ['ambiguous', '2 payments match this depositor name'],
        ['ambiguous', 'late deposit for an expired payment'],
        ['ambiguous', 'the payment is already verified'],
        ['matched', undefined],
        ['ambiguous', 'the same payment matched line 7'],
      ],
    )
  })

  it('leaves deposits without a code, and withdrawals, unmatched', () => {
    assert.deepEqual(
      matchStatement([line('김철수'), line('KM7F3QX9', 0)], payments).map((r) => r.status),
      ['unmatched', 'unmatched'],
    )
  })
})
