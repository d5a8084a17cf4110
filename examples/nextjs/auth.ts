import NextAuth from 'next-auth'
import 'server-only'
import { SYNC_FAILURES, syncWithApi } from '@/lib/api-sync'

const apiUrl = process.env.API_URL ?? 'http://localhost:8000'

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt' },
  providers: [
    {
      // Kakao as an OpenID Connect provider: Auth.js validates the ID token (iss, aud, exp) and the
      // nonce; the API verifies the token's signature again before it trusts the Kakao id.
      id: 'kakao',
      name: 'Kakao',
      type: 'oidc',
      issuer: 'https://kauth.kakao.com',
      clientId: process.env.KAKAO_REST_API_KEY, // the API's KAKAO_CLIENT_ID
      clientSecret: process.env.KAKAO_CLIENT_SECRET,
      // Kakao's token endpoint reads the secret from the body; Auth.js would send HTTP Basic.
      client: { token_endpoint_auth_method: 'client_secret_post' },
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid' } },
    },
  ],
  pages: { error: '/sign-in-error' },
  callbacks: {
    // Sync here, not in `jwt`: only signIn can send the person somewhere else (a string is a redirect)
    // instead of Auth.js's generic error page.
    async signIn({ user, account }) {
      if (account?.provider !== 'kakao') return false
      if (!account.id_token) return SYNC_FAILURES.ID_TOKEN_REQUIRED.redirect
      const result = await syncWithApi(
        { idToken: account.id_token, kakaoUserId: account.providerAccountId },
        { apiUrl, syncSecret: process.env.SYNC_SHARED_SECRET },
      )
      if (!result.ok) {
        console.warn(`sign-in refused: ${result.code} (API request ${result.requestId ?? '-'})`)
        return SYNC_FAILURES[result.code].redirect
      }
      // Without a database adapter Auth.js hands this same `user` object to the jwt callback next.
      user.api = result.session
      return true
    },
    async jwt({ token, user, trigger }) {
      if (trigger === 'signIn' && user?.api) {
        token.apiToken = user.api.apiToken
        token.userId = user.api.userId
        token.role = user.api.role
        token.apiExpiresAt = user.api.expiresAt
      }
      // The Auth.js cookie slides for 30 days; the API token lives JWT_EXPIRE_MINUTES (7 days). Once
      // it has expired the session ends (null clears the cookie) and the person signs in with Kakao.
      if (!token.apiExpiresAt || Date.now() >= token.apiExpiresAt * 1000) return null
      return token
    },
    // The session is readable by the browser (/api/auth/session): the role and id, never the API token.
    session({ session, token }) {
      session.user.id = token.userId ?? ''
      session.user.role = token.role ?? 'user'
      return session
    },
  },
  events: {
    // POST /auth/logout ends every session of the person, on every device.
    async signOut(message) {
      const apiToken = 'token' in message ? message.token?.apiToken : undefined
      if (!apiToken) return
      await fetch(new URL('auth/logout', `${apiUrl}/`), {
        method: 'POST',
        headers: { authorization: `Bearer ${apiToken}` },
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined)
    },
  },
})
