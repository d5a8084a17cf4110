import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { insertPopulation } from '../../../scripts/lib/insert-population.js'
import { generatePopulation } from '../../../scripts/lib/synthetic-population.js'
import { testConfig } from '../../../test/helpers/context.js'
import { openTestDatabase, testDatabaseUrl, truncateAll } from '../../../test/helpers/databases.js'
import { buildApp } from '../../app.js'
import { type DbHandle, openDatabase, queryRows } from '../../core/db/client.js'
import { batchRuns } from '../../core/db/schema.js'
import { createNotifier } from '../../core/notifications.js'
import { addWeeks, weekOf } from '../../core/time.js'
import { createBatchRunner, sliceOf } from './recommendations.batch.js'

/**
 * The batch on a real server, under the conditions of production: an API pool saturated by
 * requests, loads slower than the request timeouts, and a process killed part-way.
 */
const onPg = testDatabaseUrl() !== undefined
const NOW = new Date('2026-11-26T05:00:00Z')
const WEEK = weekOf(NOW)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the weekly batch on PostgreSQL', { skip: !onPg && 'PostgreSQL only (TEST_DATABASE_URL)' }, () => {
  let database: DbHandle
  before(async () => {
    database = await openTestDatabase()
  })
  after(() => database?.close())
  beforeEach(() => truncateAll(database))

  async function populate(users: number) {
    const people = generatePopulation({ users, year: 2026, seed: 7 })
    const ids = await insertPopulation(database.db, people, new Date(NOW.getTime() - 3600_000))
    // Last week's lists, so that loading has a window to read.
    await database.db.execute(sql`
      INSERT INTO recommendation_lists (user_id, batch_week, targets, scores)
      SELECT x.a, ${addWeeks(WEEK, -1)}, ARRAY[u.seq], ARRAY[500]::smallint[]
      FROM unnest(${sql.param(ids)}::uuid[], ${sql.param([...ids.slice(1), ids[0]])}::uuid[]) AS x(a, b)
      JOIN users u ON u.id = x.b`)
    return ids
  }

  it('succeeds with loads slower than the request timeouts while requests saturate the API pool', async () => {
    await populate(400)
    const url = database.url as string
    // The API's pool as production has it, only smaller and stricter: 2 connections, 2 s per statement.
    const apiDb = await openDatabase(url, { poolMax: 2, statementTimeoutMs: 2_000 })
    const app = await buildApp({ config: testConfig(), database: apiDb, clock: () => NOW })
    const blocker = new pg.Client({ connectionString: url })
    await blocker.connect()
    try {
      // Another session holds the lists table for 6 s: every load of the batch waits that long,
      // past the pool's 5 s wait for a connection and the 2 s statement timeout.
      await blocker.query('BEGIN')
      await blocker.query('LOCK TABLE recommendation_lists IN ACCESS EXCLUSIVE MODE')
      const lockedAt = Date.now()
      const releasing = sleep(6_000).then(() => blocker.query('COMMIT'))

      const runner = createBatchRunner({
        notifier: createNotifier({ externalTypes: new Set() }),
        database: apiDb,
        clock: () => NOW,
        log: { info() {}, error() {} },
        k: 5,
        activeDays: 365,
        sliceViewers: 100,
        consentVersions: testConfig().consentVersions,
      })
      const { done } = await runner.start({ week: WEEK, trigger: 'cli' })
      let finished = false
      const answered: Array<{ status: number; at: number }> = []
      // Twenty requests at a time on a pool of two, until the batch is over.
      const load = Array.from({ length: 20 }, async () => {
        while (!finished) {
          const res = await app.inject({ method: 'GET', url: '/healthz' })
          answered.push({ status: res.statusCode, at: Date.now() })
        }
      })
      const run = await done
      finished = true
      await Promise.all([...load, releasing])

      assert.equal(run.status, 'succeeded', run.error ?? '')
      assert.ok((run.durationMs ?? 0) >= 5_000, `the loads waited for the lock (${run.durationMs} ms)`)
      assert.ok(run.recommendationsWritten > 1_000)
      assert.ok(answered.length > 100)
      assert.deepEqual(
        answered.filter((a) => a.status !== 200),
        [],
        'every request answered while the batch ran',
      )
      assert.ok(
        answered.filter((a) => a.at > lockedAt + 1_000 && a.at < lockedAt + 5_000).length > 20,
        'requests kept being answered while the batch waited',
      )
    } finally {
      await blocker.end()
      await app.close()
      await apiDb.close()
    }
  })

  it('resumes after a SIGKILL at any point: no duplicates, finished slices left as they were', async () => {
    const ids = await populate(3000)
    const url = database.url as string
    const k = 5
    const child = () => {
      const c = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/helpers/batch-process.ts', url, WEEK, NOW.toISOString(), String(k), '100'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      )
      let stderr = ''
      c.stderr?.on('data', (d) => {
        stderr += d
      })
      c.once('exit', (code) => {
        if (code) console.error(stderr)
      })
      return c
    }
    const alive = (c: ChildProcess) => {
      if (c.exitCode !== null) throw new Error(`the batch process ended early (${c.exitCode})`)
    }
    const exited = (c: ChildProcess) =>
      new Promise<number | null>((resolve) => c.once('exit', (code, signal) => resolve(signal ? -1 : code)))
    const runRow = async () => (await database.db.select().from(batchRuns).where(eq(batchRuns.week, WEEK)))[0]
    // xmin: the transaction that wrote the row version, so a row rewritten since would show.
    const listsOfDone = async () =>
      queryRows<{ user_id: string; targets: number[]; scores: number[]; version: string }>(
        database.db,
        sql`SELECT user_id::text, targets, scores, xmin::text AS version FROM recommendation_lists
            WHERE batch_week = ${WEEK} ORDER BY user_id`,
      )

    // 1. Killed in the middle of writing: once three slices are marked done.
    const first = child()
    const firstExit = exited(first)
    for (;;) {
      const run = await runRow()
      if (run && run.slicesDone.length >= 3) break
      alive(first)
      await sleep(5)
    }
    first.kill('SIGKILL')
    assert.equal(await firstExit, -1)
    const afterFirst = await runRow()
    const slicesTotal = afterFirst?.slicesTotal as number
    assert.ok(afterFirst && afterFirst.status === 'running')
    assert.ok(afterFirst.slicesDone.length < slicesTotal, 'killed part-way')
    const writtenBefore = await listsOfDone()
    const doneSlices = new Set(afterFirst.slicesDone)
    assert.ok(writtenBefore.length > 0)
    assert.ok(
      writtenBefore.every((r) => doneSlices.has(sliceOf(r.user_id, slicesTotal))),
      'only the slices marked done have lists',
    )

    // 2. Killed while loading (the lists table held by another session).
    const blocker = new pg.Client({ connectionString: url })
    await blocker.connect()
    await blocker.query('BEGIN')
    await blocker.query('LOCK TABLE recommendation_lists IN ACCESS EXCLUSIVE MODE')
    const second = child()
    const secondExit = exited(second)
    for (;;) {
      // Not on the blocker's connection: pg_stat_activity is read once per transaction.
      const [waiting] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'shh-recs-batch' AND wait_event_type = 'Lock'`,
      )
      if ((waiting?.n ?? 0) > 0) break
      alive(second)
      await sleep(20)
    }
    second.kill('SIGKILL')
    assert.equal(await secondExit, -1)
    await blocker.query('COMMIT')
    await blocker.end()
    assert.deepEqual((await runRow())?.slicesDone, afterFirst.slicesDone, 'nothing written while loading')

    // 3. Runs to the end.
    const third = child()
    assert.equal(await exited(third), 0)
    const run = await runRow()
    assert.equal(run?.id, afterFirst.id, 'one run for the week, resumed twice')
    assert.equal(run?.status, 'succeeded')
    assert.equal(new Set(run?.slicesDone).size, run?.slicesDone.length, 'no slice done twice')
    assert.equal(run?.slicesDone.length, slicesTotal)
    assert.deepEqual(run?.slicesDone.slice(0, afterFirst.slicesDone.length), afterFirst.slicesDone)
    assert.equal(run?.usersProcessed, run?.usersTotal)

    const all = await listsOfDone()
    const before = new Set(writtenBefore.map((r) => r.user_id))
    assert.deepEqual(
      all.filter((r) => before.has(r.user_id)),
      writtenBefore,
      'rows written before the kill are the same rows, unchanged',
    )
    assert.equal(new Set(all.map((r) => r.user_id)).size, all.length, 'one list per viewer')
    assert.ok(all.length >= ids.length * 0.95, 'everyone with a candidate has a list')
    for (const list of all) {
      assert.ok(list.targets.length >= 1 && list.targets.length <= k)
      assert.equal(new Set(list.targets).size, list.targets.length, `no one twice in ${list.user_id}'s list`)
      assert.equal(list.scores.length, list.targets.length)
    }
  })
})
