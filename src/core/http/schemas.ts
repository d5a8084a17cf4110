import { type TSchema, Type } from 'typebox'

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
  403: 'Authenticated but not allowed (banned, not an admin, consent or identity missing, under age)',
  404: 'Not found, or not yours',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  414: 'Request URL too long',
  415: 'Unsupported content type',
  429: 'Rate limit exceeded (see `Retry-After`)',
  500: 'Unexpected server error',
  503: 'A dependency (the database, Kakao, PortOne) is unavailable; retry shortly',
}

/** Error codes by HTTP status, e.g. `{ 404: ['MATCH_NOT_FOUND'], 409: ['MATCH_CLOSED'] }`. */
export type ErrorCodes = Partial<Record<number, readonly string[]>>

/** The documented error shape with `code` narrowed to the codes one status of one route can carry. */
function errorSchema(status: number, codes: readonly string[]) {
  return Type.Object(
    {
      error: Type.Object({
        code: Type.Unsafe<string>({ type: 'string', enum: [...new Set(codes)].sort() }),
        message: Type.String(),
        requestId: Type.String(),
        details: Type.Optional(Type.Unknown()),
      }),
    },
    { description: ERROR_DESCRIPTIONS[status] ?? 'Error' },
  )
}

export function mergeErrorCodes(...sets: ErrorCodes[]): ErrorCodes {
  const out: Record<number, string[]> = {}
  for (const set of sets) {
    for (const [status, codes] of Object.entries(set))
      out[Number(status)] = [...(out[Number(status)] ?? []), ...(codes ?? [])]
  }
  return out
}

/*
 * Error responses: every route lists, next to its handler, the codes it can answer with, by status:
 *
 *   response: { 200: Match, ...authErrors({ 400: ['INVALID_WEEK'], 404: ['MATCH_NOT_FOUND'] }) }
 *
 * - errorResponses(codes) for a public route, authErrors(codes) behind requireUser/requireToken,
 *   accountErrors(codes) behind requireAccount, adminErrors(codes) behind requireAdmin: the guard's
 *   codes (AUTH_REQUIRED, TOKEN_EXPIRED, USER_BANNED, ADMIN_ONLY, …) come with the helper.
 * - List only what the route's own service and preconditions throw (e.g. CONSENT_REQUIRED). What
 *   Fastify or the app can answer anywhere is added to every route when it is registered
 *   (withGenericErrors below): VALIDATION_ERROR when it has a body, query, params or headers schema;
 *   BAD_REQUEST, PAYLOAD_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE when it takes a body; BAD_URL and URI_TOO_LONG
 *   with path params; RATE_LIMITED, INTERNAL_ERROR and DATABASE_UNAVAILABLE always.
 * - Each status becomes `{ error: { code: enum [...] } }` in openapi.json, so the front end switches
 *   on typed codes. test/http-contract.test.ts runs a user, admin and error flow through an OpenAPI
 *   validator and fails on any code or status a route answers but does not list here.
 */
export function errorResponses(codes: ErrorCodes = {}) {
  const out: Record<number, ReturnType<typeof errorSchema>> = {}
  for (const [status, list] of Object.entries(codes)) {
    if (list && list.length > 0) out[Number(status)] = errorSchema(Number(status), list)
  }
  return out
}

const TOKEN_ERRORS: ErrorCodes = { 401: ['AUTH_REQUIRED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'TOKEN_REVOKED'] }

/** A route behind requireUser or requireToken (a banned caller is refused). */
export const authErrors = (codes: ErrorCodes = {}) =>
  errorResponses(mergeErrorCodes(TOKEN_ERRORS, { 403: ['USER_BANNED'] }, codes))

/** A route behind requireAccount (a banned caller may still sign out or delete the account). */
export const accountErrors = (codes: ErrorCodes = {}) => errorResponses(mergeErrorCodes(TOKEN_ERRORS, codes))

/** A route behind requireAdmin. */
export const adminErrors = (codes: ErrorCodes = {}) =>
  errorResponses(mergeErrorCodes(TOKEN_ERRORS, { 403: ['USER_BANNED', 'ADMIN_ONLY'] }, codes))

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The codes a route with this schema can answer without its handler saying so (see above). */
export function genericErrorCodes(methods: readonly string[], schema: Record<string, unknown>): ErrorCodes {
  const codes = mergeErrorCodes(
    { 429: ['RATE_LIMITED'], 500: ['INTERNAL_ERROR'], 503: ['DATABASE_UNAVAILABLE'] },
    schema.body || schema.querystring || schema.params || schema.headers ? { 400: ['VALIDATION_ERROR'] } : {},
    schema.params ? { 400: ['BAD_URL'], 414: ['URI_TOO_LONG'] } : {},
    methods.some((m) => BODY_METHODS.has(m))
      ? { 400: ['BAD_REQUEST'], 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] }
      : {},
  )
  return codes
}

/** The codes an error response schema made by errorResponses lists. */
function declaredCodes(schema: unknown): string[] | undefined {
  const code = (schema as { properties?: { error?: { properties?: { code?: { enum?: unknown } } } } })
    ?.properties?.error?.properties?.code?.enum
  return Array.isArray(code) ? (code as string[]) : undefined
}

/**
 * An onRoute hook: completes a documented route's error responses with the generic codes. A route
 * with no response schema (hidden tooling) is left alone.
 */
export function withGenericErrors(route: {
  method: string | string[]
  url: string
  schema?: { response?: unknown; hide?: boolean } & Record<string, unknown>
}): void {
  const schema = route.schema
  if (!schema?.response || schema.hide) return
  const response = schema.response as Record<string, unknown>
  const declared: ErrorCodes = {}
  for (const [status, value] of Object.entries(response)) {
    const codes = declaredCodes(value)
    if (codes) declared[Number(status)] = codes
    else if (Number(status) >= 400)
      throw new Error(`${route.method} ${route.url}: its ${status} response is not from errorResponses()`)
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  schema.response = {
    ...response,
    ...errorResponses(mergeErrorCodes(declared, genericErrorCodes(methods, schema))),
  }
}

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
