import { performance } from 'node:perf_hooks'
import pg from 'pg'
import type { ConsentVersions } from '../../core/config.js'
import { type Database, type DbHandle, openDatabase, type Tx } from '../../core/db/client.js'
import type { BatchRunRow } from '../../core/db/schema.js'
import { conflict } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { startPhase, traceJob } from '../../core/observability/tracing.js'
import { addWeeks, type Clock, weekOf, weekStart, yearAge } from '../../core/time.js'
import { TO_MEET } from '../consents/consents.gate.js'
import {
  allocate,
  Exclusions,
  exposureCap,
  IdIndex,
  PairList,
  type PersonInput,
  Population,
} from './engine.js'
import {
  createRun,
  type Eligibility,
  failRuns,
  findAbandonedRuns,
  forEachInteger,
  hasSucceededRun,
  type IdRange,
  insertLists,
  type ListRows,
  loadEligiblePage,
  loadExistingLists,
  loadSliceExclusions,
  loadTimesShown,
  markSliceDone,
  updateRun,
} from './recommendations.repository.js'

/** SPEC §6: nobody is shown the same person twice within 12 weeks. */
export const EXPOSURE_WINDOW_WEEKS = 12
/**
 * How far back "shown less or more than average" looks: four weeks rotate who is seen as well as
 * twelve would, and cost a third as much to count (ten ids per viewer and week).
 */
export const EXPOSURE_MEMORY_WEEKS = 4
/**
 * Viewers per slice: a slice's exclusions are loaded, its lists computed and written (in one
 * transaction) before the next, so memory follows the slice, not the population times the window.
 */
export const SLICE_VIEWERS = 10_000
/** Eligible people are read in pages of this many. */
const ELIGIBLE_PAGE = 50_000
/**
 * The batch's own connections on a server, apart from the API's pool: one loads the next slice while
 * another writes the last (two writes may overlap); the advisory lock has a connection of its own.
 */
