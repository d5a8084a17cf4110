import type { Database } from '../../core/db/client.js'
import { recordActivity } from './users.repository.js'

/** How stale last_active_at may get before a request refreshes it. */
export const ACTIVITY_RESOLUTION_MS = 60_000
const FLUSH_EVERY_MS = 1_000

/**
 * Keeps users.last_active_at fresh without a write per request: requests note the user here, and
 * one UPDATE a second writes everyone noted. (Monday at 10:00 every user opens their list at once.)
 */
export function createActivityRecorder(db: Database, onError: (err: Error) => void) {
  let pending = new Map<string, Date>()
  let flushing: Promise<void> = Promise.resolve()

  const flush = () => {
    if (pending.size === 0) return flushing
    const batch = [...pending].map(([id, at]) => ({ id, at }))
    pending = new Map()
    flushing = flushing.then(() => recordActivity(db, batch)).catch((err: Error) => onError(err))
    return flushing
  }
  const timer = setInterval(() => void flush(), FLUSH_EVERY_MS)
  timer.unref()

  return {
    note(userId: string, at: Date): void {
      pending.set(userId, at)
    },
    /** Writes what is noted now (shutdown, tests). */
    flush,
    async close(): Promise<void> {
      clearInterval(timer)
      await flush()
    },
  }
}

export type ActivityRecorder = ReturnType<typeof createActivityRecorder>

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's activity recorder (tests flush it to read last_active_at). */
    activity: ActivityRecorder
  }
}
