import { createHash, timingSafeEqual, webcrypto } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import type { UserRole } from '../db/schema.js'
import type { Clock } from '../time.js'

/** Our own access token (SPEC §5 claims, plus `tv`, the user's token version at issue time). */
export interface AccessClaims {
  sub: string
  role: UserRole
  tv: number
}

export interface TokenSettings {
  clock: Clock
  secret: string
  issuer: string
  audience: string
  expireMinutes: number
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' }

const CLOCK_TOLERANCE_SECONDS = 5
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface TokenService {
  issue(claims: AccessClaims): Promise<string>
  /** The claims of a token we issued that is still valid, or why it is not. */
  verify(token: string): Promise<VerifyResult>
}

/** Verified tokens remembered (a token is sent with every request of a session). */
const VERIFIED_CACHE_SIZE = 10_000

export function createTokenService(settings: TokenSettings): TokenService {
  // A WebCrypto key imported once: jose imports a Uint8Array or a KeyObject again on every call.
  const key = webcrypto.subtle.importKey(
    'raw',
    Buffer.from(settings.secret, 'utf8'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  // Signature and claims checked once per token; expiry is still checked on every use.
  const verified = new Map<string, { claims: AccessClaims; exp: number }>()

  async function verifyWithJose(token: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: ['HS256'],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['sub', 'iat', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: settings.clock(),
      })
      const { sub, role, tv, exp, iat } = payload
      if (typeof sub !== 'string' || !UUID.test(sub) || (role !== 'user' && role !== 'admin')) {
        return { ok: false, reason: 'invalid' }
      }
      // jose accepts any iat; a token from the future was not issued by this clock.
      const now = settings.clock().getTime() / 1000
      if (typeof iat !== 'number' || iat > now + CLOCK_TOLERANCE_SECONDS)
        return { ok: false, reason: 'invalid' }
      if (typeof tv !== 'number' || !Number.isInteger(tv) || typeof exp !== 'number') {
        return { ok: false, reason: 'invalid' }
      }
      const claims: AccessClaims = { sub, role: role as UserRole, tv }
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string)
      verified.set(token, { claims, exp })
      return { ok: true, claims }
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' }
      if (err instanceof joseErrors.JOSEError) return { ok: false, reason: 'invalid' }
      throw err
    }
  }

  return {
    async issue({ sub, role, tv }) {
      const iat = Math.floor(settings.clock().getTime() / 1000)
      return new SignJWT({ role, tv })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + settings.expireMinutes * 60)
        .sign(await key)
    },
    async verify(token) {
      const known = verified.get(token)
      if (known) {
        const now = settings.clock().getTime() / 1000
        if (now <= known.exp + CLOCK_TOLERANCE_SECONDS) return { ok: true, claims: known.claims }
        verified.delete(token)
        return { ok: false, reason: 'expired' }
      }
      return verifyWithJose(token)
    },
  }
}

/**
 * The credentials of an `Authorization: Bearer <token>` header; the scheme name is
 * case-insensitive (RFC 7235 §2.1), so `bearer` and `BEARER` work too.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] : undefined
}

/** Compares two secrets in time independent of where they differ (and of their lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