const BATCH_POOL_SIZE = 3
const WRITES_IN_FLIGHT = 2
/** Per statement: minutes, not the 30 s meant for requests (a slice write at a million people takes seconds). */
export const BATCH_STATEMENT_TIMEOUT_MS = 10 * 60_000
/** Any number, as long as every replica uses the same one. */
const BATCH_LOCK_KEY = 727_002
const DAY_MS = 24 * 60 * 60 * 1000
const UUID_BYTES = 16

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
 * being one session) and, on a server, a session advisory lock held for the whole run on a
 * connection of its own (never one of the API's), so that replicas exclude each other too.
 */
export function databaseBatchLock(database: DbHandle): BatchLock {
  return {
    async tryAcquire() {
      if (runningHere.has(database)) return null
      runningHere.add(database)
      try {
        if (!database.url) return async () => void runningHere.delete(database)
        const client = new pg.Client({
          connectionString: database.url,
          application_name: 'shh-recs-batch-lock',
        })
        await client.connect()
        let locked = false
        try {
          const result = await client.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_lock($1) AS locked',
            [BATCH_LOCK_KEY],
          )
          locked = result.rows[0]?.locked === true
        } finally {
          if (!locked) await client.end().catch(() => undefined)
        }
        if (!locked) {
          runningHere.delete(database)
          return null
        }
        // A lost connection has lost the lock with it; ending the client below is all that is left.
        client.on('error', () => undefined)
        return async () => {
          try {
            await client.query('SELECT pg_advisory_unlock($1)', [BATCH_LOCK_KEY])
          } catch {
            // The connection is gone, and with it the lock.
          } finally {
            await client.end().catch(() => undefined)
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

/**
 * The batch's own connections: on a server a small pool apart from the API's, without the request
 * statement timeout (its own, longer bound instead), so neither starves the other; PGlite is one
 * session, shared.
 */
async function openBatchDatabase(database: DbHandle): Promise<{ db: Database; close: () => Promise<void> }> {
  if (!database.url) return { db: database.db, close: async () => undefined }
  const own = await openDatabase(database.url, {
    poolMax: BATCH_POOL_SIZE,
    statementTimeoutMs: BATCH_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMs: 60_000,
    applicationName: 'shh-recs-batch',
  })
  return { db: own.db, close: () => own.close() }
}

/** Slice s of S holds the ids whose first 32 bits are in [⌊s·2³²/S⌋, ⌊(s+1)·2³²/S⌋). */
function sliceBound(slice: number, slices: number): number {
  return Math.floor((slice * 2 ** 32) / slices)
}

export function sliceRange(slice: number, slices: number): IdRange {
  const uuidAt = (bound: number) => `${bound.toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`
  return {
    from: uuidAt(sliceBound(slice, slices)),
    to: slice + 1 < slices ? uuidAt(sliceBound(slice + 1, slices)) : null,
  }
}

export function sliceOf(id: string, slices: number): number {
  const prefix = Number.parseInt(id.slice(0, 8), 16)
  let slice = Math.min(slices - 1, Math.floor((prefix * slices) / 2 ** 32))
  while (slice > 0 && prefix < sliceBound(slice, slices)) slice--
  while (slice + 1 < slices && prefix >= sliceBound(slice + 1, slices)) slice++
  return slice
}

/** Calls `visit(seq, times)` for the counts of loadTimesShown or loadExistingLists. */
function eachCount(counts: { seqs: string; times: string }, visit: (seq: number, times: number) => void) {
  const seqs: number[] = []
  forEachInteger(counts.seqs, (seq) => seqs.push(seq))
  let i = 0
  forEachInteger(counts.times, (times) => visit(seqs[i++] as number, times))
}

export interface BatchRunnerDeps {
  /** Defaults to databaseBatchLock(database). */
  lock?: BatchLock
  database: DbHandle
  clock: Clock
  log: Logger
  k: number
  activeDays: number
  /** Only people who accepted the current terms, privacy policy and 19+ confirmation take part. */
  consentVersions: ConsentVersions
  /** IDENTITY_REQUIRED: people who have not verified their identity get no list and are shown to nobody. */
  identityRequired?: boolean
  /** Told how every run ended (metrics). */
  onFinished?: (run: BatchRunRow) => void
  /** Viewers per slice (default SLICE_VIEWERS; tests make slices small). */
  sliceViewers?: number
  /**
   * Runs before the batch reads who is eligible: the app writes the activity it has buffered, so
   * that someone active a moment ago is not left out of the week.
   */
  beforeLoad?: () => Promise<void>
  /** Writes `recs.ready` for everyone given a list, in the transaction that writes their lists. */
  notifier: Notifier
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
  const sliceViewers = deps.sliceViewers ?? SLICE_VIEWERS
  let current: Promise<unknown> | null = null
  /** The run started here has recorded how it ended and is letting go of the lock. */
  let finishing = false

  const lock = deps.lock ?? databaseBatchLock(database)
  const consents = TO_MEET.map((type) => ({ type, version: deps.consentVersions[type] }))

  /** Everyone eligible, as the engine sees them, and their users.seq, read a page at a time. */
  async function loadPeople(db: Database, eligibility: Eligibility, ageOn: Date) {
    const people: PersonInput[] = []
    const seqs: number[] = []
    let after: string | null = null
    for (;;) {
      const page = await loadEligiblePage(db, eligibility, after, ELIGIBLE_PAGE)
      for (const r of page) {
        people.push({
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
          timesShown: 0,
        })
        seqs.push(r.seq)
      }
      if (page.length < ELIGIBLE_PAGE) return { people, seqs }
      after = (page.at(-1) as { id: string }).id
    }
  }

  async function build(run: BatchRunRow, db: Database): Promise<BatchRunRow> {
    const started = performance.now()
    const now = clock()
    const week = run.week
    const window = { fromWeek: addWeeks(week, -EXPOSURE_WINDOW_WEEKS), week }
    await updateRun(db, run.id, { status: 'running', startedAt: run.startedAt ?? now })
    await deps.beforeLoad?.()

    // On a server these run on two connections at once; PGlite takes them in turn.
    const activeSince = new Date(now.getTime() - deps.activeDays * DAY_MS)
    // Traced as three phases (load, compute, write) that overlap slice by slice.
    const loading = startPhase('recommendations.load')
    const computing = startPhase('recommendations.compute')
    const writing = startPhase('recommendations.write')
    const [{ people, seqs }, shown, existing] = await loading.within(() =>
      Promise.all([
        loadPeople(
          db,
          { activeSince, consents, identityRequired: deps.identityRequired ?? false },
          weekStart(week),
        ),
        loadTimesShown(db, addWeeks(week, -EXPOSURE_MEMORY_WEEKS), week),
        loadExistingLists(db, week),
      ]),
    )
    let maxSeq = 0
    for (const seq of seqs) if (seq > maxSeq) maxSeq = seq
    const timesShown = new Int32Array(maxSeq + 1)
    eachCount(shown, (seq, times) => {
      if (seq <= maxSeq) timesShown[seq] = times
    })
    for (let i = 0; i < people.length; i++)
      (people[i] as PersonInput).timesShown = timesShown[seqs[i] as number] as number
    const pop = new Population(people)
    // Lists name people by users.seq: person i is seqOf[i], and seq s is person indexOfSeq[s] (or -1).
    const seqOf = new Int32Array(pop.n)
    const indexOfSeq = new Int32Array(maxSeq + 1).fill(-1)
    for (let i = 0; i < people.length; i++) {
      const at = pop.indexOf.get((people[i] as PersonInput).id) as number
      seqOf[at] = seqs[i] as number
      indexOfSeq[seqs[i] as number] = at
    }
    people.length = 0
    seqs.length = 0
    const personOfSeq = (seq: number) => (seq <= maxSeq ? (indexOfSeq[seq] as number) : -1)
    const ids = new IdIndex(pop.ids)

    const hasList = new Set(existing.viewers)
    let load: Int32Array = new Int32Array(pop.n)
    eachCount(existing, (seq, times) => {
      const i = personOfSeq(seq)
      if (i >= 0) load[i] = times
    })
    let viewersWantingM = 0
    let men = 0
    for (let i = 0; i < pop.n; i++) {
      if (pop.target[i] === 0) viewersWantingM++
      if (pop.gender[i] === 0) men++
    }
    // The week's caps, over everyone eligible; each slice may use them in proportion to the viewers served.
    const weekCaps = {
      M: exposureCap(deps.k, viewersWantingM, men),
      F: exposureCap(deps.k, pop.n - viewersWantingM, pop.n - men),
    }

    const slices = run.slicesTotal ?? Math.max(1, Math.ceil((pop.n - hasList.size) / sliceViewers))
    const done = new Set(run.slicesDone)
    const bySlice: number[][] = Array.from({ length: slices }, () => [])
    for (let i = 0; i < pop.n; i++) {
      const id = pop.ids[i] as string
      if (!hasList.has(id)) (bySlice[sliceOf(id, slices)] as number[]).push(i)
    }
    const todo = Array.from(bySlice.keys()).filter((s) => !done.has(s))
    const pending = todo.reduce((sum, s) => sum + (bySlice[s] as number[]).length, 0)
    await updateRun(db, run.id, { usersTotal: run.usersProcessed + pending, slicesTotal: slices })
    const loadedMs = performance.now() - started

    let served = hasList.size
    let sliceLoadMs = 0
    let computeMs = 0
    let written = 0
    let notified = 0
    let notifyMs = 0
    let exclusionRows = 0
    const writes: Array<Promise<void>> = []
    const loadSlice = (s: number) =>
      (bySlice[s] as number[]).length
        ? loading.within(() => loadSliceExclusions(db, window, sliceRange(s, slices)))
        : Promise.resolve({ shown: [], other: [] })
    let next = todo.length ? loadSlice(todo[0] as number) : null
    for (let t = 0; t < todo.length; t++) {
      const slice = todo[t] as number
      const waitStarted = performance.now()
      const rows = await (next as ReturnType<typeof loadSlice>)
      exclusionRows += rows.shown.length + rows.other.length
      // The next slice's exclusions load on the server while this one is computed here.
      next = t + 1 < todo.length ? loadSlice(todo[t + 1] as number) : null
      next?.catch(() => undefined)
      const computeStarted = performance.now()
      sliceLoadMs += computeStarted - waitStarted

      const viewers = Int32Array.from(bySlice[slice] as number[])
      const pairs = new PairList()
      let u = -1
      const addShown = (seq: number) => {
        const c = personOfSeq(seq)
        if (c >= 0) pairs.add(u, c)
      }
      for (const row of rows.shown) {
        u = pop.indexOf.get(row.user_id) ?? -1
        if (u >= 0) forEachInteger(row.targets, addShown)
      }
      for (const row of rows.other) {
        const v = pop.indexOf.get(row.user_id)
        if (v === undefined) continue
        const bytes = row.targets
        for (let o = 0; o + UUID_BYTES <= bytes.length; o += UUID_BYTES) {
          const c = ids.find(bytes, o)
          if (c >= 0) pairs.add(v, c)
        }
      }
      served += viewers.length
      const share = served / Math.max(1, pop.n)
      const allocation = allocate(pop, Exclusions.build(pop.n, pairs), viewers, {
        k: deps.k,
        initialLoad: load,
        caps: { M: Math.ceil(weekCaps.M * share), F: Math.ceil(weekCaps.F * share) },
        seed: seedOf(week) + slice,
      })
      load = allocation.load
      const lists: ListRows = { userIds: [], targets: [], scores: [] }
      for (let vi = 0; vi < viewers.length; vi++) {
        const n = allocation.count[vi] as number
        if (n === 0) continue
        // Stored best first; equal scores keep the order they were given in.
        const base = vi * deps.k
        const thousandths = (s: number) => Math.round((allocation.scores[base + s] as number) * 1000)
        const order = Array.from({ length: n }, (_, s) => s).sort(
          (a, b) => thousandths(b) - thousandths(a) || a - b,
        )
        lists.userIds.push(pop.ids[viewers[vi] as number] as string)
        lists.targets.push(order.map((s) => seqOf[allocation.targets[base + s] as number] as number))
        lists.scores.push(order.map(thousandths))
      }
      computeMs += performance.now() - computeStarted

      // A slice is written whole or not at all, with its people's `recs.ready` notifications, and
      // marked done in the same transaction: a run killed at any point resumes with the slices not
      // marked, and nobody is told of a list that is not there (or told twice).
      const write = writing.within(() =>
        db.transaction(async (tx) => {
          const n = await insertLists(tx, week, now, lists)
          const notifyStarted = performance.now()
          const told = await deps.notifier.notify(tx, lists.userIds, 'recs.ready', { week }, now)
          notifyMs += performance.now() - notifyStarted
          await markSliceDone(tx, run.id, slice, viewers.length, n)
          written += n
          notified += told
        }),
      )
      write.catch(() => undefined)
      writes.push(write)
      // On a server the write goes on while the next slice is computed; PGlite is one session.
      if (writes.length >= (database.url ? WRITES_IN_FLIGHT : 1)) await writes.shift()
    }
    for (const write of writes) await write
    loading.end({
      'recs.eligible': pop.n,
      'recs.existing_lists': hasList.size,
      'recs.exclusion_rows': exclusionRows,
    })
    computing.end({ 'recs.people': pop.n, 'recs.viewers': pending })
    writing.end({ 'recs.lists_written': pending, 'recs.recommendations_written': written })

    const durationMs = Math.round(performance.now() - started)
    const finished = { status: 'succeeded' as const, finishedAt: clock(), durationMs }
    finishing = true
    await updateRun(db, run.id, finished)
    log.info(
      {
        runId: run.id,
        week,
        eligible: pop.n,
        viewers: pending,
        slices,
        slicesSkipped: slices - todo.length,
        written,
        notified,
        notifyMs: Math.round(notifyMs),
        caps: weekCaps,
        loadMs: Math.round(loadedMs + sliceLoadMs),
        computeMs: Math.round(computeMs),
        writeMs: Math.round(durationMs - loadedMs - sliceLoadMs - computeMs),
        durationMs,
      },
      'recommendation batch finished',
    )
    return {
      ...run,
      ...finished,
      usersTotal: run.usersProcessed + pending,
      usersProcessed: run.usersProcessed + pending,
      recommendationsWritten: run.recommendationsWritten + written,
      slicesTotal: slices,
      slicesDone: [...run.slicesDone, ...todo],
    }
  }

  type Started = { run: BatchRunRow; done: Promise<BatchRunRow> }

  /**
   * Takes the lock, records the run (or takes up the abandoned run for the same week) and builds it
   * on the batch's own connections. With `unlessSucceeded`, nothing starts (null) when a run has
   * built the week already, which is decided while holding the lock.
   */
  async function launch(input: StartRunInput, unlessSucceeded = false): Promise<Started | null> {
    let release = await lock.tryAcquire()
    if (!release && finishing && current) {
      // The last run here is over (its status says so) and only letting go: wait for it.
      await current.catch(() => undefined)
      release = await lock.tryAcquire()
    }
    if (!release) throw alreadyRunning()
    finishing = false
    let batch: Awaited<ReturnType<typeof openBatchDatabase>> | undefined
    let run: BatchRunRow
    try {
      if (unlessSucceeded && (await hasSucceededRun(database.db, input.week))) {
        await release()
        return null
      }
      batch = await openBatchDatabase(database)
      const now = clock()
      run = await batch.db.transaction(async (tx) => {
        // Holding the lock, any run still marked as going is one whose process died: the newest
        // for this week goes on from its last written slice, the others are over.
        const abandoned = await findAbandonedRuns(tx)
        const resumed = abandoned.find((r) => r.week === input.week)
        await failRuns(
          tx,
          abandoned.filter((r) => r !== resumed).map((r) => r.id),
          now,
        )
        const chosen =
          resumed ??
          (await createRun(tx, {
            week: input.week,
            trigger: input.trigger,
            requestedBy: input.requestedBy ?? null,
            now,
          }))
        await input.onCreated?.(tx, chosen)
        return chosen
      })
      if (run.slicesDone.length) {
        log.info(
          { runId: run.id, week: run.week, slicesDone: run.slicesDone.length },
          'resuming recommendation batch',
        )
      }
    } catch (err) {
      await batch?.close()
      await release()
      throw err
    }
    const own = batch
    const done = traceJob(
      'recommendations.batch',
      { 'recs.run_id': run.id, 'recs.week': run.week, 'recs.trigger': run.trigger },
      () => build(run, own.db),
    )
      .catch(async (err: unknown) => {
        const message = err instanceof Error ? err.message.slice(0, 500) : String(err)
        log.error({ runId: run.id, week: run.week, err: { message } }, 'recommendation batch failed')
        const failed = { status: 'failed' as const, error: message, finishedAt: clock() }
        finishing = true
        await updateRun(own.db, run.id, failed).catch(() => undefined)
        return { ...run, ...failed }
      })
      .then((finished) => {
        deps.onFinished?.(finished)
        return finished
      })
      .finally(async () => {
        // The lock first: the run is recorded as over, and a next start must not find it held
        // while this pool takes its time to close.
        await release()
        await own.close().catch(() => undefined)
      })
    current = done
    return { run, done }
  }

  return {
    /**
     * Starts a run for `week` if none is running anywhere (else 409 RECS_ALREADY_RUNNING); a run for
     * the same week left unfinished by a process that died is resumed instead of started anew.
     * Resolves once the run is recorded; `done` resolves when it has finished, either way.
     */
    start: async (input: StartRunInput): Promise<Started> => (await launch(input)) as Started,

    /**
     * As start, but nothing is started (null) when a run already built the week: checked while
     * holding the lock, so replicas catching up a missed week at once build it once.
     */
    startUnlessBuilt: (input: StartRunInput): Promise<Started | null> => launch(input, true),

    /**
     * At start-up: a run for this week or the next that a stopped process left unfinished goes on
     * where it stopped. Resolves to null when there is none (or another replica holds the lock).
     */
    async resumeAbandoned(): Promise<Started | null> {
      const thisWeek = weekOf(clock())
      const [newest] = await findAbandonedRuns(database.db)
      if (!newest || (newest.week !== thisWeek && newest.week !== addWeeks(thisWeek, 1))) return null
      try {
        return await launch({ week: newest.week, trigger: newest.trigger })
      } catch (err) {
        if ((err as { code?: string }).code === 'RECS_ALREADY_RUNNING') return null
        throw err
      }
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
