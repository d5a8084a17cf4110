import { AsyncLocalStorage } from 'node:async_hooks'
import { IdentityVerification, Payment, PortOneClient, Webhook } from '@portone/server-sdk'
import type { Config } from '../config.js'
import { serviceUnavailable } from '../errors.js'

/**
 * PortOne V2, through its maintained SDK (`@portone/server-sdk`). The only file that imports the SDK:
 * it owns the secret, the store, the base URL (PORTONE_API_BASE: tests point it at a stand-in on
 * loopback), the timeout, and the mapping of PortOne's failures to our 503 codes. Identity
 * verification and virtual-account payments (with their webhook's signature check) share all of that.
 */

/** What the identity service needs to know about one verification (never the person's name). */
export type IdentityVerificationResult =
  | { status: 'NOT_FOUND' }
  | { status: 'READY' | 'FAILED' | 'UNRECOGNIZED'; id: string }
  | {
      status: 'VERIFIED'
      id: string
      verifiedAt: Date
      customer: { birthDate?: string; gender?: string; phoneNumber?: string; ci?: string }
    }

export interface PortOneIdentityClient {
  /** GET /identity-verifications/{id}; throws 503 IDENTITY_PROVIDER_UNAVAILABLE when PortOne cannot answer. */
  getIdentityVerification(identityVerificationId: string): Promise<IdentityVerificationResult>
}

export interface PortOneLog {
  warn(details: Record<string, unknown>, message: string): void
  error(details: Record<string, unknown>, message: string): void
}

/*
 * The SDK calls the global `fetch` and takes neither a signal nor a fetch of its own, so a call
 * could hang for as long as undici lets it (minutes). Every call made here runs with an abort
 * signal in this store, and a pass-through wrapper around the global fetch, installed once, adds
 * it: the timeout then really closes the connection. Calls made outside this file get no signal
 * and are passed on untouched.
 */
const callSignal = new AsyncLocalStorage<AbortSignal>()
const WRAPPED = Symbol.for('shh-match.portone.fetch')

function installSignalFetch(): void {
  const current = globalThis.fetch as typeof fetch & { [WRAPPED]?: true }
  if (current[WRAPPED]) return
  const wrapped = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const signal = callSignal.getStore()
    if (!signal) return current(input, init)
    return current(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal })
  }
  globalThis.fetch = Object.assign(wrapped, { [WRAPPED]: true as const }) as typeof fetch
}

/**
 * The refusals PortOne documents for a cancellation (CancelPaymentError), each an answer about this
 * payment that an operator reads and acts on; anything else (a 5xx, credentials) is an outage.
 */
const CANCEL_REFUSALS = new Set([
  'PG_PROVIDER',
  'PAYMENT_ALREADY_CANCELLED',
  'PAYMENT_NOT_PAID',
  'PAYMENT_NOT_FOUND',
  'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN',
  'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
  'CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT',
  'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT',
  'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT',
  'PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED',
  'SUM_OF_PARTS_EXCEEDS_CANCEL_AMOUNT',
])

/** SDK error types that mean our request or credentials are wrong: an operator must fix them. */
const CONFIGURATION_ERRORS = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'INVALID_REQUEST'])

const errorType = (err: unknown): string | undefined => {
  const data = (err as { data?: { type?: unknown } }).data
  return typeof data?.type === 'string' ? data.type : undefined
}

/** How one kind of call fails towards our clients: its 503 code and message (payments have their own). */
interface Failure {
  code: string
  message: string
}

/**
 * Runs one SDK call under the timeout, or under `deadline` when the caller makes several calls that
 * must end together. Anything that is not an answer PortOne meant (no connection, a timeout, a 5xx,
 * a body that is not JSON, our credentials refused) becomes a 503 (`failure`), to retry later;
 * `expected` lets the caller keep the SDK errors that are answers (a 404 for an unknown id).
 */
async function call<T>(
  options: { timeoutMs: number; log: PortOneLog; failure: Failure; what: string; deadline?: AbortSignal },
  run: () => Promise<T>,
  expected?: (err: unknown) => T | undefined,
): Promise<T> {
  const signal = options.deadline ?? AbortSignal.timeout(options.timeoutMs)
  try {
    return await callSignal.run(signal, run)
  } catch (err) {
    const answer = expected?.(err)
    if (answer !== undefined) return answer
    const type = errorType(err)
    const reason = signal.aborted
      ? 'timeout'
      : type
        ? `PortOne error ${type}`
        : err instanceof SyntaxError
          ? 'an answer that is not JSON'
          : 'no connection'
    // Only the error's kind is logged: PortOne's messages may repeat what was sent.
    if (type && CONFIGURATION_ERRORS.has(type)) {
      options.log.error(
        { portone: options.what, reason },
        'PortOne refused our request: check PORTONE_* settings',
      )
    } else {
      options.log.warn({ portone: options.what, reason }, 'PortOne did not answer')
    }
    throw serviceUnavailable(options.failure.code, options.failure.message)
  }
}

