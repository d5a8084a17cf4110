import { performance } from 'node:perf_hooks'
import type { Database, DbHandle, Tx } from '../../core/db/client.js'
import type { BatchRunRow } from '../../core/db/schema.js'
import { conflict } from '../../core/errors.js'
import { startPhase, traceJob } from '../../core/observability/tracing.js'
import { addWeeks, type Clock, weekOf, weekStart, yearAge } from '../../core/time.js'
import { allocate, Exclusions, PairList, type PersonInput, Population } from './engine.js'
import {
  addRunProgress,
  createRun,
  deleteExposureBefore,
  failAbandonedRuns,
  insertLists,
  loadEligible,
  loadExclusions,
  loadExistingLists,
  loadTimesShown,
  updateRun,
} from './recommendations.repository.js'

/** SPEC §6: nobody is shown the same person twice within 12 weeks. */
export const EXPOSURE_WINDOW_WEEKS = 12
/** Viewers whose lists are written in one transaction: a list is all there or not at all. */
const VIEWERS_PER_CHUNK = 2_000
const UUID_LENGTH = 36
/** Viewers split by id for loading their exclusions in parallel (ids are uniformly random UUIDs). */
const VIEWER_RANGES = [
  { from: '00000000-0000-0000-0000-000000000000', to: '40000000-0000-0000-0000-000000000000' },
  { from: '40000000-0000-0000-0000-000000000000', to: '80000000-0000-0000-0000-000000000000' },
  { from: '80000000-0000-0000-0000-000000000000', to: 'c0000000-0000-0000-0000-000000000000' },
  { from: 'c0000000-0000-0000-0000-000000000000', to: null },
]
/** Concurrent write transactions on a PostgreSQL server. */
const WRITE_CONNECTIONS = 2
/** Any number, as long as every replica uses the same one. */
const BATCH_LOCK_KEY = 727_002
const DAY_MS = 24 * 60 * 60 * 1000

interface Logger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** Who may run the batch now. `tryAcquire` answers how to let go, or null when a run holds it. */
export interface BatchLock {
  tryAcquire(): Promise<(() => Promise<void>) | null>
}

/**
 * One batch at a time per database: an in-process guard (PGlite's advisory locks never block, it
 * being one session) and, on a server, a session advisory lock held on a dedicated connection for
 * the whole run, so that replicas exclude each other too.
 */
export function databaseBatchLock(database: DbHandle): BatchLock {
  return {
    async tryAcquire() {
      if (runningHere.has(database)) return null
      runningHere.add(database)
      try {
        if (!database.pool) return async () => void runningHere.delete(database)
        const client = await database.pool.connect()
        let locked = false
        try {
          const result = await client.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_lock($1) AS locked',
            [BATCH_LOCK_KEY],
          )
          locked = result.rows[0]?.locked === true
        } finally {
          if (!locked) client.release()
        }
        if (!locked) {
          runningHere.delete(database)
          return null
        }
        return async () => {
          try {
            await client.query('SELECT pg_advisory_unlock($1)', [BATCH_LOCK_KEY])
            client.release()
          } catch (err) {
            // The connection is gone, and with it the lock: throw the client away.
            client.release(err as Error)
          } finally {
            runningHere.delete(database)
          }
        }
      } catch (err) {
        runningHere.delete(database)
        throw err
      }
    },
  }
}

export interface BatchRunnerDeps {
  /** Defaults to databaseBatchLock(database). */
  lock?: BatchLock
  database: DbHandle
  clock: Clock
  log: Logger
  k: number
  activeDays: number
  /** Told how every run ended (metrics). */
  onFinished?: (run: BatchRunRow) => void
  /**
   * Runs before the batch reads who is eligible: the app writes the activity it has buffered, so
   * that someone active a moment ago is not left out of the week.
   */
  beforeLoad?: () => Promise<void>
}

export interface StartRunInput {
  week: string
  trigger: BatchRunRow['trigger']
  requestedBy?: string | null
  /** Runs in the transaction that records the run (the admin route writes its audit row here). */
  onCreated?: (tx: Tx, run: BatchRunRow) => Promise<void>
}

