import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for PortOne's REST API on 127.0.0.1, answering in the shapes the SDK's types document:
 * `GET /identity-verifications/{id}` (VerifiedIdentityVerification, FailedIdentityVerification,
 * ReadyIdentityVerification, IdentityVerificationNotFoundError, UnauthorizedError), and for payments
 * `POST /payments/{id}/instant` (PayInstantlyResponse), `GET /payments/{id}`
 * (VirtualAccountIssuedPayment, PaidPayment, CancelledPayment, PaymentNotFoundError) and
 * `POST /payments/{id}/cancel` (CancelPaymentResponse, PgProviderError); able to fail (500, a page
 * that is not JSON), answer late, or be gone. It also signs webhooks the way PortOne does
 * (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, header `v1,<base64>`).
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
  body?: Record<string, unknown>
}

/** How a payment call goes wrong, once set for a kind of call (until cleared). */
export type PaymentFault =
  | { kind: 'http-500' }
  | { kind: 'not-json' }
  | { kind: 'slow'; ms: number }
  /** The cancellation answer PortOne gives for a refund the PG refuses (PgProviderError). */
  | { kind: 'pg-refused' }
  /** The cancellation is accepted and pending at the bank (REQUESTED). */
  | { kind: 'requested' }

/** One payment as the stand-in keeps it. */
export interface FakePayment {
  id: string
  status: 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'CANCELLED'
  total: number
  paid: number
  cancelled: number
  currency: string
  bank: string
  accountNumber: string
  remitteeName: string
  dueDate: string
  channelKey: string
  orderName: string
  paidAt?: string
  cancelledAt?: string
  refundAccount?: { bank: string; number: string; holderName: string }
}

export class FakePortOne {
  readonly secret = 'test-portone-api-secret'
  readonly storeId = 'store-4b3a1c2d-0000-4000-8000-0123456789ab'
  readonly channelKey = 'channel-key-9f8e7d6c-0000-4000-8000-0123456789ab'
  readonly vaChannelKey = 'channel-key-va-5e4d3c2b-0000-4000-8000-0123456789ab'
  /** The webhook secret as PortOne's console shows it. */
  readonly webhookSecret = `whsec_${randomBytes(32).toString('base64')}`
  readonly seen: SeenRequest[] = []
  /** Requests whose connection closed before the stand-in answered (the client gave up). */
  abandoned = 0
  private answers = new Map<string, IdentityAnswer>()
  readonly payments = new Map<string, FakePayment>()
  readonly faults: Partial<Record<'instant' | 'get' | 'cancel', PaymentFault>> = {}
  private accounts = 0

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

