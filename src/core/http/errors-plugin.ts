import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, errorCodes, isDatabaseUnavailable } from '../errors.js'
import { TEXT_PATTERN_MESSAGES } from './schemas.js'

interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown }
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
}

/** SQLSTATEs of text PostgreSQL cannot store: character_not_in_repertoire (NUL), untranslatable_character. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05'])

type ValidationIssue = NonNullable<FastifyError['validation']>[number]

/**
 * A body that may take one of several forms (anyOf) fails each form: report only the form it came
 * closest to (fewest problems), so `{ kakaoUserId, nickname: "a\u0000" }` is told about its
 * nickname, not that it lacks the other form's idToken.
 */
function closestForm(issues: ValidationIssue[]): ValidationIssue[] {
  const branchOf = (issue: ValidationIssue) => /^#\/anyOf\/(\d+)\//.exec(issue.schemaPath)?.[1]
  const counts = new Map<string, number>()
  for (const issue of issues) {
    const branch = branchOf(issue)
    if (branch !== undefined) counts.set(branch, (counts.get(branch) ?? 0) + 1)
  }
  if (counts.size === 0) return issues
  const best = [...counts].sort((a, b) => a[1] - b[1])[0]?.[0]
  return issues.filter((issue) => {
    const branch = branchOf(issue)
    return branch === undefined
      ? !(issue.keyword === 'anyOf' && issue.schemaPath === '#/anyOf')
      : branch === best
  })
}

function body(request: FastifyRequest, code: string, message: string, details?: unknown): ErrorBody {
  return {
    error: { code, message, requestId: String(request.id), ...(details === undefined ? {} : { details }) },
  }
}

/**
 * What may be logged about an unexpected error. Drizzle puts the SQL parameters in its message
 * (contact details, search terms), so for query errors only the SQL text and the driver's code go out.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { value: String(err) }
  const frames = (err.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))
  const query = (err as { query?: unknown }).query
  const cause = err.cause instanceof Error ? err.cause : undefined
  return {
    type: err.name,
    message: typeof query === 'string' ? 'database query failed' : err.message,
    ...(typeof query === 'string' ? { query } : {}),
    codes: errorCodes(err),
    ...(cause ? { cause: { type: cause.name, message: cause.message } } : {}),
    stack: frames.slice(0, 12).join('\n'),
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(
    (err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof AppError) {
        if (err.statusCode >= 500) request.log.warn({ code: err.code }, err.message)
        return reply.status(err.statusCode).send(body(request, err.code, err.message, err.details))
      }
      const fastifyError = err as FastifyError
      if (fastifyError.validation) {
        const context = fastifyError.validationContext ?? 'request'
        const details = closestForm(fastifyError.validation).map((v) => {
          const params = v.params as { missingProperty?: string; pattern?: string } | undefined
          const missing = params?.missingProperty
          const path = `${v.instancePath ?? ''}${missing ? `/${missing}` : ''}`
          const text =
            v.keyword === 'pattern' && params?.pattern ? TEXT_PATTERN_MESSAGES[params.pattern] : undefined
          return { field: `${context}${path}`, message: text ?? v.message ?? 'is invalid' }
        })
        const first = details[0]
        const message = first ? `${first.field} ${first.message}` : 'Invalid request'
        return reply.status(400).send(body(request, 'VALIDATION_ERROR', message, details))
      }
      if (errorCodes(err).some((code) => UNSTORABLE_TEXT.has(code))) {
        // A backstop: validation refuses such text first (NUL, or bytes the database encoding lacks).
        request.log.warn({ err: loggableError(err) }, 'text the database cannot store')
        return reply
          .status(400)
          .send(body(request, 'VALIDATION_ERROR', 'The request contains text that cannot be stored'))
      }
      if (isDatabaseUnavailable(err)) {
        request.log.error({ err: loggableError(err) }, 'database unavailable')
        return reply
          .status(503)
          .header('retry-after', '5')
          .send(
            body(
              request,
              'DATABASE_UNAVAILABLE',
              'The service is temporarily unavailable; try again shortly',
            ),
          )
      }
      const status = fastifyError.statusCode
      if (status !== undefined && status >= 400 && status < 500) {
        const code = CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST'
        // Fastify's own client-error messages ("Body is not valid JSON", …) are safe to show.
        return reply.status(status).send(body(request, code, err.message))
      }
      request.log.error({ err: loggableError(err) }, 'unexpected error')
      return reply.status(500).send(body(request, 'INTERNAL_ERROR', 'Something went wrong on our side'))
    },
  )

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    return reply
      .status(404)
      .send(body(request, 'ROUTE_NOT_FOUND', `No route ${request.method} ${path.slice(0, 200)}`))
  })
}
