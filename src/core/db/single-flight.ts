import type { DbHandle } from './client.js'

/** Advisory lock keys of the background jobs (one number each, the same on every replica). */
export const LOCK_KEYS = { housekeeping: 727_004 } as const

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
