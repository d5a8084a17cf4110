import type { DbHandle } from '../../core/db/client.js'
import type { MediaJanitor } from '../../core/storage/deletions.js'
import type { Clock } from '../../core/time.js'
import { retireUploadsBefore } from './photos.repository.js'

const HOUR_MS = 3_600_000
/** An upload never claimed within this long is deleted. */
export const UNCLAIMED_UPLOAD_MS = 24 * HOUR_MS
const RETIRE_BATCH = 500
/** The advisory lock of this job (one number, the same on every replica). */
const LOCK_KEY = 727_017

interface Logger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface PhotoHousekeepingReport {
  uploadsRetired: number
  objectsDeleted: number
}

const runningHere = new WeakSet<DbHandle>()

/**
 * Runs `job` unless it is already running for this database, here or on another replica (then
 * null). PGlite is one session, whose advisory locks never block: the in-process guard decides.
 */
async function runExclusive<T>(database: DbHandle, job: () => Promise<T>): Promise<T | null> {
  if (runningHere.has(database)) return null
  runningHere.add(database)
  try {
    if (!database.pool) return await job()
    const client = await database.pool.connect()
    let locked = false
    try {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        LOCK_KEY,
      ])
      locked = result.rows[0]?.locked === true
      return locked ? await job() : null
    } finally {
      if (locked) {
        try {
          await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY])
          client.release()
        } catch (err) {
          client.release(err as Error)
        }
      } else client.release()
    }
  } finally {
    runningHere.delete(database)
  }
}

/**
 * The photos' hourly chore, single-flight across replicas: uploads handed out more than a day ago
 * go (their objects once more: a URL could have put bytes back after a claim), then every object
 * marked for deletion that storage could not delete at the time is deleted now.
 */
export function createPhotoHousekeeping(deps: {
  database: DbHandle
  clock: Clock
  janitor: MediaJanitor
  log: Logger
}) {
  const { database, clock, janitor, log } = deps
  let timer: NodeJS.Timeout | null = null
  let current: Promise<unknown> | null = null
  let stopping = false

  async function work(): Promise<PhotoHousekeepingReport> {
    const now = clock()
    const before = new Date(now.getTime() - UNCLAIMED_UPLOAD_MS)
    let uploadsRetired = 0
    for (;;) {
      const n = await database.db.transaction((tx) => retireUploadsBefore(tx, before, RETIRE_BATCH, now))
      uploadsRetired += n
      if (n < RETIRE_BATCH || stopping) break
    }
    const objectsDeleted = await janitor.drain()
    return { uploadsRetired, objectsDeleted }
  }

  async function runOnce(): Promise<PhotoHousekeepingReport | null> {
    const run = runExclusive(database, work)
    current = run
    try {
      const report = await run
      if (report && report.uploadsRetired + report.objectsDeleted > 0) {
        log.info({ ...report }, 'photo housekeeping done')
      }
      return report
    } finally {
      if (current === run) current = null
    }
  }

  const schedule = () => {
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) =>
          log.error({ err: { message: (err as Error).message } }, 'photo housekeeping failed'),
        )
        .finally(() => {
          if (!stopping) schedule()
        })
    }, HOUR_MS)
    timer.unref()
  }

  return {
    runOnce,
    /** Every hour from now on. */
    start(): void {
      stopping = false
      schedule()
    },
    /** Stops the hourly runs; a run in progress finishes its current batch. */
    async stop(): Promise<void> {
      stopping = true
      if (timer) clearTimeout(timer)
      timer = null
      await current?.catch(() => undefined)
    },
  }
}

export type PhotoHousekeeping = ReturnType<typeof createPhotoHousekeeping>
