import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { testDatabaseUrl, withDatabase } from '../../../test/helpers/databases.js'
import { openDatabase, queryRows } from './client.js'
import { runMigrations } from './migrate.js'

const serverUrl = testDatabaseUrl()

/** A migrations folder with one migration whose first statement takes `seconds`. */
function slowMigrations(seconds: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'shh-migrations-'))
  mkdirSync(join(folder, 'meta'))
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({
      version: '7',
      dialect: 'postgresql',
      entries: [{ idx: 0, version: '7', when: 1, tag: '0000_slow', breakpoints: true }],
    }),
  )
  writeFileSync(
    join(folder, '0000_slow.sql'),
    `SELECT pg_sleep(${seconds});--> statement-breakpoint\nCREATE TABLE "slow_done" ("x" integer);`,
  )
  return folder
}

describe('migrations on PostgreSQL', { skip: !serverUrl && 'PostgreSQL only (TEST_DATABASE_URL)' }, () => {
  it('are not cut off by the statement timeout meant for requests, which the connection keeps', async () => {
    const name = `shh_t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const folder = slowMigrations(0.5)
    // One pooled connection with a 200 ms statement timeout: the migration runs on it, then requests.
    const handle = await openDatabase(withDatabase(serverUrl as string, name), {
      poolMax: 1,
      statementTimeoutMs: 200,
    })
    try {
      await assert.rejects(handle.db.execute(sql`SELECT pg_sleep(0.5)`), 'the bound holds for requests')
      await runMigrations(handle, folder)
      const [table] = await queryRows<{ t: string | null }>(
        handle.db,
        sql`SELECT to_regclass('slow_done')::text AS t`,
      )
      assert.equal(table?.t, 'slow_done')
      const [setting] = await queryRows<{ statement_timeout: string }>(handle.db, sql`SHOW statement_timeout`)
      assert.equal(setting?.statement_timeout, '200ms', 'the connection went back with the bound')
    } finally {
      await handle.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
