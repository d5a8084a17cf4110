/**
 * Exchanges Kakao's ID token for an API token: POST /auth/sync-kakao, from the Next.js server only
 * (the shared secret never reaches the browser). A plain module (no Next.js imports) so that the
 * API's own test suite runs it against the API; auth.ts calls it from the signIn callback.
 */
import type { paths } from '@/contract/api'

type Sync = paths['/auth/sync-kakao']['post']
type SyncAnswer = Sync['responses'][200]['content']['application/json']
type SyncErrorAnswers = Exclude<Sync['responses'][keyof Sync['responses']], Sync['responses'][200]>

/** Every code the API documents for sign-in (openapi.json), plus the two the network adds. */
export type SyncFailureCode =
  | SyncErrorAnswers['content']['application/json']['error']['code']
  /** No answer in time, no connection, or a proxy's error page instead of the API's. */
  | 'API_UNREACHABLE'
  /** An answer that is neither the API's success nor its error shape. */
  | 'UNEXPECTED_RESPONSE'

export interface ApiSession {
  apiToken: string
  userId: string
  role: SyncAnswer['user']['role']
  /** When the API token expires, in seconds since the epoch (as a JWT's exp). */
  expiresAt: number
}

export type SyncResult =
  | { ok: true; session: ApiSession }
  | {
      ok: false
      code: SyncFailureCode
      status: number | null
      requestId: string | null
      /** Seconds to wait, from Retry-After (429, 503). */
      retryAfter: number | null
    }

export interface SyncOptions {
  /** The API's base URL (API_URL). */
  apiUrl: string
  /** The API's SYNC_SHARED_SECRET. */
  syncSecret: string | undefined
  /** Sign-in waits at most this long for the API (default 5 s). */
  timeoutMs?: number
}

/**
 * What the person sees for each failure: where sign-in sends them and whether trying again can
 * help. Typed by the contract: a code the API adds to sign-in fails the example's type check until
 * it is handled here.
 */
export const SYNC_FAILURES: Record<SyncFailureCode, { redirect: string; retry: boolean }> = {
  USER_BANNED: { redirect: '/suspended', retry: false },
  // Kakao's keys, the database or the API itself are briefly unavailable: not the person's fault.
  KAKAO_UNAVAILABLE: { redirect: '/sign-in-error?code=API_UNREACHABLE', retry: true },
  DATABASE_UNAVAILABLE: { redirect: '/sign-in-error?code=API_UNREACHABLE', retry: true },
  INTERNAL_ERROR: { redirect: '/sign-in-error?code=API_UNREACHABLE', retry: true },
  API_UNREACHABLE: { redirect: '/sign-in-error?code=API_UNREACHABLE', retry: true },
  RATE_LIMITED: { redirect: '/sign-in-error?code=RATE_LIMITED', retry: true },
  // The ID token is older than 10 minutes, was already used, or did not verify: a fresh Kakao login.
  ID_TOKEN_EXPIRED: { redirect: '/sign-in-error?code=SIGN_IN_AGAIN', retry: true },
  ID_TOKEN_REPLAYED: { redirect: '/sign-in-error?code=SIGN_IN_AGAIN', retry: true },
  INVALID_ID_TOKEN: { redirect: '/sign-in-error?code=SIGN_IN_AGAIN', retry: true },
  // Our configuration or code is wrong (secret, OIDC scope, body): retrying does not help.
  INVALID_SYNC_SECRET: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  ID_TOKEN_REQUIRED: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  KAKAO_USER_ID_REQUIRED: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  KAKAO_ID_MISMATCH: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  VALIDATION_ERROR: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  BAD_REQUEST: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  PAYLOAD_TOO_LARGE: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  UNSUPPORTED_MEDIA_TYPE: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
  UNEXPECTED_RESPONSE: { redirect: '/sign-in-error?code=CONFIGURATION', retry: false },
}

const DEFAULT_TIMEOUT_MS = 5_000

/** JSON if the body is JSON, else undefined (a proxy's HTML error page, an empty body). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isSyncAnswer(body: unknown): body is SyncAnswer {
  const b = body as SyncAnswer | undefined
  return typeof b?.jwt === 'string' && typeof b.expiresAt === 'string' && typeof b.user?.id === 'string'
}

function errorOf(body: unknown): { code: string; requestId?: string } | undefined {
  const error = (body as { error?: { code?: unknown; requestId?: unknown } } | undefined)?.error
  if (typeof error?.code !== 'string') return undefined
  return { code: error.code, ...(typeof error.requestId === 'string' ? { requestId: error.requestId } : {}) }
}

function isKnown(code: string): code is SyncFailureCode {
  return Object.hasOwn(SYNC_FAILURES, code)
}

/**
 * `idToken` is Kakao's fresh ID token (account.id_token); `kakaoUserId` its subject
 * (account.providerAccountId), which a production API checks against the token and a development API
 * (KAKAO_VERIFY=none) takes as sent.
 */
export async function syncWithApi(
  identity: { idToken: string; kakaoUserId?: string },
  options: SyncOptions,
): Promise<SyncResult> {
  const body: Sync['requestBody']['content']['application/json'] = identity
  let res: Response
  let text: string
  try {
    res = await fetch(new URL('auth/sync-kakao', options.apiUrl.replace(/\/?$/, '/')), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.syncSecret ? { 'x-sync-secret': options.syncSecret } : {}),
      },
      body: JSON.stringify(body),
      // The whole exchange, body included: a stalled API must not hold the sign-in forever.
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    })
    text = await res.text()
  } catch {
    // Timeout (TimeoutError), refused connection or DNS failure (TypeError): nothing answered.
    return { ok: false, code: 'API_UNREACHABLE', status: null, requestId: null, retryAfter: null }
  }
  const json = parseJson(text)
  if (res.ok && isSyncAnswer(json)) {
    return {
      ok: true,
      session: {
        apiToken: json.jwt,
        userId: json.user.id,
        role: json.user.role,
        expiresAt: Math.floor(Date.parse(json.expiresAt) / 1000),
      },
    }
  }
  const retryAfter = Number(res.headers.get('retry-after'))
  const failure = {
    ok: false as const,
    status: res.status,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  }
  const error = errorOf(json)
  if (error && isKnown(error.code))
    return { ...failure, code: error.code, requestId: error.requestId ?? null }
  // Not the API's answer: a gateway's 502 page while the API restarts, or something else entirely.
  return {
    ...failure,
    code: res.status >= 500 ? 'API_UNREACHABLE' : 'UNEXPECTED_RESPONSE',
    requestId: error?.requestId ?? null,
  }
}
