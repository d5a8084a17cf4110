import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'

type KeyLike = Awaited<ReturnType<typeof generateKeyPair>>['privateKey']

import { KAKAO_ISSUER } from '../../src/modules/auth/kakao-id-token.js'

export const KAKAO_CLIENT_ID = 'test-kakao-rest-api-key'

/** How the stand-in answers for its key set: as Kakao does, or as a Kakao having a bad day. */
export type JwksBehaviour = 'ok' | 'http-500' | 'slow' | 'not-json'

/** A stand-in for Kakao's OpenID provider: an RSA key whose JWKS is served on 127.0.0.1. */
export class FakeKakao {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly server: Server,
    readonly jwksUrl: string,
    private readonly kid: string,
    private readonly state: { behaviour: JwksBehaviour },
  ) {}

  /** From now on the key set is answered this way. */
  answer(behaviour: JwksBehaviour): void {
    this.state.behaviour = behaviour
  }

  static async start(): Promise<FakeKakao> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' }
    const state = { behaviour: 'ok' as JwksBehaviour }
    const server = createServer((_req, res) => {
      const behaviour = state.behaviour
      if (behaviour === 'http-500') {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('internal error')
      } else if (behaviour === 'not-json') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('<html>maintenance</html>')
      } else {
        // 'slow' answers after the API has stopped waiting (its timeout is set below 1 s in tests).
        setTimeout(
          () => {
            res.writeHead(200, { 'content-type': 'application/json' })
            res.end(JSON.stringify({ keys: [jwk] }))
          },
          behaviour === 'slow' ? 1_000 : 0,
        )
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return new FakeKakao(privateKey, server, `http://127.0.0.1:${port}/.well-known/jwks.json`, jwk.kid, state)
  }

  /** The environment an app needs to verify this provider's tokens. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { KAKAO_VERIFY: 'idtoken', KAKAO_CLIENT_ID, KAKAO_JWKS_URL: this.jwksUrl, ...extra }
  }

  /** An ID token as Kakao issues it; `now` is the issue time, overrides change any claim. */
  async idToken(sub: string, now: Date, overrides: JWTPayload = {}): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000)
    return new SignJWT({ nickname: 'tester', nonce: 'n-1', ...overrides })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer((overrides.iss as string | undefined) ?? KAKAO_ISSUER)
      .setAudience((overrides.aud as string | undefined) ?? KAKAO_CLIENT_ID)
      .setSubject(sub)
      .setIssuedAt((overrides.iat as number | undefined) ?? iat)
      .setExpirationTime((overrides.exp as number | undefined) ?? iat + 6 * 60 * 60)
      .sign(this.privateKey)
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
