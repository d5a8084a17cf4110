import type { DbHandle } from '../../core/db/client.js'
import { createSingleFlightJob, LOCK_KEYS } from '../../core/db/single-flight.js'
import type { MediaJanitor } from '../../core/storage/deletions.js'
import type { Clock } from '../../core/time.js'
import { retireUploadsBefore } from './photos.repository.js'

const HOUR_MS = 3_600_000
/** An upload never claimed within this long is deleted. */
export const UNCLAIMED_UPLOAD_MS = 24 * HOUR_MS
const RETIRE_BATCH = 500

interface Logger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface PhotoHousekeepingReport {
  uploadsRetired: number
  objectsDeleted: number
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

  async function work(stopping: () => boolean): Promise<PhotoHousekeepingReport> {
    const now = clock()
    const before = new Date(now.getTime() - UNCLAIMED_UPLOAD_MS)
    let uploadsRetired = 0
    for (;;) {
      const n = await database.db.transaction((tx) => retireUploadsBefore(tx, before, RETIRE_BATCH, now))
      uploadsRetired += n
      if (n < RETIRE_BATCH || stopping()) break
    }
    const objectsDeleted = await janitor.drain()
    return { uploadsRetired, objectsDeleted }
  }

  return createSingleFlightJob({
    database,
    key: LOCK_KEYS.photoHousekeeping,
    name: 'photo housekeeping',
    everyMs: HOUR_MS,
    runAtStart: false,
    log,
    work,
    onFinished: (report) => {
      if (report.uploadsRetired + report.objectsDeleted > 0)
        log.info({ ...report }, 'photo housekeeping done')
    },
  })
}

export type PhotoHousekeeping = ReturnType<typeof createPhotoHousekeeping>
