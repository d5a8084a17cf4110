import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for PortOne's REST API on 127.0.0.1, answering `GET /identity-verifications/{id}` in the
 * shapes the SDK's types document (VerifiedIdentityVerification, FailedIdentityVerification,
 * ReadyIdentityVerification, IdentityVerificationNotFoundError, UnauthorizedError), and able to
 * fail (500, a page that is not JSON), answer late, or be gone.
 */
export interface VerifiedCustomer {
  name: string
  phoneNumber?: string
  birthDate?: string
  gender?: string
  ci?: string
  di?: string
  operator?: string
  isForeigner?: boolean
}

export type IdentityAnswer =
  /** `customer` changes the sample person; a field set to undefined is left out of the answer. */
  | {
      kind: 'verified'
      verifiedAt: Date
      customer?: { [K in keyof VerifiedCustomer]?: VerifiedCustomer[K] | undefined }
    }
  | { kind: 'failed' }
  | { kind: 'ready' }
  | { kind: 'not-found' }
  | { kind: 'http-500' }
  | { kind: 'not-json' }
  | { kind: 'slow'; ms: number; after: IdentityAnswer }

export const PERSON: VerifiedCustomer = {
  name: '홍길동',
  phoneNumber: '01012345678',
  birthDate: '1995-03-14',
  gender: 'MALE',
  ci: 'Kx0vQm3JrY1bZ8sT7uW2dN5fH9pL4cA6eG0iO3kM1nR8tV2yB5xD7zF9hJ4lP6qS0uW3aC5eE7gI9kM1oQ3sU5w==',
  di: 'MC0GCCqGSIb3DQIJAyEAdiValueForThisSiteOnly0000000000000000000000000',
  operator: 'SKT',
  isForeigner: false,
}

export interface SeenRequest {
  method: string
  path: string
  authorization: string | undefined
  storeId: string | null
}

export class FakePortOne {
  readonly secret = 'test-portone-api-secret'
  readonly storeId = 'store-4b3a1c2d-0000-4000-8000-0123456789ab'
  readonly channelKey = 'channel-key-9f8e7d6c-0000-4000-8000-0123456789ab'
  readonly seen: SeenRequest[] = []
  /** Requests whose connection closed before the stand-in answered (the client gave up). */
  abandoned = 0
  private answers = new Map<string, IdentityAnswer>()

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakePortOne> {
    let fake: FakePortOne | undefined
    const server = createServer((req, res) => fake?.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    fake = new FakePortOne(server, `http://127.0.0.1:${port}`)
    return fake
  }

  /** How the stand-in answers for this id from now on (unknown ids: 404, as PortOne does). */
  answer(id: string, answer: IdentityAnswer): void {
    this.answers.set(id, answer)
  }

  /** The environment of an app that verifies identities through this stand-in. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      IDENTITY_VERIFY: 'portone',
      PORTONE_API_SECRET: this.secret,
      PORTONE_STORE_ID: this.storeId,
      PORTONE_IDENTITY_CHANNEL_KEY: this.channelKey,
      PORTONE_API_BASE: this.url,
      // Generous, as in production: a loaded machine must not turn a slow test into a timeout.
      PORTONE_TIMEOUT_MS: '5000',
      ...extra,
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url)
    this.seen.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
      storeId: url.searchParams.get('storeId'),
    })
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.headers.authorization !== `PortOne ${this.secret}`) {
      return json(401, { type: 'UNAUTHORIZED', message: '인증 정보가 올바르지 않습니다.' })
    }
    const match = /^\/identity-verifications\/([^/]+)$/.exec(url.pathname)
    if (req.method !== 'GET' || !match) return json(404, { type: 'NOT_FOUND', message: 'no such route' })
    if (url.searchParams.get('storeId') !== this.storeId) {
      return json(403, { type: 'FORBIDDEN', message: '요청이 거절되었습니다.' })
    }
    const id = decodeURIComponent(match[1] as string)
    const respond = (answer: IdentityAnswer | undefined) => {
      if (!answer || answer.kind === 'not-found') {
        return json(404, {
          type: 'IDENTITY_VERIFICATION_NOT_FOUND',
          message: '요청된 본인인증 건이 존재하지 않습니다.',
        })
      }
      if (answer.kind === 'slow') {
        let answered = false
        res.on('close', () => {
          if (!answered) this.abandoned++
        })
        setTimeout(() => {
          answered = true
          if (!res.destroyed) respond(answer.after)
        }, answer.ms)
        return
      }
      if (answer.kind === 'http-500') {
        return json(500, { type: 'INTERNAL_SERVER_ERROR', message: 'internal error' })
      }
      if (answer.kind === 'not-json') {
        res.writeHead(502, { 'content-type': 'text/html' })
        return void res.end('<html><body>502 Bad Gateway</body></html>')
      }
      const requestedAt = new Date(Date.now() - 60_000).toISOString()
      const common = {
        id,
        channel: {
          type: 'LIVE',
          id: 'channel-id-test',
          key: this.channelKey,
          name: 'KG이니시스 통합인증',
          pgProvider: 'INICIS_UNIFIED',
          pgMerchantId: 'MIIiasTest',
        },
        requestedAt,
        updatedAt: requestedAt,
        statusChangedAt: requestedAt,
        version: 'V2',
      }
      if (answer.kind === 'ready') {
        return json(200, { ...common, status: 'READY', requestedCustomer: {} })
      }
      if (answer.kind === 'failed') {
        return json(200, {
          ...common,
          status: 'FAILED',
          requestedCustomer: {},
          failure: { reason: '사용자가 본인인증을 취소했습니다.', pgCode: 'USER_CANCEL', pgMessage: '취소' },
        })
      }
      const customer: Record<string, unknown> = { ...PERSON, ...answer.customer }
      for (const [key, value] of Object.entries(customer)) if (value === undefined) delete customer[key]
      return json(200, {
        ...common,
        status: 'VERIFIED',
        verifiedCustomer: customer,
        verifiedAt: answer.verifiedAt.toISOString(),
        statusChangedAt: answer.verifiedAt.toISOString(),
        pgTxId: `pg-tx-${id}`,
        pgRawResponse: '{}',
      })
    }
    respond(this.answers.get(id))
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
