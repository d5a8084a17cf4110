import * as oidc from 'openid-client'
import { AppError, serviceUnavailable } from '../../core/errors.js'

/**
 * The console's "Sign in with Kakao": OpenID Connect authorization code flow with PKCE, state and
 * nonce, through openid-client against Kakao's discovery document. This file alone imports the SDK.
 */
export interface KakaoOidc {
  /** Where to send the browser, and the checks to keep (in a signed cookie) until it comes back. */
  start(): Promise<{ url: string; checks: OidcChecks }>
  /** The Kakao user id the provider vouches for, after the code is exchanged and the ID token checked. */
  finish(callbackUrl: URL, checks: OidcChecks): Promise<string>
}

export interface OidcChecks {
  state: string
  nonce: string
  verifier: string
}

const TIMEOUT_SECONDS = 5

export function createKakaoOidc(options: {
  issuer: string
  clientId: string
  clientSecret: string | undefined
  redirectUri: string
}): KakaoOidc {
  let discovered: Promise<oidc.Configuration> | undefined
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(options.issuer),
        options.clientId,
        { redirect_uris: [options.redirectUri], id_token_signed_response_alg: 'RS256' },
        options.clientSecret ? oidc.ClientSecretPost(options.clientSecret) : oidc.None(),
        {
          timeout: TIMEOUT_SECONDS,
          // A plain-http issuer is only ever a stand-in on this machine (tests, local development).
          ...(new URL(options.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((err) => {
        discovered = undefined // the next sign-in tries again
        throw err
      })
    return discovered
  }
  const unavailable = (err: unknown) =>
    err instanceof AppError
      ? err
      : serviceUnavailable('KAKAO_UNAVAILABLE', `Kakao sign-in is not reachable: ${(err as Error).message}`)

  return {
    async start() {
      let config: oidc.Configuration
      try {
        config = await configuration()
      } catch (err) {
        throw unavailable(err)
      }
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      }
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
      })
      return { url: url.href, checks }
    },

    async finish(callbackUrl, checks) {
      let config: oidc.Configuration
      try {
        config = await configuration()
      } catch (err) {
        throw unavailable(err)
      }
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.verifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        })
      } catch (err) {
        // The provider answering an error, or a response that fails a check, is the sign-in's failure;
        // not reaching it at all is an outage.
        if (err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError)
          throw new AppError(401, 'KAKAO_SIGN_IN_FAILED', `Kakao refused the sign-in: ${err.error}`)
        if (err instanceof oidc.ClientError && !isNetworkFailure(err.cause))
          throw new AppError(
            401,
            'KAKAO_SIGN_IN_FAILED',
            `The Kakao sign-in could not be checked: ${err.message}`,
          )
        throw unavailable(err)
      }
      const sub = tokens.claims()?.sub
      if (!sub) throw new AppError(401, 'KAKAO_SIGN_IN_FAILED', 'Kakao returned no ID token subject')
      return sub
    },
  }
}

function isNetworkFailure(cause: unknown): boolean {
  return cause instanceof TypeError || (cause instanceof Error && /Abort|Timeout/.test(cause.name))
}
