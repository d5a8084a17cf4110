/**
 * An error a client is meant to see: a status, a stable machine code and a human message.
 * Anything that is not an AppError becomes a 500 whose body says nothing about its cause.
 */
export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details)
export const unauthorized = (code: string, message: string) => new AppError(401, code, message)
export const forbidden = (code: string, message: string) => new AppError(403, code, message)
export const notFound = (code: string, message: string) => new AppError(404, code, message)
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details)
export const serviceUnavailable = (code: string, message: string) => new AppError(503, code, message)

/** SQLSTATE classes and driver codes that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
])

/** Walks an error's `cause` chain (Drizzle wraps driver errors) looking for a code. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = []
  let current: unknown = err
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

export function isDatabaseUnavailable(err: unknown): boolean {
  if (errorCodes(err).some((c) => UNAVAILABLE_CODES.has(c) || c.startsWith('08'))) return true
  let current: unknown = err
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (
      /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
        current.message,
      )
    )
      return true
    current = current.cause
  }
  return false
}

/** True when the error (or its cause) is a unique-constraint violation, optionally on one constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  let current: unknown = err
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown }
    if (e.code === '23505' && (constraint === undefined || e.constraint === constraint)) return true
    current = e.cause
  }
  return false
}
