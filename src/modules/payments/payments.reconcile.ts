import { badRequest } from '../../core/errors.js'
import { hasControlCharacters } from '../../core/http/schemas.js'
import { normaliseForMatching } from './payments.code.js'

/**
 * Bank-statement reconciliation: decode (UTF-8 or CP949), parse the CSV, and match each deposit
 * to a payment by the code in its depositor name.
 */

export interface StatementLine {
  /** 1-based line number in the file (the header is line 1). */
  line: number
  /** ISO-8601 instant (the statement is in KST). */
  date: string
  depositor: string
  amount: number
}

const COLUMNS = {
  date: ['date', '거래일시', '거래일자', '일시', '거래일'],
  depositor: ['depositor', '입금자명', '입금자', '적요', '내용', '보낸분'],
  amount: ['amount', '입금액', '입금금액', '맡기신금액', '금액'],
} as const

/** UTF-8 (with or without BOM) when it decodes cleanly, else CP949, the usual Korean bank export. */
export function decodeStatement(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // WHATWG "euc-kr" is Windows code page 949 (UHC), a superset of EUC-KR.
    return new TextDecoder('euc-kr').decode(bytes)
  }
}

/** Deposit lines a statement may have (a day of a busy account is a few hundred). */
export const MAX_STATEMENT_LINES = 10_000

const tooLong = () =>
  badRequest('INVALID_STATEMENT', `At most ${MAX_STATEMENT_LINES.toLocaleString('en')} lines per statement`)

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows with their line numbers; stops
 * with a 400 as soon as there are more than `maxRows` (a file of millions of short lines fits the
 * size limit, and is refused without being read to the end).
 */
export function parseCsv(
  text: string,
  maxRows = Number.POSITIVE_INFINITY,
): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells })
      if (rows.length > maxRows) throw tooLong()
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += ch
  }
  if (quoted) throw badRequest('INVALID_STATEMENT', `line ${rowLine}: a quoted field is not closed`)
  cells.push(cell)
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells })
  if (rows.length > maxRows) throw tooLong()
  return rows
}

const DATE = /^(\d{4})[-.](\d{2})[-.](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

function parseKstDate(raw: string, line: number): string {
  const m = DATE.exec(raw.trim())
  if (!m)
    throw badRequest(
      'INVALID_STATEMENT',
      `line ${line}: "${raw.slice(0, 40)}" is not a date (YYYY-MM-DD HH:mm[:ss])`,
    )
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
  const sec = m[6] === undefined ? 0 : Number(m[6])
  const utc = Date.UTC(y, mo - 1, d, h - 9, mi, sec)
  const check = new Date(utc + 9 * 3600_000)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    throw badRequest('INVALID_STATEMENT', `line ${line}: "${raw.slice(0, 40)}" is not a valid date`)
  }
  return new Date(utc).toISOString()
}

function parseAmount(raw: string, line: number): number {
  const cleaned = raw.trim().replace(/[,\s원₩]/g, '')
  if (cleaned === '' || cleaned === '-') return 0
  if (!/^\d{1,12}$/.test(cleaned)) {
    throw badRequest('INVALID_STATEMENT', `line ${line}: "${raw.slice(0, 40)}" is not an amount`)
  }
  return Number(cleaned)
}

/** Reads the statement's header and deposit lines; a malformed statement is a 400 naming the line. */
export function parseStatement(text: string): StatementLine[] {
  // The header and the deposit lines.
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), MAX_STATEMENT_LINES + 1)
  const header = rows[0]
  if (!header) throw badRequest('INVALID_STATEMENT', 'The statement is empty')
  const names = header.cells.map((c) => c.trim().toLowerCase())
  const column = (kind: keyof typeof COLUMNS) => {
    const index = names.findIndex((n) => (COLUMNS[kind] as readonly string[]).includes(n))
    if (index < 0) {
      throw badRequest(
        'INVALID_STATEMENT',
        `line ${header.line}: no ${kind} column (one of ${COLUMNS[kind].join(', ')})`,
      )
    }
    return index
  }
  const at = { date: column('date'), depositor: column('depositor'), amount: column('amount') }
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length < names.length) {
      throw badRequest(
        'INVALID_STATEMENT',
        `line ${line}: ${cells.length} columns, the header has ${names.length}`,
      )
    }
    const depositor = (cells[at.depositor] ?? '').trim().slice(0, 100)
    // As in every text field of the API: a NUL cannot even be stored.
    if (hasControlCharacters(depositor)) {
      throw badRequest('INVALID_STATEMENT', `line ${line}: the depositor name contains control characters`)
    }
    return {
      line,
      date: parseKstDate(cells[at.date] ?? '', line),
      depositor,
      amount: parseAmount(cells[at.amount] ?? '', line),
    }
  })
}

export interface CandidatePayment {
  id: string
  code: string
  amount: number
  /** pending (still payable), expired, or verified. */
  state: 'pending' | 'expired' | 'verified'
}

export type LineResult = StatementLine & {
  status: 'matched' | 'ambiguous' | 'unmatched'
  paymentId?: string
  reason?: string
}

/**
 * matched: exactly one payable payment whose code is in the depositor name, with the same amount.
 * ambiguous: several candidates, a different amount, a payment already matched or verified, or the
 * code of an expired payment (a late deposit someone should look at). unmatched: no code found.
 */
export function matchStatement(lines: StatementLine[], payments: CandidatePayment[]): LineResult[] {
  const claimed = new Map<string, number>()
  return lines.map((l) => {
    if (l.amount <= 0) return { ...l, status: 'unmatched', reason: 'not a deposit' }
    const name = normaliseForMatching(l.depositor)
    const found = payments.filter((p) => name.includes(p.code))
    const payable = found.filter((p) => p.state === 'pending')
    if (found.length === 0)
      return { ...l, status: 'unmatched', reason: 'no payment code in the depositor name' }
    if (payable.length > 1 || found.length > 1) {
      return { ...l, status: 'ambiguous', reason: `${found.length} payments match this depositor name` }
    }
    const p = found[0] as CandidatePayment
    if (p.state === 'expired') {
      return { ...l, status: 'ambiguous', paymentId: p.id, reason: 'late deposit for an expired payment' }
    }
    if (p.state === 'verified') {
      return { ...l, status: 'ambiguous', paymentId: p.id, reason: 'the payment is already verified' }
    }
    if (p.amount !== l.amount) {
      return { ...l, status: 'ambiguous', paymentId: p.id, reason: `amount differs: expected ${p.amount}` }
    }
    const earlier = claimed.get(p.id)
    if (earlier !== undefined) {
      return {
        ...l,
        status: 'ambiguous',
        paymentId: p.id,
        reason: `the same payment matched line ${earlier}`,
      }
    }
    claimed.set(p.id, l.line)
    return { ...l, status: 'matched', paymentId: p.id }
  })
}
