import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../core/db/client.js'
import type { UserRole, UserRow } from '../../core/db/schema.js'
import { forbidden, unauthorized } from '../../core/errors.js'
import type { TokenService } from '../../core/security/tokens.js'
import type { Clock } from '../../core/time.js'
import { ACTIVITY_RESOLUTION_MS, type ActivityRecorder } from '../users/activity.js'
import { findUserById } from '../users/users.repository.js'

export interface AuthContext {
  userId: string
  role: UserRole
  /** The user's row as read for this request (routes need not read it again). */
  user?: UserRow
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/

export interface Authenticator {
  /** preParsing hook (after the rate limit, before the body is read): any valid, unrevoked token of a user who is neither banned nor deleted. */
  requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /** preParsing hook (after the rate limit, before the body is read): as requireUser, but a banned user is let in (only deleting the account uses it). */
  requireAccount(request: FastifyRequest, reply: FastifyReply): Promise<void>
  /** preParsing hook (after the rate limit, before the body is read): as requireUser, and the user's role in the database is `admin`. */
  requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>
}

export function createAuthenticator(deps: {
  db: Database
  tokens: TokenService
  activity: ActivityRecorder
  clock: Clock
}): Authenticator {
  async function authenticate(request: FastifyRequest, allowBanned = false): Promise<AuthContext> {
    const header = request.headers.authorization
    if (!header) throw unauthorized('AUTH_REQUIRED', 'Sign in first: send Authorization: Bearer <jwt>')
    const token = BEARER.exec(header)?.[1]
    if (!token) throw unauthorized('INVALID_TOKEN', 'The Authorization header is not a bearer token')
    const result = await deps.tokens.verify(token)
    if (!result.ok) {
      throw result.reason === 'expired'
        ? unauthorized('TOKEN_EXPIRED', 'The access token has expired; sign in again')
        : unauthorized('INVALID_TOKEN', 'The access token is not valid')
    }
    // The token alone is not enough: a ban or a deletion must take effect before it expires.
    const user = await findUserById(deps.db, result.claims.sub)
    if (!user || user.deletedAt || user.tokenVersion !== result.claims.tv) {
      throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid; sign in again')
    }
    if (user.banned && !allowBanned) throw forbidden('USER_BANNED', 'This account has been suspended')
    const now = deps.clock()
    if (!user.lastActiveAt || now.getTime() - user.lastActiveAt.getTime() >= ACTIVITY_RESOLUTION_MS) {
      deps.activity.note(user.id, now)
    }
    return { userId: user.id, role: user.role, user }
  }

  async function signIn(request: FastifyRequest, allowBanned: boolean): Promise<void> {
    const auth = await authenticate(request, allowBanned)
    request.auth = auth
    request.log = request.log.child({ userId: auth.userId })
  }
  const requireUser = (request: FastifyRequest) => signIn(request, false)

  return {
    requireUser,
    requireAccount: (request) => signIn(request, true),
    async requireAdmin(request) {
      await requireUser(request)
      if (request.auth?.role !== 'admin') throw forbidden('ADMIN_ONLY', 'This route is for administrators')
    },
  }
}

/** The authenticated caller of a route guarded by requireUser/requireAdmin. */
export function caller(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized('AUTH_REQUIRED', 'Sign in first')
  return request.auth
}
