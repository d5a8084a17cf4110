/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL / DB_* (exit 1 on failure). */
import { ConfigError, loadConfig } from './core/config.js'
import { openDatabase } from './core/db/client.js'
import { runMigrations } from './core/db/migrate.js'

async function main(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase(config.databaseUrl)
  try {
    await runMigrations(database)
    console.log('migrations applied')
  } finally {
    await database.close()
  }
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `Migration failed: ${err instanceof Error ? err.message : err}`,
  )
  process.exit(1)
})
