import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { spreadsheetSafe, spreadsheetSafeDeep, toCsv } from './spreadsheet.js'

describe('spreadsheet-safe text', () => {
  it('prefixes text a spreadsheet would run as a formula, and leaves the rest alone', () => {
    for (const formula of [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ]) {
      assert.equal(spreadsheetSafe(formula), `'${formula}`)
    }
    for (const text of ['홍길동 KM4F7Q', 'a=b', '010-1234', '', "'already"])
      assert.equal(spreadsheetSafe(text), text)
    assert.deepEqual(spreadsheetSafeDeep({ a: ['=1', 2, null], b: { c: '@x' }, d: true }), {
      a: ["'=1", 2, null],
      b: { c: "'@x" },
      d: true,
    })
  })

  it('writes CSV with quoted cells, CRLF, a BOM, and no live formula', () => {
    const csv = toCsv(
      ['name', 'amount'],
      [
        ['=HYPERLINK("http://evil.example","click")', 30000],
        ['홍길동, KM4F7Q', -5],
        [null, undefined],
      ],
    )
    assert.equal(
      csv,
      '\uFEFFname,amount\r\n"\'=HYPERLINK(""http://evil.example"",""click"")",30000\r\n"홍길동, KM4F7Q",-5\r\n,\r\n',
    )
  })
})
