/**
 * Time in Asia/Seoul. Korea has had no daylight saving since 1988, so KST is a fixed UTC+9 and the
 * arithmetic below needs no time-zone database.
 *
 * Weeks are ISO-8601 weeks of the KST wall-clock date, labelled `YYYY-Www` (DESIGN.md §4).
 */
export type Clock = () => Date
export const systemClock: Clock = () => new Date()

const KST_OFFSET_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const WEEK_LABEL = /^(\d{4})-W(\d{2})$/

export interface KstDate {
  year: number
  month: number
  day: number
}

/** The KST wall-clock calendar date of an instant. */
export function kstDate(instant: Date): KstDate {
  const shifted = new Date(instant.getTime() + KST_OFFSET_MS)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}

export function kstYear(instant: Date): number {
  return kstDate(instant).year
}

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian). */
function dayNumber(d: KstDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS)
}

function fromDayNumber(n: number): KstDate {
  const date = new Date(n * DAY_MS)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1
}

function isoWeekOfDay(n: number): { year: number; week: number } {
  const thursday = n + (4 - isoWeekday(n))
  const year = fromDayNumber(thursday).year
  const jan1 = dayNumber({ year, month: 1, day: 1 })
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 }
}

/** 52 or 53: December 28th always lies in the last ISO week of its year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfDay(dayNumber({ year, month: 12, day: 28 })).week
}

export function formatWeek(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`
}

/** The ISO week label of the KST date of an instant. */
export function weekOf(instant: Date): string {
  const { year, week } = isoWeekOfDay(dayNumber(kstDate(instant)))
  return formatWeek(year, week)
}

/** Parses `YYYY-Www`; returns null for a malformed label or a week its year does not have. */
export function parseWeek(label: string): { year: number; week: number } | null {
  const m = WEEK_LABEL.exec(label)
  if (!m) return null
  const year = Number(m[1])
  const week = Number(m[2])
  if (year < 2000 || year > 2999 || week < 1 || week > isoWeeksInYear(year)) return null
  return { year, week }
}

export function isValidWeek(label: string): boolean {
  return parseWeek(label) !== null
}

/** Monday 00:00 KST of a week, as an instant. Throws on an invalid label. */
export function weekStart(label: string): Date {
  const parsed = parseWeek(label)
  if (!parsed) throw new RangeError(`Invalid ISO week label: ${label}`)
  const jan4 = dayNumber({ year: parsed.year, month: 1, day: 4 })
  const mondayOfWeek1 = jan4 - (isoWeekday(jan4) - 1)
  const monday = mondayOfWeek1 + (parsed.week - 1) * 7
  return new Date(monday * DAY_MS - KST_OFFSET_MS)
}

/** The label `n` weeks after (or before, for negative `n`) the given one. */
export function addWeeks(label: string, n: number): string {
  return weekOf(new Date(weekStart(label).getTime() + n * 7 * DAY_MS))
}

/** Korean "year age" as used for the adults-only rule: this KST year minus the birth year. */
export function yearAge(birthYear: number, now: Date): number {
  return kstYear(now) - birthYear
}
