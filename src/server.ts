import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './core/config.js'
import { type DbHandle, openDatabase } from './core/db/client.js'
import { runMigrations } from './core/db/migrate.js'
import { isDatabaseUnavailable } from './core/errors.js'
import { createMetrics } from './core/observability/metrics.js'
import { stopTracing, tracingActive, tracingRequested } from './core/observability/tracing.js'
import { demoteUnlistedAdmins } from './modules/auth/auth.service.js'
import { applyPhotoModeration } from './modules/photos/photos.service.js'

const STARTUP_RETRY_MS = 2_000
const STARTUP_ATTEMPTS = 30

/** A container may start before its database: retry migrations for a minute before giving up. */
async function migrateWhenReachable(database: DbHandle): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runMigrations(database)
      return
    } catch (err) {
      if (!isDatabaseUnavailable(err) || attempt >= STARTUP_ATTEMPTS) throw err
      console.error(`Database not reachable yet (attempt ${attempt}/${STARTUP_ATTEMPTS}); retrying`)
      await new Promise((resolve) => setTimeout(resolve, STARTUP_RETRY_MS))
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig()
  const metrics = createMetrics()
  let app: FastifyInstance | undefined
  const database = await openDatabase(config.databaseUrl, {
    poolMax: config.dbPoolMax,
    onQuery: (seconds) => metrics.dbQueryDuration.observe(seconds),
    // An idle connection dropped by the server: the pool replaces it; the next query tells the client.
    onPoolError: (err) =>
      app?.log.warn({ err: { type: err.name, message: err.message } }, 'idle database connection failed'),
  })
  await migrateWhenReachable(database)
  const demoted = await demoteUnlistedAdmins(database.db, config.adminKakaoIds)
  await applyPhotoModeration(database.db, config.photos.moderation)
  const server = await buildApp({ config, database, metrics })
  app = server
  if (demoted.length > 0) {
    server.log.warn({ demoted: demoted.length }, 'admins no longer in ADMIN_KAKAO_IDS were demoted')
  }

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    server.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const forced = setTimeout(() => {
      server.log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 25_000)
    forced.unref()
    try {
      // Stops accepting, lets in-flight requests and a running batch finish, stops the scheduler.
      await server.close()
      await database.close()
      await stopTracing()
      process.exit(0)
    } catch (err) {
      server.log.error({ err: { message: (err as Error).message } }, 'error during shutdown')
      process.exit(1)
    }
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))

  if (tracingRequested() && !tracingActive()) {
    server.log.warn(
      'OTEL_EXPORTER_OTLP_ENDPOINT is set but tracing was not preloaded: start with --import ./dist/instrument.js',
    )
  }
  await server.listen({ port: config.port, host: config.host })
  const where = config.databaseUrl.startsWith('pglite://') ? config.databaseUrl : 'postgres'
  server.log.info(
    { database: where, docs: `${config.basePath}/docs`, node: process.version },
    'SHH Match API ready',
  )
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    console.error('Start-up failed:', err instanceof Error ? err.message : err)
  }
  process.exit(1)
})
