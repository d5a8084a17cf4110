import { asc, inArray } from 'drizzle-orm'
import type { Database, Executor } from '../db/client.js'
import { mediaDeletions } from '../db/schema.js'
import type { MediaStorage } from './storage.js'

/** Keys deleted from storage per call. */
const DRAIN_BATCH = 500

/**
 * Marks objects for deletion in the caller's transaction: they go once it commits (`drain`), or at
 * the next housekeeping run if storage cannot be reached then. Nothing is deleted for a change that
 * rolls back, and nothing is forgotten for one that commits.
 */
export async function deleteMediaLater(tx: Executor, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return
  await tx
    .insert(mediaDeletions)
    .values(keys.map((key) => ({ key, createdAt: now })))
    .onConflictDoNothing()
}

interface Logger {
  warn(obj: object, msg: string): void
}

export function createMediaJanitor(deps: { db: Database; storage: MediaStorage; log: Logger }) {
  const { db, storage, log } = deps
  return {
    /**
     * Deletes objects marked for deletion (`keys`, or every one) from storage and forgets them.
     * Returns how many went; a storage failure is logged and left for the next run.
     */
    async drain(keys?: readonly string[]): Promise<number> {
      let deleted = 0
      for (;;) {
        const batch = keys
          ? [...keys]
          : (
              await db
                .select({ key: mediaDeletions.key })
                .from(mediaDeletions)
                .orderBy(asc(mediaDeletions.createdAt))
                .limit(DRAIN_BATCH)
            ).map((r) => r.key)
        if (batch.length === 0) return deleted
        try {
          await storage.remove(batch)
        } catch {
          log.warn({ objects: batch.length }, 'photo storage could not delete objects; housekeeping retries')
          return deleted
        }
        await db.delete(mediaDeletions).where(inArray(mediaDeletions.key, batch))
        deleted += batch.length
        if (keys || batch.length < DRAIN_BATCH) return deleted
      }
    },
  }
}

export type MediaJanitor = ReturnType<typeof createMediaJanitor>
