/**
 * Text that operators paste or export into a spreadsheet stays text there. A cell that starts with
 * `=`, `+`, `-` or `@` (or a tab or carriage return before one) is run as a formula by Excel, Sheets
 * and LibreOffice, so such text gets a leading `'` (OWASP's advice for CSV injection): a depositor name
 * of `=HYPERLINK("http://evil.example","click")` reads as exactly that, never as a link.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Every string inside a JSON value, made spreadsheet-safe (the answers of the operator routes). */
export function spreadsheetSafeDeep(value: unknown): unknown {
  if (typeof value === 'string') return spreadsheetSafe(value)
  if (Array.isArray(value)) return value.map(spreadsheetSafeDeep)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spreadsheetSafeDeep(v)]))
  }
  return value
}

export type CsvCell = string | number | boolean | null | undefined

/**
 * RFC 4180 CSV with every text cell spreadsheet-safe, CRLF line ends and a UTF-8 byte-order mark (so
 * that Excel reads Korean as UTF-8).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const cell = (value: CsvCell) => {
    if (value === null || value === undefined) return ''
    const text = typeof value === 'string' ? spreadsheetSafe(value) : String(value)
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
  }
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}
