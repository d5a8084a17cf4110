import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { testDatabaseUrl, withDatabase } from '../../../test/helpers/databases.js'
import { type DbHandle, openDatabase, queryRows } from '../../core/db/client.js'
import { migrationsFolder, runMigrations } from '../../core/db/migrate.js'

const TAG = '_recommendation_lists'

interface Journal {
  entries: Array<{ tag: string }>
}

/** The migrations folder as it was before the lists migration: its journal cut there. */
function folderBefore(): string {
  const folder = mkdtempSync(join(tmpdir(), 'shh-migrations-'))
  cpSync(migrationsFolder(), folder, { recursive: true })
  const path = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal
  const at = journal.entries.findIndex((e) => e.tag.endsWith(TAG))
  assert.ok(at > 0, 'the lists migration is in the journal')
  writeFileSync(path, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }))
  return folder
}

describe('the migration to one list row per viewer and week', () => {
  const serverUrl = testDatabaseUrl()
  const name = `shh_t_${randomBytes(6).toString('hex')}`
  let handle: DbHandle
  let oldFolder: string

  before(async () => {
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      handle = await openDatabase(withDatabase(serverUrl, name), { poolMax: 2 })
    } else {
      handle = await openDatabase('pglite://memory')
    }
    oldFolder = folderBefore()
    await runMigrations(handle, oldFolder)
  })

  after(async () => {
    await handle.close()
    rmSync(oldFolder, { recursive: true, force: true })
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })

  it('keeps every list in the order it was shown, its scores and answers, and who was shown to whom', async () => {
    const { db } = handle
    const people = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO users (kakao_user_id) SELECT 'k' || g FROM generate_series(1, 6) g RETURNING id::text AS id`,
    )
    const [a, b, c, d, e, f] = people.map((p) => p.id) as [string, string, string, string, string, string]
    // a's list for W10: c 0.700 (answered), d 0.900, e 0.700 (inserted after c), f 0.125. b's for W11: a.
    const rows: Array<[string, string, string, string, boolean]> = [
      [a, c, '2026-W10', '0.700', true],
      [a, d, '2026-W10', '0.900', false],
      [a, e, '2026-W10', '0.700', false],
      [a, f, '2026-W10', '0.125', true],
      [b, a, '2026-W11', '0.500', false],
      [a, b, '2026-W11', '0.333', false],
    ]
    for (const [u, t, w, s, r] of rows) {
      await db.execute(sql`
        INSERT INTO recommendations (user_id, target_user_id, batch_week, score, responded, sent_at)
        VALUES (${u}::uuid, ${t}::uuid, ${w}, ${s}::numeric, ${r}, '2026-03-02T01:00:00Z')`)
    }
    await db.execute(sql`
      INSERT INTO exposure_log (user_id, week, targets) VALUES (${a}::uuid, '2026-W10', ARRAY[${c}, ${d}, ${e}, ${f}]::uuid[])`)

    await runMigrations(handle)

    const lists = await queryRows<{
      user_id: string
      batch_week: string
      targets: string[]
      scores: number[]
      responded: string
      sent_at: Date | string
    }>(
      db,
      sql`SELECT l.user_id::text AS user_id, l.batch_week,
                 (SELECT array_agg(t.id::text ORDER BY x.o) FROM unnest(l.targets) WITH ORDINALITY x(seq, o)
                  JOIN users t ON t.seq = x.seq) AS targets,
                 l.scores, l.responded::text AS responded, l.sent_at
          FROM recommendation_lists l ORDER BY l.batch_week, l.user_id`,
    )
    const w11 = [b, a].sort()
    assert.deepEqual(
      lists.map((l) => [l.user_id, l.batch_week, l.targets, l.scores, l.responded]),
      [
        [a, '2026-W10', [d, c, e, f], [900, 700, 700, 125], String(0b1010)],
        ...w11.map((u) => (u === a ? [a, '2026-W11', [b], [333], '0'] : [b, '2026-W11', [a], [500], '0'])),
      ],
    )
    assert.equal(new Date(lists[0]?.sent_at as string).toISOString(), '2026-03-02T01:00:00.000Z')
    const [gone] = await queryRows<{ r: string | null; e: string | null }>(
      db,
      sql`SELECT to_regclass('recommendations')::text AS r, to_regclass('exposure_log')::text AS e`,
    )
    assert.deepEqual(gone, { r: null, e: null })
    // New people get the next numbers.
    const [next] = await queryRows<{ seq: number }>(
      db,
      sql`INSERT INTO users (kakao_user_id) VALUES ('k7') RETURNING seq`,
    )
    assert.equal(next?.seq, 7)
  })
})
