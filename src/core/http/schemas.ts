import { type TSchema, Type } from 'typebox'
import { ErrorResponse } from '../errors.js'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/*
 * Text from clients never carries C0 control characters (U+0000–U+001F): PostgreSQL cannot store
 * NUL at all, and the rest has no business in a name or a search. Multi-line text keeps tab, line
 * feed and carriage return. Every string a request carries is one of these, an enum, a format or a
 * narrower pattern (test/http-contract.test.ts checks the OpenAPI document for it).
 */
const C0 = '\\u0000-\\u001F'
const C0_BUT_TAB_AND_LINE_BREAKS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F'
const NOT_BLANK = '(?=[\\s\\S]*\\S)'

const SINGLE_LINE = new RegExp(`^[^${C0}]*$`, 'u')
/** For text that arrives outside a JSON body (a bank statement's cells). */
export const hasControlCharacters = (text: string) => !SINGLE_LINE.test(text)

/** What a client is told when its text breaks one of the patterns above. */
export const TEXT_PATTERN_MESSAGES: Record<string, string> = {
  [`^[^${C0}]*$`]: 'must not contain control characters',
  [`^${NOT_BLANK}[^${C0}]*$`]: 'must not be blank or contain control characters',
  [`^[^${C0_BUT_TAB_AND_LINE_BREAKS}]*$`]:
    'must not contain control characters other than tab and line breaks',
  [`^${NOT_BLANK}[^${C0_BUT_TAB_AND_LINE_BREAKS}]*$`]:
    'must not be blank or contain control characters other than tab and line breaks',
}

export interface TextOptions {
  maxLength: number
  /** At least one character that is not white space. */
  nonBlank?: boolean
  /** Tab and line breaks allowed (an intro, a report, a memo). */
  multiline?: boolean
  description?: string
  examples?: string[]
}

/** A text field a client writes (see above). */
export const Text = ({ maxLength, nonBlank, multiline, ...rest }: TextOptions) =>
  Type.String({
    ...(nonBlank ? { minLength: 1 } : {}),
    maxLength,
    pattern: `^${nonBlank ? NOT_BLANK : ''}[^${multiline ? C0_BUT_TAB_AND_LINE_BREAKS : C0}]*$`,
    ...rest,
  })

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 })
export const DateTime = Type.String({ format: 'date-time' })
export const WeekLabel = Type.String({ pattern: '^\\d{4}-W\\d{2}$', maxLength: 8, examples: ['2026-W48'] })
export const Ok = Type.Object({ ok: Type.Literal(true) })

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (validation details in `error.details`)',
  401: 'Missing, invalid, expired or revoked token',
  403: 'Authenticated but not allowed (banned, or not an admin)',
  404: 'Not found, or not yours',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  429: 'Rate limit exceeded',
  500: 'Unexpected server error',
  503: 'A dependency (the database, Kakao) is unavailable',
}

/** The error responses a route declares, each in the documented error shape. */
export function errorResponses(...codes: number[]): Record<number, typeof ErrorResponse> {
  const out: Record<number, typeof ErrorResponse> = {}
  for (const code of [...codes, 429, 500, 503]) {
    out[code] = Type.Object(ErrorResponse.properties, { description: ERROR_DESCRIPTIONS[code] ?? 'Error' })
  }
  return out
}

/** The error responses of every route behind a bearer token. */
export const authErrors = (...codes: number[]) => errorResponses(401, 403, ...codes)

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}

/** `{ items, page, pageSize, total }` of an admin list. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  })
