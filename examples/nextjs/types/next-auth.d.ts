import type { DefaultSession } from 'next-auth'
import type { ApiSession } from '@/lib/api-sync'

declare module 'next-auth' {
  /** What the signIn callback hands to the jwt callback. */
  interface User {
    api?: ApiSession
  }
  interface Session {
    user: { id: string; role: ApiSession['role'] } & DefaultSession['user']
  }
}

declare module 'next-auth/jwt' {
  /** The encrypted session cookie's content: readable on the server only (getToken). */
  interface JWT {
    apiToken?: string
    userId?: string
    role?: ApiSession['role']
    /** The API token's exp, in seconds. */
    apiExpiresAt?: number
  }
}