/** One batch at a time per database handle in this process; the advisory lock covers other processes. */
const runningHere = new WeakSet<DbHandle>()

export const alreadyRunning = () =>
  conflict('RECS_ALREADY_RUNNING', 'A recommendation batch is already running; watch its progress instead')

function seedOf(week: string): number {
  let hash = 2166136261
  for (let i = 0; i < week.length; i++) hash = Math.imul(hash ^ week.charCodeAt(i), 16777619)
  return hash >>> 0
}

export function createBatchRunner(deps: BatchRunnerDeps) {
  const { database, clock, log } = deps
  const db: Database = database.db
  let current: Promise<unknown> | null = null

  const lock = deps.lock ?? databaseBatchLock(database)

  async function build(run: BatchRunRow): Promise<BatchRunRow> {
    const started = performance.now()
    const now = clock()
    const week = run.week
    const fromWeek = addWeeks(week, -EXPOSURE_WINDOW_WEEKS)
    await updateRun(db, run.id, { status: 'running', startedAt: now })
    await deps.beforeLoad?.()

    const activeSince = new Date(now.getTime() - deps.activeDays * DAY_MS)
    // On a server the parts load concurrently, each on its own connection; PGlite takes them in turn.
    const ranges = database.pool ? VIEWER_RANGES : [{ from: VIEWER_RANGES[0]?.from as string, to: null }]
    const loading = startPhase('recommendations.load')
    const [eligible, shown, existing, ...exclusionParts] = await loading.within(() =>
      Promise.all([
        loadEligible(db, activeSince),
        loadTimesShown(db, fromWeek, week),
        loadExistingLists(db, week),
        ...ranges.map((range) => loadExclusions(db, { fromWeek, week }, range)),
      ]),
    )
    loading.end({
      'recs.eligible': eligible.length,
      'recs.existing_lists': existing.viewers.length,
      'recs.exclusion_rows': exclusionParts.reduce((n, part) => n + part.length, 0),
    })
    const loadedMs = performance.now() - started
    const computing = startPhase('recommendations.compute')

    const timesShown = new Map(shown.map((r) => [r.id, r.times]))
    const ageOn = weekStart(week)
    const people: PersonInput[] = eligible.map((r) => ({
      id: r.id,
      gender: r.gender,
      age: yearAge(r.birth_year, ageOn),
      region: r.region,
      targetGender: r.target_gender,
      ageMin: r.age_min,
      ageMax: r.age_max,
      regions: r.regions,
      keywords: r.keywords,
      completeness: r.parts / 4,
      timesShown: timesShown.get(r.id) ?? 0,
      neverRecommended: !timesShown.has(r.id),
    }))
    const pop = new Population(people, { k: deps.k, windowWeeks: EXPOSURE_WINDOW_WEEKS })

    const pairs = new PairList()
    for (const part of exclusionParts) {
      for (const row of part) {
        const u = pop.indexOf.get(row.user_id)
        if (u === undefined) continue
        for (let i = 0; i + UUID_LENGTH <= row.targets.length; i += UUID_LENGTH) {
          const c = pop.indexOf.get(row.targets.slice(i, i + UUID_LENGTH))
          if (c !== undefined) pairs.add(u, c)
        }
      }
    }
    const excluded = Exclusions.build(pop.n, pairs)

    const hasList = new Set(existing.viewers)
    const initialLoad = new Int32Array(pop.n)
    for (const { id, times } of existing.targets) {
      const i = pop.indexOf.get(id)
      if (i !== undefined) initialLoad[i] = times
    }
    const viewers = Int32Array.from(
      Array.from(pop.ids.keys()).filter((i) => !hasList.has(pop.ids[i] as string)),
    )
    const allocation = allocate(pop, excluded, viewers, { k: deps.k, initialLoad, seed: seedOf(week) })
    const computedMs = performance.now() - started - loadedMs
    computing.end({ 'recs.people': pop.n, 'recs.viewers': viewers.length })
    await updateRun(db, run.id, { usersTotal: viewers.length })

    // Chunks go to the server over two connections at once: index upkeep is the server's work and
    // runs on another core. PGlite is one session, so there they go one after another.
    const chunks: Array<[number, number]> = []
    for (let from = 0; from < viewers.length; from += VIEWERS_PER_CHUNK) {
      chunks.push([from, Math.min(viewers.length, from + VIEWERS_PER_CHUNK)])
    }
    let written = 0
    const writeChunk = async ([from, to]: [number, number]) => {
      const lists = { userIds: [] as string[], targetIds: [] as string[], scores: [] as number[] }
      for (let vi = from; vi < to; vi++) {
        const viewerId = pop.ids[viewers[vi] as number] as string
        for (let s = 0; s < (allocation.count[vi] as number); s++) {
          lists.userIds.push(viewerId)
          lists.targetIds.push(pop.ids[allocation.targets[vi * deps.k + s] as number] as string)
          lists.scores.push(Math.round((allocation.scores[vi * deps.k + s] as number) * 1000) / 1000)
        }
      }
      written += await db.transaction(async (tx) => {
        const n = lists.userIds.length ? await insertLists(tx, week, now, lists) : 0
        await addRunProgress(tx, run.id, to - from, n)
        return n
      })
    }
    const lanes = database.pool ? WRITE_CONNECTIONS : 1
    let next = 0
    const writing = startPhase('recommendations.write')
    await writing.within(() =>
      Promise.all(
        Array.from({ length: lanes }, async () => {
          while (next < chunks.length) await writeChunk(chunks[next++] as [number, number])
        }),
      ),
    )
    await writing.within(() => deleteExposureBefore(db, addWeeks(weekOf(now), -EXPOSURE_WINDOW_WEEKS)))
    writing.end({ 'recs.lists_written': viewers.length, 'recs.recommendations_written': written })

    const durationMs = Math.round(performance.now() - started)
    const finished = { status: 'succeeded' as const, finishedAt: clock(), durationMs }
    await updateRun(db, run.id, finished)
    log.info(
      {
        runId: run.id,
        week,
        eligible: pop.n,
        viewers: viewers.length,
        written,
        caps: allocation.caps,
        loadMs: Math.round(loadedMs),
        computeMs: Math.round(computedMs),
        durationMs,
      },
      'recommendation batch finished',
    )
    return {
      ...run,
      ...finished,
      usersTotal: viewers.length,
      usersProcessed: viewers.length,
      recommendationsWritten: written,
    }
  }

  return {
    /**
     * Starts a run for `week` if none is running anywhere (else 409 RECS_ALREADY_RUNNING).
     * Resolves once the run is recorded; `done` resolves when it has finished, either way.
     */
    async start(input: StartRunInput): Promise<{ run: BatchRunRow; done: Promise<BatchRunRow> }> {
      const release = await lock.tryAcquire()
      if (!release) throw alreadyRunning()
      let run: BatchRunRow
      try {
        const now = clock()
        run = await db.transaction(async (tx) => {
          // Holding the lock, any run still marked as going is one whose process died.
          await failAbandonedRuns(tx, now)
          const created = await createRun(tx, {
            week: input.week,
            trigger: input.trigger,
            requestedBy: input.requestedBy ?? null,
            now,
          })
          await input.onCreated?.(tx, created)
          return created
        })
      } catch (err) {
        await release()
        throw err
      }
      const done = traceJob(
        'recommendations.batch',
        { 'recs.run_id': run.id, 'recs.week': run.week, 'recs.trigger': run.trigger },
        () => build(run),
      )
        .catch(async (err: unknown) => {
          const message = err instanceof Error ? err.message.slice(0, 500) : String(err)
          log.error({ runId: run.id, week: run.week, err: { message } }, 'recommendation batch failed')
          const failed = { status: 'failed' as const, error: message, finishedAt: clock() }
          await updateRun(db, run.id, failed).catch(() => undefined)
          return { ...run, ...failed }
        })
        .then((finished) => {
          deps.onFinished?.(finished)
          return finished
        })
        .finally(release)
      current = done
      return { run, done }
    },

    /** Resolves when no run started here is still going (graceful shutdown, tests). */
    async idle(): Promise<void> {
      while (current) {
        const waiting = current
        await waiting.catch(() => undefined)
        if (current === waiting) current = null
      }
    },
  }
}

export type BatchRunner = ReturnType<typeof createBatchRunner>
