import { recordAdminAction, recordSystemAction } from '../../core/audit.js'
import type { Database } from '../../core/db/client.js'
import { forbidden } from '../../core/errors.js'
import type { IdentityHasher } from '../../core/security/identity-hash.js'
import type { Clock } from '../../core/time.js'
import { findBannedIdentity } from '../users/account.repository.js'
import { upsertUserByKakaoId } from '../users/users.repository.js'
import type { ConsoleSessions } from './console.session.js'

export type SignInMethod = 'kakao' | 'dev'

/**
 * Console sign-in once Kakao (or, in development, the dev button) has said who someone is: only ids
 * in ADMIN_KAKAO_IDS get a session; every sign-in and every refusal is written to admin_actions.
 */
export function createConsoleService(deps: {
  db: Database
  clock: Clock
  identities: IdentityHasher
  adminKakaoIds: ReadonlySet<string>
  sessions: ConsoleSessions
}) {
  const { db, clock } = deps
  const refuse = async (kakaoUserId: string, method: SignInMethod, why: 'not_admin' | 'banned') => {
    await db.transaction((tx) =>
      recordSystemAction(tx, 'console', {
        action: 'console.signin_refused',
        targetId: null,
        detail: { kakaoUserId, method, why },
      }),
    )
    return forbidden(
      why === 'banned' ? 'USER_BANNED' : 'CONSOLE_NOT_ADMIN',
      why === 'banned' ? 'This account has been suspended' : 'This Kakao account is not an administrator',
    )
  }

  return {
    /** A session token for an admin, or a 403 (nothing is created for anyone else). */
    async signIn(kakaoUserId: string, method: SignInMethod): Promise<string> {
      if (!deps.adminKakaoIds.has(kakaoUserId)) throw await refuse(kakaoUserId, method, 'not_admin')
      const user = await db.transaction(async (tx) => {
        const banned = await findBannedIdentity(tx, deps.identities.known(kakaoUserId))
        const row = await upsertUserByKakaoId(tx, kakaoUserId, 'admin', banned !== undefined, clock())
        if (!row.banned)
          await recordAdminAction(tx, {
            adminId: row.id,
            action: 'console.signin',
            targetId: row.id,
            detail: { method },
          })
        return row
      })
      if (user.banned) throw await refuse(kakaoUserId, method, 'banned')
      return deps.sessions.start(user)
    },

    async signOut(userId: string, token: string | undefined): Promise<void> {
      await deps.sessions.end(token)
      await db.transaction((tx) =>
        recordAdminAction(tx, { adminId: userId, action: 'console.signout', targetId: userId }),
      )
    },
  }
}

export type ConsoleService = ReturnType<typeof createConsoleService>
