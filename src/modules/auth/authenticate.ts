import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../core/db/client.js'
import type { UserRole, UserRow } from '../../core/db/schema.js'
import { forbidden, unauthorized } from '../../core/errors.js'
import { type AccessClaims, bearerToken, type TokenService } from '../../core/security/tokens.js'
import type { Clock } from '../../core/time.js'
import { ACTIVITY_RESOLUTION_MS, type ActivityRecorder } from '../users/activity.js'
import { findUserById } from '../users/users.repository.js'

export interface AuthContext {
  userId: string
  role: UserRole
  /** The person proved who they are (본인인증): what the IDENTITY_REQUIRED gate checks. */
  identityVerified: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null
    /** The verified claims of a route guarded by requireToken, before the caller's row is admitted. */
    tokenClaims: AccessClaims | null
  }
}

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

export interface Authenticator {
  /** preParsing hook (after the rate limit, before the body is read): any valid, unrevoked token of a user who is neither banned nor deleted. */
  requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /** preParsing hook (after the rate limit, before the body is read): as requireUser, but a banned user is let in (deleting the account and signing out use it). */
  requireAccount(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /**
   * preParsing hook (after the rate limit, before the body is read): as requireUser, and the user's
   * role in the database is `admin` and their Kakao id is in the current ADMIN_KAKAO_IDS (an id
   * removed from the list loses admin power at once, not when its tokens expire).
   */
  requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /**
   * preParsing hook for a route that reads the caller's row in the same statement as its data (one
   * database round trip instead of two): only the token is checked here (401 when missing, malformed,
   * forged or expired). The handler must pass the row it read to `admitter` before answering; until then
   * `caller()` refuses the request.
   */
  requireToken(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /**
   * For a route guarded by requireToken: the checks requireUser makes (revoked, deleted, banned), to
   * run on the caller's row once the route has read it; throws 401/403, or admits the caller.
   */
  admitter(request: FastifyRequest): Admit
}

/** Checks the caller's row a route read itself; returns only when the caller is admitted. */
export type Admit = (user: UserRow | undefined) => asserts user is UserRow

export function createAuthenticator(deps: {
  db: Database
  tokens: TokenService
  activity: ActivityRecorder
  clock: Clock
  adminKakaoIds: ReadonlySet<string>
}): Authenticator {
  async function verifyBearer(request: FastifyRequest): Promise<AccessClaims> {
    const header = request.headers.authorization
    if (!header) throw unauthorized('AUTH_REQUIRED', 'Sign in first: send Authorization: Bearer <jwt>')
    const token = bearerToken(header)
    if (!token || !COMPACT_JWT.test(token))
      throw unauthorized('INVALID_TOKEN', 'The Authorization header is not a bearer token')
    const result = await deps.tokens.verify(token)
    if (!result.ok) {
      throw result.reason === 'expired'
        ? unauthorized('TOKEN_EXPIRED', 'The access token has expired; sign in again')
        : unauthorized('INVALID_TOKEN', 'The access token is not valid')
    }
    return result.claims
  }

  function admitUser(
    request: FastifyRequest,
    claims: AccessClaims,
    user: UserRow | undefined,
    allowBanned: boolean,
  ): AuthContext {
    // The token alone is not enough: a ban or a deletion must take effect before it expires.
    if (!user || user.id !== claims.sub || user.deletedAt) {
      throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid; sign in again')
    }
    // A ban ends every session too (the version moves on), but while it lasts the person is told why;
    // and the session the ban ended may still delete the account or sign out (PIPA: a banned person
    // can still have their data erased, and cannot sign in again to get a fresh token).
    if (user.banned && !allowBanned) throw forbidden('USER_BANNED', 'This account has been suspended')
    const endedByBan = user.banned && claims.tv === user.tokenVersion - 1
    if (user.tokenVersion !== claims.tv && !endedByBan) {
      throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid; sign in again')
    }
    const now = deps.clock()
    if (!user.lastActiveAt || now.getTime() - user.lastActiveAt.getTime() >= ACTIVITY_RESOLUTION_MS) {
      deps.activity.note(user.id, now)
    }
    const auth: AuthContext = {
      userId: user.id,
      role: user.role,
      identityVerified: user.identityVerifiedAt !== null,
    }
    request.auth = auth
    bindUser(request, auth.userId)
    return auth
  }

  async function signIn(request: FastifyRequest, allowBanned: boolean): Promise<UserRow> {
    const claims = await verifyBearer(request)
    const user = await findUserById(deps.db, claims.sub)
    admitUser(request, claims, user, allowBanned) // throws unless the user is admitted
    return user as UserRow
  }

  return {
    requireUser: async (request) => void (await signIn(request, false)),
    requireAccount: async (request) => void (await signIn(request, true)),
    async requireAdmin(request) {
      const user = await signIn(request, false)
      if (user.role !== 'admin' || !deps.adminKakaoIds.has(user.kakaoUserId)) {
        throw forbidden('ADMIN_ONLY', 'This route is for administrators')
      }
    },
    async requireToken(request) {
      request.tokenClaims = await verifyBearer(request)
    },
    admitter(request) {
      return (user) => {
        const claims = request.tokenClaims
        if (!claims) throw unauthorized('AUTH_REQUIRED', 'Sign in first')
        admitUser(request, claims, user, false)
      }
    },
  }
}

/**
 * Names the user on this request's log lines. Fastify gives every request a child logger of its own,
 * so its bindings are extended in place (cheaper than another child on the busiest path); a logger
 * without setBindings (logging disabled) gets a child.
 */
function bindUser(request: FastifyRequest, userId: string): void {
  const log = request.log as FastifyBaseLogger & { setBindings?: (bindings: Record<string, unknown>) => void }
  if (typeof log.setBindings === 'function') log.setBindings({ userId })
  else request.log = log.child({ userId })
}

/** The subject of the verified token on a route guarded by requireToken (whose row it must still admit). */
export function tokenSubject(request: FastifyRequest): string {
  if (!request.tokenClaims) throw unauthorized('AUTH_REQUIRED', 'Sign in first')
  return request.tokenClaims.sub
}

/** The authenticated caller of a route guarded by requireUser/requireAdmin. */
export function caller(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized('AUTH_REQUIRED', 'Sign in first')
  return request.auth
}
