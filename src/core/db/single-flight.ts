import type { DbHandle } from './client.js'

/** Advisory lock keys of the background jobs (one number each, the same on every replica). */
export const LOCK_KEYS = { housekeeping: 727_004, photoHousekeeping: 727_017 } as const

const runningHere = new WeakMap<DbHandle, Set<number>>()

/**
 * Runs `job` unless it is already running for this database, here or on another replica; answers
 * null when it did not run. In this process a guard decides (PGlite is one session, so its advisory
 * locks never block); on a PostgreSQL server, also a session advisory lock held on a connection of
 * its own for the whole job, which the server releases by itself if this process dies.
 */
export async function runExclusive<T>(
  database: DbHandle,
  key: number,
  job: () => Promise<T>,
): Promise<T | null> {
  let keys = runningHere.get(database)
  if (!keys) {
    keys = new Set()
    runningHere.set(database, keys)
  }
  if (keys.has(key)) return null
  keys.add(key)
  try {
    const pool = database.pool
    if (!pool) return await job()
    const client = await pool.connect()
    let locked = false
    try {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        key,
      ])
      locked = result.rows[0]?.locked === true
      if (!locked) return null
      return await job()
    } finally {
      if (locked) {
        try {
          await client.query('SELECT pg_advisory_unlock($1)', [key])
          client.release()
        } catch (err) {
          // The connection is gone, and the lock with it: throw the client away.
          client.release(err as Error)
        }
      } else {
        client.release()
      }
    }
  } finally {
    keys.delete(key)
  }
}

interface JobLogger {
  error(obj: object, msg: string): void
}

/**
 * A background chore that runs every `everyMs` (and at start-up with `runAtStart`), single-flight
 * across replicas through {@link runExclusive}. `work` is told when the app is stopping, so it can end
 * after its current batch; `stop()` waits for that.
 */
export function createSingleFlightJob<R>(options: {
  database: DbHandle
  key: number
  /** Names the job in its error log line. */
  name: string
  everyMs: number
  runAtStart: boolean
  log: JobLogger
  work: (stopping: () => boolean) => Promise<R>
  /** Told what every run did (logs, metrics); not called when another run had the lock. */
  onFinished?: (report: R) => void
}) {
  const { database, key, log } = options
  let stopping = false
  let timer: NodeJS.Timeout | null = null
  let current: Promise<unknown> | null = null

  /** One run now; null when a run is going on here or on another replica. */
  async function runOnce(): Promise<R | null> {
    const run = runExclusive(database, key, () => options.work(() => stopping))
    current = run
    try {
      const report = await run
      if (report !== null) options.onFinished?.(report)
      return report
    } finally {
      if (current === run) current = null
    }
  }

  const runThenSchedule = () => {
    runOnce()
      .catch((err: unknown) =>
        log.error({ err: { message: (err as Error).message } }, `${options.name} failed`),
      )
      .finally(() => {
        if (!stopping) schedule()
      })
  }
  const schedule = () => {
    timer = setTimeout(runThenSchedule, options.everyMs)
    timer.unref()
  }

  return {
    runOnce,
    start(): void {
      stopping = false
      if (options.runAtStart) runThenSchedule()
      else schedule()
    },
    /** Stops the runs to come; a run in progress ends after its current batch. */
    async stop(): Promise<void> {
      stopping = true
      if (timer) clearTimeout(timer)
      timer = null
      await current?.catch(() => undefined)
    },
  }
}
