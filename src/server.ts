import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './core/config.js'
import { openDatabase } from './core/db/client.js'
import { runMigrations } from './core/db/migrate.js'

async function main(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase(config.databaseUrl, {
    poolMax: config.dbPoolMax,
    onPoolError: (err) =>
      app?.log.warn({ err: { type: err.name, message: err.message } }, 'idle database connection failed'),
  })
  await runMigrations(database)
  const app = await buildApp({ config, database })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const forced = setTimeout(() => {
      app.log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 25_000)
    forced.unref()
    try {
      await app.close()
      await database.close()
      process.exit(0)
    } catch (err) {
      app.log.error({ err }, 'error during shutdown')
      process.exit(1)
    }
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  const where = config.databaseUrl.startsWith('pglite://') ? config.databaseUrl : 'postgres'
  app.log.info({ database: where, docs: `${config.basePath}/docs` }, 'SHH Match API ready')
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    console.error('Start-up failed:', err instanceof Error ? err.message : err)
  }
  process.exit(1)
})
