import { type TSchema, Type } from 'typebox'
import { ErrorResponse } from '../errors.js'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

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
