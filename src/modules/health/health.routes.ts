import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { DbHandle } from '../../core/db/client.js'
import { migrationCheck } from '../../core/db/migrate.js'
import { AppError, serviceUnavailable } from '../../core/errors.js'
import { errorResponses } from '../../core/http/schemas.js'
import { noLimit } from '../../core/http/security.js'

const PING_TIMEOUT_MS = 2_000
const Status = Type.Object({ status: Type.Literal('ok') })

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function checkDatabase(handle: DbHandle): Promise<void> {
  try {
    await withTimeout(handle.ping(), PING_TIMEOUT_MS)
  } catch {
    throw serviceUnavailable('DATABASE_UNAVAILABLE', 'The database is not reachable')
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: DbHandle }> = async (app, { database }) => {
  const migrationsApplied = migrationCheck(database)
  app.get(
    '/livez',
    {
      logLevel: 'warn',
      config: noLimit,
      schema: {
        tags: ['health'],
        summary: 'The process is running',
        response: { 200: Status, ...errorResponses() },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      config: noLimit,
      schema: {
        tags: ['health'],
        summary: 'The database answers (503 while it does not)',
        response: { 200: Status, ...errorResponses() },
      },
    },
    async () => {
      await checkDatabase(database)
      return { status: 'ok' as const }
    },
  )

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      config: noLimit,
      schema: {
        tags: ['health'],
        summary: 'The database answers and every committed migration is applied',
        response: { 200: Status, ...errorResponses({ 503: ['MIGRATIONS_PENDING'] }) },
      },
    },
    async () => {
      await checkDatabase(database)
      let applied = false
      try {
        applied = await withTimeout(migrationsApplied(), PING_TIMEOUT_MS)
      } catch (err) {
        if (err instanceof AppError) throw err
      }
      if (!applied) throw serviceUnavailable('MIGRATIONS_PENDING', 'Database migrations are not applied yet')
      return { status: 'ok' as const }
    },
  )
}
