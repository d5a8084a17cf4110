import { eq, or, type SQL } from 'drizzle-orm'
import { matches } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { unauthorized } from '../../core/errors.js'
import type { MediaJanitor } from '../../core/storage/deletions.js'
import type { AuthContext } from '../auth/authenticate.js'
import { closeMatchesAndNotify } from '../matches/matches.service.js'
import { erasePersonalData, rememberBannedIdentity } from './account.repository.js'
import { anonymiseUser, findUserById } from './users.repository.js'

export function createAccountService({
  db,
  clock,
  identities,
  janitor,
  notifier,
}: Pick<CoreDeps, 'db' | 'clock' | 'identities' | 'notifier'> & { janitor: MediaJanitor }) {
  return {
    /**
     * DELETE /me: closes the person's matches, erases their personal data and anonymises the
     * account, in one transaction; their tokens stop working at once; their photos' and uploads'
     * files are deleted once it commits. A banned person's Kakao id is remembered as a keyed hash,
     * and so is their verified CI's hash (already keyed), so that neither deleting the account nor
     * coming back with another Kakao account lifts the ban. Otherwise the CI hash goes with the rest
     * of the identity verification.
     */
    async deleteAccount(auth: AuthContext): Promise<void> {
      await db.transaction(async (tx) => {
        const user = await findUserById(tx, auth.userId)
        if (!user || user.deletedAt) throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid')
        const now = clock()
        if (user.banned) await rememberBannedIdentity(tx, identities.hash(user.kakaoUserId), user.ciHash)
        await closeMatchesAndNotify(
          tx,
          notifier,
          or(eq(matches.userA, user.id), eq(matches.userB, user.id)) as SQL,
          now,
          { reason: 'closed', quiet: [user.id] },
        )
        await erasePersonalData(tx, user.id, now)
        await anonymiseUser(tx, user.id, now)
      })
      await janitor.drain()
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>
