import { decodeJwt } from 'jose'
import { recordSystemAction } from '../../core/audit.js'
import type { Config } from '../../core/config.js'
import type { Database } from '../../core/db/client.js'
import { badRequest, forbidden, unauthorized } from '../../core/errors.js'
import type { IdentityHasher } from '../../core/security/identity-hash.js'
import { secretsEqual, type TokenService } from '../../core/security/tokens.js'
import type { Clock } from '../../core/time.js'
import {
  findBannedIdentity,
  forgetBannedIdentity,
  rememberBannedIdentity,
} from '../users/account.repository.js'
import { demoteAdminsExcept, endSessions, upsertUserByKakaoId } from '../users/users.repository.js'
import { toUser } from '../users/users.schemas.js'
import { recordIdTokenUse } from './auth.repository.js'
import type { AuthContext } from './authenticate.js'
import type { KakaoIdentity, KakaoIdTokenVerifier } from './kakao-id-token.js'

export interface SyncKakaoInput {
  kakaoUserId?: string | undefined
  idToken?: string | undefined
  syncSecret?: string | undefined
}

export interface AuthServiceDeps {
  config: Config
  db: Database
  tokens: TokenService
  kakao: KakaoIdTokenVerifier | null
  clock: Clock
  identities: IdentityHasher
}

export function createAuthService({ config, db, tokens, kakao, clock, identities }: AuthServiceDeps) {
  async function proveIdentity(
    input: SyncKakaoInput,
  ): Promise<{ kakaoUserId: string; proof?: KakaoIdentity }> {
    if (config.kakao.verify === 'none') {
      if (!input.kakaoUserId) throw badRequest('KAKAO_USER_ID_REQUIRED', 'kakaoUserId is required')
      return { kakaoUserId: input.kakaoUserId }
    }
    if (!kakao) throw new Error('KAKAO_VERIFY=idtoken without a Kakao verifier')
    if (!input.idToken)
      throw badRequest('ID_TOKEN_REQUIRED', 'idToken (the Kakao OpenID Connect ID token) is required')
    const proof = await kakao.verify(input.idToken)
    if (input.kakaoUserId !== undefined && input.kakaoUserId !== proof.kakaoUserId) {
      throw unauthorized('KAKAO_ID_MISMATCH', 'kakaoUserId does not match the ID token')
    }
    return { kakaoUserId: proof.kakaoUserId, proof }
  }

  return {
    /** POST /auth/logout: ends every session of the caller (a banned person may sign out too). */
    async logout(auth: AuthContext): Promise<void> {
      await endSessions(db, auth.userId)
    },

    /** POST /auth/sync-kakao: proves who the caller is, upserts the user, issues our JWT. */
    async syncKakao(input: SyncKakaoInput) {
      const expected = config.kakao.syncSharedSecret
      if (
        expected !== undefined &&
        (input.syncSecret === undefined || !secretsEqual(input.syncSecret, expected))
      ) {
        throw unauthorized('INVALID_SYNC_SECRET', 'X-Sync-Secret is missing or wrong')
      }
      const { kakaoUserId, proof } = await proveIdentity(input)
      const role = config.adminKakaoIds.has(kakaoUserId) ? 'admin' : 'user'

      const user = await db.transaction(async (tx) => {
        if (proof && !(await recordIdTokenUse(tx, proof.tokenHash, proof.expiresAt, clock()))) {
          throw unauthorized('ID_TOKEN_REPLAYED', 'This ID token has already been used; sign in again')
        }
        const banned = await findBannedIdentity(tx, identities.known(kakaoUserId))
        const current = identities.hash(kakaoUserId)
        if (banned && banned !== current) {
          // Stored under a legacy key: keep it under IDENTITY_HASH_KEY from now on.
          await forgetBannedIdentity(tx, [banned])
          await rememberBannedIdentity(tx, current)
        }
        return upsertUserByKakaoId(tx, kakaoUserId, role, banned !== undefined, clock())
      })
      if (user.banned) throw forbidden('USER_BANNED', 'This account has been suspended')

      const jwt = await tokens.issue({ sub: user.id, role: user.role, tv: user.tokenVersion })
      // The front end ends its own session when ours does (its cookie may live longer).
      const expiresAt = new Date((decodeJwt(jwt).exp ?? 0) * 1000).toISOString()
      return { jwt, expiresAt, user: toUser(user) }
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>

/**
 * At start-up: admins whose Kakao id is no longer in ADMIN_KAKAO_IDS become users and their sessions
 * end, each demotion audited as `system:startup`, in one transaction. (Admin routes also check the
 * list on every request; this makes the database and the tokens agree with it.)
 */
export async function demoteUnlistedAdmins(
  db: Database,
  adminKakaoIds: ReadonlySet<string>,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const demoted = await demoteAdminsExcept(tx, [...adminKakaoIds])
    for (const userId of demoted) {
      await recordSystemAction(tx, 'startup', {
        action: 'user.demote',
        targetId: userId,
        detail: { reason: 'no longer in ADMIN_KAKAO_IDS' },
      })
    }
    return demoted
  })
}