  /** The environment of an app that takes virtual-account payments through this stand-in. */
  paymentEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PAYMENT_PROVIDER: 'portone',
      PORTONE_API_SECRET: this.secret,
      PORTONE_STORE_ID: this.storeId,
      PORTONE_VA_CHANNEL_KEY: this.vaChannelKey,
      PORTONE_VA_BANK: 'SHINHAN',
      PORTONE_VA_REMITTEE_NAME: '쉿매치',
      PORTONE_WEBHOOK_SECRET: this.webhookSecret,
      PORTONE_API_BASE: this.url,
      PORTONE_TIMEOUT_MS: '300',
      ...extra,
    }
  }

  /** Someone deposits `amount` into the payment's virtual account (PortOne then reports it PAID). */
  deposit(paymentId: string, amount: number, currency = 'KRW'): void {
    const payment = this.payments.get(paymentId)
    if (!payment) throw new Error(`no virtual account for ${paymentId}`)
    Object.assign(payment, { status: 'PAID', paid: amount, currency, paidAt: new Date().toISOString() })
  }

  /**
   * A webhook delivery as PortOne sends it (version 2024-04-25), signed with `secret` (the test
   * secret by default) at `timestamp` (seconds; now by default).
   */
  webhook(
    type: string,
    paymentId: string,
    options: { id?: string; timestamp?: number; secret?: string; body?: string } = {},
  ): { headers: Record<string, string>; payload: string } {
    const id = options.id ?? `msg_${randomUUID()}`
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
    const payload =
      options.body ??
      JSON.stringify({
        type,
        timestamp: new Date().toISOString(),
        data: { paymentId, storeId: this.storeId, transactionId: `tx-${paymentId}` },
      })
    const secret = options.secret ?? this.webhookSecret
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64')
    return {
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${signature}`,
      },
      payload,
    }
  }

  /** Calls of one kind so far: `instant`, `get` or `cancel` payments. */
  calls(kind: 'instant' | 'get' | 'cancel'): SeenRequest[] {
    return this.seen.filter((r) =>
      kind === 'instant'
        ? r.path.endsWith('/instant')
        : kind === 'cancel'
          ? r.path.endsWith('/cancel')
          : r.method === 'GET' && r.path.startsWith('/payments/'),
    )
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
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let body: Record<string, unknown> | undefined
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined
      } catch {
        body = undefined
      }
      this.route(req, res, body)
    })
  }

  private route(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown> | undefined) {
    const url = new URL(req.url ?? '/', this.url)
    this.seen.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
      storeId: url.searchParams.get('storeId') ?? (typeof body?.storeId === 'string' ? body.storeId : null),
      ...(body ? { body } : {}),
    })
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.headers.authorization !== `PortOne ${this.secret}`) {
      return json(401, { type: 'UNAUTHORIZED', message: '인증 정보가 올바르지 않습니다.' })
    }
    const payment = /^\/payments\/([^/]+?)(\/instant|\/cancel)?$/.exec(url.pathname)
    if (payment)
      return this.paymentRoute(req, res, json, decodeURIComponent(payment[1] as string), payment[2], body)
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

  private paymentRoute(
    req: IncomingMessage,
    res: ServerResponse,
    json: (status: number, body: unknown) => void,
    id: string,
    action: string | undefined,
    body: Record<string, unknown> | undefined,
  ) {
    const kind = action === '/instant' ? 'instant' : action === '/cancel' ? 'cancel' : 'get'
    const storeId =
      kind === 'get' ? new URL(req.url ?? '/', this.url).searchParams.get('storeId') : body?.storeId
    if (storeId !== this.storeId) return json(403, { type: 'FORBIDDEN', message: '요청이 거절되었습니다.' })
    const answer = () => {
      const fault = this.faults[kind]
      if (fault?.kind === 'http-500')
        return json(500, { type: 'INTERNAL_SERVER_ERROR', message: 'internal error' })
      if (fault?.kind === 'not-json') {
        res.writeHead(502, { 'content-type': 'text/html' })
        return void res.end('<html><body>502 Bad Gateway</body></html>')
      }
      if (kind === 'instant') return this.instant(json, id, body ?? {})
      const found = this.payments.get(id)
      if (!found) return json(404, { type: 'PAYMENT_NOT_FOUND', message: '결제 건이 존재하지 않습니다.' })
      if (kind === 'get') return json(200, this.paymentBody(found))
      return this.cancel(json, found, body ?? {}, fault)
    }
    const fault = this.faults[kind]
    if (fault?.kind === 'slow') {
      let answered = false
      res.on('close', () => {
        if (!answered) this.abandoned++
      })
      setTimeout(() => {
        answered = true
        if (!res.destroyed) answer()
      }, fault.ms)
      return
    }
    answer()
  }

  private instant(json: (status: number, body: unknown) => void, id: string, body: Record<string, unknown>) {
    if (this.payments.has(id)) return json(409, { type: 'ALREADY_PAID', message: '이미 결제된 건입니다.' })
    const method = (body.method as { virtualAccount?: Record<string, unknown> } | undefined)?.virtualAccount
    const amount = body.amount as { total?: unknown } | undefined
    if (
      !method ||
      typeof amount?.total !== 'number' ||
      body.currency !== 'KRW' ||
      typeof body.orderName !== 'string'
    ) {
      return json(400, { type: 'INVALID_REQUEST', message: '요청 본문이 올바르지 않습니다.' })
    }
    if (body.channelKey !== this.vaChannelKey) {
      return json(404, { type: 'CHANNEL_NOT_FOUND', message: '채널이 존재하지 않습니다.' })
    }
    this.accounts++
    const expiry = method.expiry as { dueDate?: string } | undefined
    this.payments.set(id, {
      id,
      status: 'VIRTUAL_ACCOUNT_ISSUED',
      total: amount.total,
      paid: 0,
      cancelled: 0,
      currency: 'KRW',
      bank: String(method.bank),
      accountNumber: `5620${String(this.accounts).padStart(10, '0')}`,
      remitteeName: String(method.remitteeName ?? ''),
      dueDate: expiry?.dueDate ?? new Date(Date.now() + 86_400_000).toISOString(),
      channelKey: String(body.channelKey),
      orderName: body.orderName,
    })
    return json(200, { payment: { pgTxId: `pg-${id}`, paidAt: new Date().toISOString() } })
  }

  private cancel(
    json: (status: number, body: unknown) => void,
    payment: FakePayment,
    body: Record<string, unknown>,
    fault: PaymentFault | undefined,
  ) {
    if (payment.status === 'CANCELLED') {
      return json(409, { type: 'PAYMENT_ALREADY_CANCELLED', message: '이미 취소된 결제 건입니다.' })
    }
    if (payment.status !== 'PAID')
      return json(409, { type: 'PAYMENT_NOT_PAID', message: '결제가 완료되지 않았습니다.' })
    if (fault?.kind === 'pg-refused') {
      return json(502, {
        type: 'PG_PROVIDER',
        message: '환불계좌 예금주명이 일치하지 않습니다.',
        pgCode: 'R01',
        pgMessage: '예금주 불일치',
      })
    }
    const refundAccount = body.refundAccount as FakePayment['refundAccount']
    if (
      !refundAccount?.bank ||
      !refundAccount.number ||
      !refundAccount.holderName ||
      typeof body.reason !== 'string'
    ) {
      return json(400, { type: 'INVALID_REQUEST', message: '환불 계좌 정보가 필요합니다.' })
    }
    const now = new Date().toISOString()
    const cancellation = {
      id: `cancel-${payment.id}`,
      totalAmount: payment.paid,
      taxFreeAmount: 0,
      vatAmount: 0,
      reason: body.reason,
      requestedAt: now,
    }
    payment.refundAccount = refundAccount
    if (fault?.kind === 'requested')
      return json(200, { cancellation: { ...cancellation, status: 'REQUESTED' } })
    Object.assign(payment, { status: 'CANCELLED', cancelled: payment.paid, cancelledAt: now })
    return json(200, { cancellation: { ...cancellation, status: 'SUCCEEDED', cancelledAt: now } })
  }

  /** Finishes a cancellation that PortOne had accepted as REQUESTED (the bank paid it out). */
  completeCancellation(paymentId: string): void {
    const payment = this.payments.get(paymentId)
    if (!payment) throw new Error(`no payment ${paymentId}`)
    Object.assign(payment, {
      status: 'CANCELLED',
      cancelled: payment.paid,
      cancelledAt: new Date().toISOString(),
    })
  }

  private paymentBody(p: FakePayment) {
    const requestedAt = new Date(Date.now() - 60_000).toISOString()
    const common = {
      id: p.id,
      transactionId: `tx-${p.id}`,
      merchantId: 'merchant-test',
      storeId: this.storeId,
      method: {
        type: 'PaymentMethodVirtualAccount',
        bank: p.bank,
        accountNumber: p.accountNumber,
        accountType: 'NORMAL',
        remitteeName: p.remitteeName,
        expiredAt: p.dueDate,
        issuedAt: requestedAt,
      },
      channel: {
        type: 'LIVE',
        id: 'channel-id-va',
        key: p.channelKey,
        name: '가상계좌',
        pgProvider: 'INICIS_V2',
        pgMerchantId: 'MIIiasTest',
      },
      version: 'V2',
      requestedAt,
      updatedAt: requestedAt,
      statusChangedAt: p.cancelledAt ?? p.paidAt ?? requestedAt,
      orderName: p.orderName,
      amount: {
        total: p.total,
        taxFree: 0,
        vat: Math.floor(p.total / 11),
        supply: p.total - Math.floor(p.total / 11),
        discount: 0,
        paid: p.paid,
        cancelled: p.cancelled,
        cancelledTaxFree: 0,
      },
      currency: p.currency,
      customer: {},
      pgTxId: `pg-${p.id}`,
    }
    if (p.status === 'VIRTUAL_ACCOUNT_ISSUED') return { ...common, status: 'VIRTUAL_ACCOUNT_ISSUED' }
    const paid = { paidAt: p.paidAt, disputes: [], receiptUrl: `https://receipt.example/${p.id}` }
    if (p.status === 'PAID') return { ...common, ...paid, status: 'PAID' }
    return {
      ...common,
      ...paid,
      status: 'CANCELLED',
      cancelledAt: p.cancelledAt,
      cancellations: [
        {
          status: 'SUCCEEDED',
          id: `cancel-${p.id}`,
          totalAmount: p.cancelled,
          taxFreeAmount: 0,
          vatAmount: 0,
          reason: 'refund',
          cancelledAt: p.cancelledAt,
          requestedAt: p.cancelledAt,
        },
      ],
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
