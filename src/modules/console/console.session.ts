import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../../core/db/client.js'
import type { Clock } from '../../core/time.js'
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  touchSession,
} from './console.repository.js'

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
export const SESSION_IDLE_MS = 60 * 60 * 1000
/** Last-seen is written at most this often (every page would otherwise be a write). */
const TOUCH_EVERY_MS = 60 * 1000

export interface ConsoleSession {
  userId: string
  csrfToken: string
  /** The admin's Kakao id, shown in the header. */
  kakaoUserId: string
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

export function createConsoleSessions(deps: {
  db: Database
  clock: Clock
  adminKakaoIds: ReadonlySet<string>
}) {
  const { db, clock } = deps
  return {
    /** A new session for an admin who just signed in; the cookie gets the token, the database its hash. */
    async start(user: { id: string; tokenVersion: number }): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      const now = clock()
      await db.transaction(async (tx) => {
        await deleteStaleSessions(
          tx,
          new Date(now.getTime() - SESSION_ABSOLUTE_MS),
          new Date(now.getTime() - SESSION_IDLE_MS),
        )
        await insertSession(tx, {
          tokenHash: hashOf(token),
          userId: user.id,
          tokenVersion: user.tokenVersion,
          csrfToken: randomBytes(32).toString('base64url'),
          createdAt: now,
          lastSeenAt: now,
        })
      })
      return token
    },

    /**
     * The session a cookie names, or null: unknown, past 12 h or 1 h idle, or its admin is no longer
     * one (demoted, taken off ADMIN_KAKAO_IDS, banned, deleted, or every session ended by a
     * token_version change). A session found dead is deleted.
     */
    async check(token: string | undefined): Promise<ConsoleSession | null> {
      if (!token || token.length > 100) return null
      const tokenHash = hashOf(token)
      const row = await findSession(db, tokenHash)
      if (!row) return null
      const { session, user } = row
      const now = clock().getTime()
      const alive =
        now - session.createdAt.getTime() < SESSION_ABSOLUTE_MS &&
        now - session.lastSeenAt.getTime() < SESSION_IDLE_MS &&
        user.role === 'admin' &&
        deps.adminKakaoIds.has(user.kakaoUserId) &&
        !user.banned &&
        !user.deletedAt &&
        user.tokenVersion === session.tokenVersion
      if (!alive) {
        await deleteSession(db, tokenHash)
        return null
      }
      if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(db, tokenHash, clock())
      return { userId: user.id, csrfToken: session.csrfToken, kakaoUserId: user.kakaoUserId }
    },

    async end(token: string | undefined): Promise<void> {
      if (token && token.length <= 100) await deleteSession(db, hashOf(token))
    },
  }
}

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>
