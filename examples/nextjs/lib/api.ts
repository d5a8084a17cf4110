import 'server-only'
import { headers } from 'next/headers'
import { getToken } from 'next-auth/jwt'
import createClient from 'openapi-fetch'
import type { paths } from '@/contract/api'

/**
 * The API token of the signed-in person, read from the encrypted Auth.js cookie on the server (a
 * Server Component, Server Action or Route Handler). It is never put in the session, which the
 * browser can read. Over https the cookie is `__Secure-authjs.session-token`: `secureCookie` picks
 * that name (and the salt derived from it).
 */
export async function apiToken(): Promise<string | null> {
  const token = await getToken({
    req: { headers: await headers() },
    secret: process.env.AUTH_SECRET,
    secureCookie: process.env.AUTH_URL?.startsWith('https://') ?? process.env.NODE_ENV === 'production',
  })
  return token?.apiToken ?? null
}

/** A typed client for the API, as the signed-in person (or anonymous without a token). */
export function apiFor(token: string | null) {
  return createClient<paths>({
    baseUrl: process.env.API_URL ?? 'http://localhost:8000',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(10_000),
  })
}

export async function api() {
  return apiFor(await apiToken())
}
