import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { type DbHandle, queryRows } from './client.js'

/** Any number will do as long as every replica uses the same one. */
const MIGRATION_LOCK_KEY = 727_001

/** The committed `drizzle/` folder, found from this file whether run from `src/` or compiled `dist/`. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error('Cannot find the drizzle/ migrations folder')
}

/**
 * Applies pending migrations. On a server, a session advisory lock makes replicas that start
 * together take turns: the first migrates, the others then find nothing to do.
 */
export async function runMigrations(handle: DbHandle, folder = migrationsFolder()): Promise<void> {
  if (handle.pglite) {
    await migratePglite(drizzlePglite({ client: handle.pglite }), { migrationsFolder: folder })
    return
  }
  if (!handle.pool) throw new Error('No database client to migrate')
  const client = await handle.pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    // A migration that rewrites a big table runs for minutes (see each one's header), far past the
    // pool's statement timeout, which is meant for requests; the connection then goes back to them.
    await client.query('SET statement_timeout = 0')
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: folder })
    } finally {
      await client.query('RESET statement_timeout')
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    client.release()
  }
}

/**
 * Readiness: a check that the newest committed migration has been applied. The committed migrations
 * are read (and hashed, by drizzle) once, here, not on every probe.
 */
export function migrationCheck(handle: DbHandle): () => Promise<boolean> {
  const latest = readMigrationFiles({ migrationsFolder: migrationsFolder() }).at(-1)?.folderMillis
  return async () => {
    if (latest === undefined) return true
    const [row] = await queryRows<{ created_at: string | number }>(
      handle.db,
      sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
    )
    return row !== undefined && Number(row.created_at) >= latest
  }
}