/** The SDK client and the options every call of one kind of client runs with. */
function connect(
  config: { apiSecret: string; storeId: string; apiBase: string; timeoutMs: number },
  log: PortOneLog,
  failure: Failure,
) {
  installSignalFetch()
  const sdk = PortOneClient({ secret: config.apiSecret, storeId: config.storeId, baseUrl: config.apiBase })
  return { sdk, options: { timeoutMs: config.timeoutMs, log, failure } }
}

export function createPortOneIdentityClient(
  config: Pick<Config['portone'], 'apiSecret' | 'storeId' | 'apiBase' | 'timeoutMs'>,
  log: PortOneLog,
): PortOneIdentityClient {
  const { apiSecret, storeId } = config
  if (!apiSecret || !storeId) throw new Error('PortOne needs PORTONE_API_SECRET and PORTONE_STORE_ID')
  const { sdk, options } = connect({ ...config, apiSecret, storeId }, log, {
    code: 'IDENTITY_PROVIDER_UNAVAILABLE',
    message: 'The identity verification provider is not answering; try again shortly',
  })
  return {
    getIdentityVerification: (identityVerificationId) =>
      call<IdentityVerificationResult>(
        { ...options, what: 'identityVerification.get' },
        async () => {
          const found = await sdk.identityVerification.getIdentityVerification({
            identityVerificationId,
            storeId,
          })
          return toResult(found)
        },
        (err) =>
          err instanceof IdentityVerification.GetIdentityVerificationError &&
          errorType(err) === 'IDENTITY_VERIFICATION_NOT_FOUND'
            ? { status: 'NOT_FOUND' }
            : undefined,
      ),
  }
}

/** Keeps what the service checks; the name, DI, operator and PG response stop here. */
function toResult(found: IdentityVerification.IdentityVerification): IdentityVerificationResult {
  if (typeof found !== 'object' || found === null || typeof found.status !== 'string') {
    throw new SyntaxError('PortOne answered with something that is not an identity verification')
  }
  if (found.status === 'VERIFIED') {
    const verifiedAt = new Date(found.verifiedAt)
    const c = found.verifiedCustomer ?? {}
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
    const customer: Extract<IdentityVerificationResult, { status: 'VERIFIED' }>['customer'] = {}
    const birthDate = text(c.birthDate)
    const gender = text(c.gender)
    const phoneNumber = text(c.phoneNumber)
    const ci = text(c.ci)
    if (birthDate !== undefined) customer.birthDate = birthDate
    if (gender !== undefined) customer.gender = gender
    if (phoneNumber !== undefined) customer.phoneNumber = phoneNumber
    if (ci !== undefined) customer.ci = ci
    return { status: 'VERIFIED', id: found.id, verifiedAt, customer }
  }
  if (found.status === 'READY' || found.status === 'FAILED') return { status: found.status, id: found.id }
  return { status: 'UNRECOGNIZED', id: String((found as { id?: unknown }).id ?? '') }
}

/** A virtual account PortOne opened for one of our payments. */
export interface IssuedVirtualAccount {
  bank: string
  accountNumber: string
  holder: string
  expiresAt: Date
}

/**
 * What the payment service needs to know about one PortOne payment: its status as PortOne names it
 * (VIRTUAL_ACCOUNT_ISSUED, PAID, CANCELLED, PARTIAL_CANCELLED, FAILED, …), the amounts in KRW and
 * the currency, never the payer's details.
 */
export interface PortOnePayment {
  status: string
  id: string
  currency: string
  amount: { total: number; paid: number; cancelled: number }
  paidAt: Date | null
  virtualAccount: IssuedVirtualAccount | null
}

/** How a cancellation (refund) ended: done, accepted and pending at the bank, or refused by PortOne or the PG. */
export type CancelResult = { status: 'SUCCEEDED' | 'REQUESTED' } | { status: 'FAILED'; reason: string }

export interface RefundAccount {
  bank: string
  number: string
  holderName: string
}

export interface PortOnePaymentClient {
  /**
   * POST /payments/{paymentId}/instant (method virtualAccount), then GET /payments/{paymentId} for the
   * account PortOne opened (the instant answer names none), both within one PORTONE_TIMEOUT_MS: the
   * intent holds its match's row lock for this long at most. Throws 503 PAYMENT_PROVIDER_UNAVAILABLE.
   */
  issueVirtualAccount(input: {
    paymentId: string
    amount: number
    orderName: string
    dueDate: Date
  }): Promise<IssuedVirtualAccount>
  /** GET /payments/{paymentId} (null: PortOne knows no such payment); throws 503 PAYMENT_PROVIDER_UNAVAILABLE. */
  getPayment(paymentId: string): Promise<PortOnePayment | null>
  /** POST /payments/{paymentId}/cancel for the whole amount, to `refundAccount`. */
  cancel(paymentId: string, input: { reason: string; refundAccount: RefundAccount }): Promise<CancelResult>
}

