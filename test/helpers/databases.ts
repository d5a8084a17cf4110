import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getTableName, sql } from 'drizzle-orm'
import pg from 'pg'
import { type DbHandle, openDatabase } from '../../src/core/db/client.js'
import { migrationsFolder } from '../../src/core/db/migrate.js'
import { schema } from '../../src/core/db/schema.js'

/**
 * Test databases. PGlite (the default) starts each test file from a migrated data-dir snapshot
 * (`npm test` makes it once per run); real PostgreSQL (`TEST_DATABASE_URL`) gives each file its own
 * database copied from a migrated template, as Unleash does.
 */
export const PG_TEMPLATE_DB = 'shh_test_template'

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined
}

/** A hash of the committed migrations: a snapshot or template made from other migrations is stale. */
export function migrationsFingerprint(): string {
  const folder = migrationsFolder()
  const hash = createHash('sha256')
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(folder, name)))
  }
  hash.update(readFileSync(join(folder, 'meta', '_journal.json')))
  return hash.digest('hex').slice(0, 16)
}

export function snapshotPath(): string {
  return join(process.cwd(), '.cache', `pglite-migrated-${migrationsFingerprint()}.tar`)
}

/** Connection URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** A migrated PostgreSQL database of the caller's own, copied from the template (TEST_DATABASE_URL). */
export async function createPgTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `shh_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl })
      await dropper.connect()
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    },
  }
}

export async function openTestDatabase(): Promise<DbHandle> {
  const serverUrl = testDatabaseUrl()
  if (serverUrl) {
    const { url, drop } = await createPgTestDatabase(serverUrl)
    const handle = await openDatabase(url, { poolMax: 20 })
    return {
      ...handle,
      close: async () => {
        await handle.close()
        await drop()
      },
    }
  }
  const path = snapshotPath()
  if (!existsSync(path)) throw new Error(`No PGlite snapshot at ${path}: run the tests with npm test`)
  return openDatabase('pglite://memory', { loadDataDir: new Blob([readFileSync(path)]) })
}

const TABLES = Object.values(schema).map((table) => `"${getTableName(table)}"`)

/** Empties every table (≈ 20 ms on PGlite): cheaper than a new database per test. */
export async function truncateAll(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql.raw(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`))
}
