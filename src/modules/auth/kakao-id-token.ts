import { createHash } from 'node:crypto'
import { createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose'
import { AppError, serviceUnavailable, unauthorized } from '../../core/errors.js'
import type { Clock } from '../../core/time.js'

export const KAKAO_ISSUER = 'https://kauth.kakao.com'
/** DESIGN.md §1: an ID token is accepted only while fresh. */
const MAX_TOKEN_AGE_SECONDS = 10 * 60
const CLOCK_TOLERANCE_SECONDS = 60

export interface KakaoIdentity {
  kakaoUserId: string
  /** When the token stops being valid: its hash must be remembered until then. */
  expiresAt: Date
  /** SHA-256 of the token's decoded signature (see signatureHash). */
  tokenHash: string
}

export interface KakaoIdTokenVerifier {
  /** Verifies a Kakao OpenID Connect ID token; throws a 401 AppError if it is not acceptable. */
  verify(idToken: string): Promise<KakaoIdentity>
}

/**
 * What identifies a use of an ID token: its decoded signature bytes, not the string. The last
 * base64url character of an RS256 signature carries unused bits, so one token has several spellings
 * that all verify; they decode to the same bytes (and the signed header.payload cannot change).
 */
function signatureHash(idToken: string): string {
  const signature = idToken.slice(idToken.lastIndexOf('.') + 1)
  return createHash('sha256').update(Buffer.from(signature, 'base64url')).digest('hex')
}

const kakaoUnavailable = () =>
  serviceUnavailable('KAKAO_UNAVAILABLE', 'Kakao sign-in keys could not be fetched; try again')

export function createKakaoIdTokenVerifier(options: {
  clientId: string
  jwksUrl: string
  clock: Clock
  /** How long to wait for the key set (default 5 s). */
  timeoutMs?: number
}): KakaoIdTokenVerifier {
  // jose caches the key set and refetches on an unknown `kid` (at most every 30 s).
  const remote = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.timeoutMs ?? 5_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 6 * 60 * 60 * 1000,
  })
  // Getting the key set is Kakao's side of the bargain: an HTTP error, a timeout, a body that is not
  // a key set or no route to Kakao is a 503 to retry, never a 401 blaming the person signing in.
  // Only "no key for this token" is about the token.
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token)
    } catch (err) {
      if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWKSMultipleMatchingKeys) {
        throw err
      }
      throw kakaoUnavailable()
    }
  }
  return {
    async verify(idToken) {
      try {
        const { payload } = await jwtVerify(idToken, keys, {
          algorithms: ['RS256'],
          issuer: KAKAO_ISSUER,
          audience: options.clientId,
          maxTokenAge: MAX_TOKEN_AGE_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: options.clock(),
        })
        if (
          typeof payload.sub !== 'string' ||
          !/^\d{1,20}$/.test(payload.sub) ||
          typeof payload.exp !== 'number'
        ) {
          throw unauthorized('INVALID_ID_TOKEN', 'The Kakao ID token has no valid subject')
        }
        // jose lets maxTokenAge stretch by the clock tolerance; the 10-minute rule is strict.
        const ageSeconds = options.clock().getTime() / 1000 - (payload.iat ?? 0)
        if (ageSeconds > MAX_TOKEN_AGE_SECONDS) {
          throw unauthorized(
            'ID_TOKEN_EXPIRED',
            'The Kakao ID token is more than 10 minutes old; sign in again',
          )
        }
        return {
          kakaoUserId: payload.sub,
          expiresAt: new Date((payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000),
          tokenHash: signatureHash(idToken),
        }
      } catch (err) {
        if (err instanceof AppError) throw err
        if (err instanceof joseErrors.JWTExpired) {
          throw unauthorized(
            'ID_TOKEN_EXPIRED',
            'The Kakao ID token has expired or is too old; sign in again',
          )
        }
        if (err instanceof joseErrors.JOSEError) {
          throw unauthorized('INVALID_ID_TOKEN', 'The Kakao ID token is not valid')
        }
        throw err
      }
    },
  }
}