export function createPortOnePaymentClient(
  config: Pick<
    Config['portone'],
    'apiSecret' | 'storeId' | 'apiBase' | 'timeoutMs' | 'vaChannelKey' | 'vaBank' | 'vaRemitteeName'
  >,
  log: PortOneLog,
): PortOnePaymentClient {
  const { apiSecret, storeId, vaChannelKey, vaBank, vaRemitteeName } = config
  if (!apiSecret || !storeId || !vaChannelKey || !vaBank || !vaRemitteeName) {
    throw new Error('PortOne payments need PORTONE_API_SECRET, PORTONE_STORE_ID and PORTONE_VA_* settings')
  }
  const { sdk, options } = connect({ ...config, apiSecret, storeId }, log, {
    code: 'PAYMENT_PROVIDER_UNAVAILABLE',
    message: 'The payment provider is not answering; try again shortly',
  })
  const getPayment = (paymentId: string, deadline?: AbortSignal) =>
    call<PortOnePayment | null>(
      { ...options, what: 'payment.get', ...(deadline ? { deadline } : {}) },
      async () => toPayment(await sdk.payment.getPayment({ paymentId, storeId })),
      (err) =>
        err instanceof Payment.GetPaymentError && errorType(err) === 'PAYMENT_NOT_FOUND' ? null : undefined,
    )
  return {
    async issueVirtualAccount(input) {
      const deadline = AbortSignal.timeout(options.timeoutMs)
      await call({ ...options, what: 'payment.payInstantly', deadline }, () =>
        sdk.payment.payInstantly({
          paymentId: input.paymentId,
          storeId,
          channelKey: vaChannelKey,
          orderName: input.orderName,
          amount: { total: input.amount },
          currency: 'KRW',
          method: {
            virtualAccount: {
              bank: vaBank,
              expiry: { dueDate: input.dueDate.toISOString() },
              option: { type: 'NORMAL' },
              remitteeName: vaRemitteeName,
            },
          },
        }),
      )
      const issued = await getPayment(input.paymentId, deadline)
      if (!issued?.virtualAccount) {
        log.warn({ portone: 'payment.get', reason: 'no virtual account' }, 'PortOne did not answer')
        throw serviceUnavailable(options.failure.code, options.failure.message)
      }
      return issued.virtualAccount
    },

    getPayment: (paymentId) => getPayment(paymentId),

    cancel: (paymentId, input) =>
      call<CancelResult>(
        { ...options, what: 'payment.cancel' },
        async () => {
          const { cancellation } = await sdk.payment.cancelPayment({
            paymentId,
            storeId,
            reason: input.reason,
            refundAccount: {
              bank: input.refundAccount.bank,
              number: input.refundAccount.number,
              holderName: input.refundAccount.holderName,
            },
          })
          if (cancellation.status === 'SUCCEEDED' || cancellation.status === 'REQUESTED') {
            return { status: cancellation.status }
          }
          return { status: 'FAILED', reason: `cancellation ${String(cancellation.status)}` }
        },
        // PortOne's refusals of this cancellation are answers (the operator sees them), not an outage.
        (err) => {
          const type = errorType(err)
          return err instanceof Payment.CancelPaymentError && type && CANCEL_REFUSALS.has(type)
            ? { status: 'FAILED', reason: type }
            : undefined
        },
      ),
  }
}

function toPayment(found: Payment.Payment): PortOnePayment {
  const p = found as Partial<Payment.PaidPayment> & { status?: unknown }
  if (typeof found !== 'object' || found === null || typeof p.status !== 'string' || !p.amount) {
    throw new SyntaxError('PortOne answered with something that is not a payment')
  }
  const method = p.method as Partial<Payment.PaymentMethodVirtualAccount> | undefined
  const virtualAccount =
    method?.type === 'PaymentMethodVirtualAccount' && method.accountNumber && method.bank
      ? {
          bank: method.bank,
          accountNumber: method.accountNumber,
          holder: method.remitteeName ?? '',
          expiresAt: new Date(method.expiredAt ?? Number.NaN),
        }
      : null
  return {
    status: p.status,
    id: String(p.id ?? ''),
    currency: String(p.currency ?? ''),
    amount: {
      total: Number(p.amount.total),
      paid: Number(p.amount.paid),
      cancelled: Number(p.amount.cancelled ?? 0),
    },
    paidAt: typeof p.paidAt === 'string' ? new Date(p.paidAt) : null,
    virtualAccount,
  }
}

/** A webhook delivery that PortOne signed: its type and the payment it is about (if any). */
export type VerifiedWebhook =
  | { ok: true; type: string; paymentId: string | null }
  | { ok: false; reason: string }

/**
 * Checks a delivery's Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) over the raw body with the SDK's `verify`, which also refuses a timestamp
 * more than 5 minutes away from now.
 */
export async function verifyPortOneWebhook(
  secret: string,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): Promise<VerifiedWebhook> {
  try {
    const webhook = (await Webhook.verify(secret, rawBody, headers)) as {
      type?: unknown
      data?: { paymentId?: unknown }
    }
    const paymentId = typeof webhook.data?.paymentId === 'string' ? webhook.data.paymentId : null
    return { ok: true, type: typeof webhook.type === 'string' ? webhook.type : 'unknown', paymentId }
  } catch (err) {
    if (err instanceof Webhook.WebhookVerificationError) return { ok: false, reason: err.reason }
    return { ok: false, reason: err instanceof SyntaxError ? 'body is not JSON' : 'invalid input' }
  }
}
