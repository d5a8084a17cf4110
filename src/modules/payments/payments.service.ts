import { randomUUID } from 'node:crypto'
import { and, eq, or } from 'drizzle-orm'
import { type AuditEntry, recordAdminAction, recordSystemAction } from '../../core/audit.js'
import type { Config } from '../../core/config.js'
import type { Database, Executor } from '../../core/db/client.js'
import {
  matches,
  type PaymentMethod,
  type PaymentRow,
  type PaymentStatus,
  payments,
} from '../../core/db/schema.js'
import { AppError, badRequest, conflict, forbidden, notFound } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { pageOf } from '../../core/pagination.js'
import { bankName } from '../../core/portone/banks.js'
import {
  type PortOneLog,
  type PortOnePayment,
  type PortOnePaymentClient,
  type RefundAccount,
  verifyPortOneWebhook,
} from '../../core/portone/portone.client.js'
import type { FieldCipher } from '../../core/security/crypto.js'
import { toCsv } from '../../core/spreadsheet.js'
import type { Clock } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { activateMatch, lockMatch } from '../matches/matches.repository.js'
import { generatePaymentCode } from './payments.code.js'
import { decodeStatement, matchStatement, parseStatement } from './payments.reconcile.js'
import {
  expireOverdue,
  findLivePayment,
  findPayment,
  hasVerifiedPayment,
  insertPayment,
  listPayments,
  paymentsToRecheck,
  reconcilablePayments,
  recordWebhook,
  updatePayment,
  webhookSeen,
} from './payments.repository.js'

const DAY_MS = 24 * 3600_000
const CODE_ATTEMPTS = 5
/** Rows in one CSV export (a spreadsheet is not the place for more). */
const MAX_EXPORTED = 10_000
/** Webhook deliveries and the recheck are audited as this system actor. */
const PORTONE_ACTOR = 'portone'
const ORDER_NAME = '쉿매치 매칭 이용료'
/** Payments asked about per recheck run (a run is hourly; PortOne answers each within its timeout). */
const RECHECK_BATCH = 200
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const paymentNotFound = () => notFound('PAYMENT_NOT_FOUND', 'No such payment')
const matchNotFound = () => notFound('MATCH_NOT_FOUND', 'No such match')
const invalidWebhook = () => badRequest('INVALID_WEBHOOK', 'The webhook signature could not be verified')

/** Who changes a payment: an operator, or PortOne (its webhook, or housekeeping asking it). */
type Actor = { adminId: string } | { system: typeof PORTONE_ACTOR }

async function audit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  if ('adminId' in actor) await recordAdminAction(tx, { ...entry, adminId: actor.adminId })
  else await recordSystemAction(tx, actor.system, entry)
}

export interface RecheckReport {
  checked: number
  changed: number
  /** PortOne did not answer: the run stopped there, the rest waits for the next one. */
  unavailable: boolean
}

export function createPaymentService({
  db,
  clock,
  config,
  notifier,
  cipher,
  portone,
  log,
}: {
  db: Database
  clock: Clock
  config: Config
  notifier: Notifier
  cipher: FieldCipher
  /** Null unless PAYMENT_PROVIDER=portone: virtual accounts are then unavailable. */
  portone: PortOnePaymentClient | null
  log: PortOneLog & { info(details: Record<string, unknown>, message: string): void }
}) {
  const bank = config.payment.bank

  /** A payment of one of the person's own matches; anyone else's is a 404, as if it did not exist. */
  async function paymentOfOwnMatch(auth: AuthContext, paymentId: string): Promise<PaymentRow> {
    const [row] = await db
      .select({ payment: payments })
      .from(payments)
      .innerJoin(matches, eq(matches.id, payments.matchId))
      .where(
        and(eq(payments.id, paymentId), or(eq(matches.userA, auth.userId), eq(matches.userB, auth.userId))),
      )
      .limit(1)
    if (!row) throw paymentNotFound()
    return row.payment
  }

  const toPayment = (p: PaymentRow) => ({
    id: p.id,
    matchId: p.matchId,
    method: p.method,
    amount: p.amount,
    code: p.code,
    status: p.status,
    depositorName: p.depositorName,
    verifiedAt: p.verifiedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    bank: p.method === 'transfer' ? bank : null,
    virtualAccount:
      p.method === 'virtual_account' && p.vaBank && p.vaAccountNumber && p.vaHolder && p.vaExpiresAt
        ? {
            bank: p.vaBank,
            bankName: bankName(p.vaBank),
            accountNumber: p.vaAccountNumber,
            holder: p.vaHolder,
            expiresAt: p.vaExpiresAt.toISOString(),
          }
        : null,
  })
  const toAdminPayment = (p: PaymentRow) => ({
    ...toPayment(p),
    memo: p.memo,
    refundedAt: p.refundedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
    paidAmount: p.paidAmount,
    paidAt: p.paidAt?.toISOString() ?? null,
    refundAccountGiven: p.refundAccountEncrypted !== null,
    refundRequestedAt: p.refundRequestedAt?.toISOString() ?? null,
    refundError: p.refundError,
  })

  /**
   * Verifies one payment inside the caller's transaction, with its audit row (and activation, if
   * configured), by an operator or by PortOne's confirmation of a deposit.
   */
  async function verifyInTx(
    tx: Executor,
    actor: Actor,
    paymentId: string,
    input: {
      depositorName?: string | undefined
      memo?: string | undefined
      source?: Record<string, unknown>
    },
  ): Promise<void> {
    const now = clock()
    // The match is locked before its payment, as everything else that changes both does (intents,
    // the hourly expiry, webhooks), so that two of them never wait on each other.
    const unlocked = await findPayment(tx, paymentId)
    if (!unlocked) throw paymentNotFound()
    const match = await lockMatch(tx, unlocked.matchId)
    const payment = await findPayment(tx, paymentId, true)
    if (!payment) throw paymentNotFound()
    if (payment.status === 'verified')
      throw conflict('PAYMENT_ALREADY_VERIFIED', 'This payment is already verified')
    if (payment.status === 'refund_due' || payment.status === 'refunded') {
      throw conflict('PAYMENT_NOT_VERIFIABLE', `A payment in status ${payment.status} cannot be verified`)
    }
    if (payment.status === 'amount_mismatch' && 'adminId' in actor && !input.memo?.trim()) {
      throw badRequest(
        'REASON_REQUIRED',
        'The deposit differs from the amount due: say in memo why it is accepted, or refund it',
      )
    }
    if (!match || match.status === 'closed') {
      throw conflict('MATCH_CLOSED', 'The match was closed; refund the deposit instead of verifying it')
    }
    if (payment.status === 'expired') {
      // A late deposit may still be accepted, unless a newer intent is live for the match.
      const live = await findLivePayment(tx, payment.matchId)
      if (live) throw conflict('PAYMENT_SUPERSEDED', 'A newer payment is live for this match')
    }
    const depositorName = input.depositorName?.trim() || payment.depositorName
    const memo = input.memo?.trim() || payment.memo
    await updatePayment(tx, payment.id, {
      status: 'verified',
      verifiedAt: now,
      depositorName,
      memo,
      updatedAt: now,
    })
    await audit(tx, actor, {
      action: 'payment.verify',
      targetId: payment.id,
      detail: { matchId: payment.matchId, amount: payment.amount, depositorName, memo, ...input.source },
    })
    const people = [match.userA, match.userB]
    await notifier.notify(tx, people, 'payment.verified', { matchId: match.id, paymentId: payment.id }, now)
    if (config.payment.autoActivateOnVerify && match.status === 'pending') {
      await activateMatch(tx, match.id, now)
      await audit(tx, actor, {
        action: 'match.activate',
        targetId: match.id,
        detail: { paymentId: payment.id, auto: true },
      })
      await notifier.notify(tx, people, 'match.activated', { matchId: match.id }, now)
    }
  }

  /**
   * What PortOne says about one of our payments, applied in one transaction (the match locked
   * before the payment). Never trusts a webhook's body: `state` is what PortOne answered when asked.
   * Returns whether anything changed.
   */
  async function applyProviderState(
    paymentId: string,
    state: PortOnePayment | null,
    source: Record<string, unknown>,
    record?: (tx: Executor) => Promise<boolean>,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      if (record && !(await record(tx))) return false
      const unlocked = await findPayment(tx, paymentId)
      if (unlocked?.method !== 'virtual_account') return false
      if (!state) {
        log.warn({ portone: 'payment.get', paymentId }, 'PortOne knows no payment of ours with this id')
        return false
      }
      const match = await lockMatch(tx, unlocked.matchId)
      const payment = await findPayment(tx, paymentId, true)
      if (!payment || !match) return false
      const now = clock()
      const detail = { matchId: payment.matchId, ...source }
      /** The payment changed on PortOne's word, audited as PortOne's action. */
      const changeAudited = async (
        set: Parameters<typeof updatePayment>[2],
        action: string,
        more: Record<string, unknown>,
      ) => {
        await updatePayment(tx, payment.id, set)
        await audit(
          tx,
          { system: PORTONE_ACTOR },
          { action, targetId: payment.id, detail: { ...detail, ...more } },
        )
      }

      if (state.status === 'PAID') {
        // Out of order or repeated: a deposit already acted on is not acted on twice.
        if (payment.paidAt) return false
        const paid = { paidAmount: state.amount.paid, paidAt: state.paidAt ?? now, updatedAt: now }
        // An operator got there first (the transfer fallback, a refund): the deposit is only noted.
        if (
          payment.status === 'verified' ||
          payment.status === 'refunded' ||
          payment.status === 'refund_due'
        ) {
          await updatePayment(tx, payment.id, paid)
          return true
        }
        const exact =
          state.currency === 'KRW' &&
          state.amount.paid === state.amount.total &&
          state.amount.total === payment.amount
        const superseded =
          payment.status === 'expired' && (await findLivePayment(tx, payment.matchId)) !== undefined
        if (match.status === 'closed' || superseded) {
          await changeAudited({ ...paid, status: 'refund_due' }, 'payment.refund_due', {
            paid: state.amount.paid,
            why: superseded ? 'superseded' : 'match closed',
          })
          const people = [match.userA, match.userB]
          await notifier.notify(tx, people, 'payment.refund_due', { paymentId: payment.id }, now)
          return true
        }
        if (!exact) {
          await changeAudited({ ...paid, status: 'amount_mismatch' }, 'payment.amount_mismatch', {
            due: payment.amount,
            total: state.amount.total,
            paid: state.amount.paid,
            currency: state.currency,
          })
          return true
        }
        await updatePayment(tx, payment.id, paid)
        await verifyInTx(tx, { system: PORTONE_ACTOR }, payment.id, {
          source: { ...source, paid: state.amount.paid },
        })
        return true
      }

      if (state.status === 'CANCELLED') {
        if (payment.status === 'refunded') return false
        if (payment.paidAt && (payment.status === 'refund_due' || payment.status === 'amount_mismatch')) {
          await changeAudited(
            {
              status: 'refunded',
              refundedAt: now,
              refundAccountEncrypted: null,
              refundRequestedAt: null,
              refundError: null,
              updatedAt: now,
            },
            'payment.refunded',
            { amount: state.amount.cancelled },
          )
          return true
        }
        // An account closed at PortOne before anyone paid takes no deposit any more.
        if (payment.status === 'pending' && !payment.paidAt) {
          await updatePayment(tx, payment.id, { status: 'expired', updatedAt: now })
          return true
        }
        return false
      }
      // Issued, pending at the PG, partly cancelled, failed: nothing for us to change.
      return false
    })
  }

  return {
    /**
     * POST /payments/intent: the live payment of a pending match, created on first call. Every call,
     * by either person, concurrent or not, answers the same payment until it expires. A virtual
     * account is opened at PortOne while the match is locked, so concurrent intents wait for it and
     * PortOne is asked once; if PortOne fails, the transaction rolls back and nothing remains.
     */
    async intent(auth: AuthContext, matchId: string, method: PaymentMethod = 'transfer') {
      const provider = portone
      if (method === 'virtual_account' && !provider) {
        throw badRequest('METHOD_UNAVAILABLE', 'Virtual accounts are not available; pay by bank transfer')
      }
      return db.transaction(async (tx) => {
        const match = await lockMatch(tx, matchId, auth.userId)
        if (!match) throw matchNotFound()
        if (match.status !== 'pending') {
          throw conflict('MATCH_NOT_PENDING', `The match is ${match.status}: there is nothing to pay`)
        }
        const now = clock()
        await expireOverdue(tx, now, matchId)
        const live = await findLivePayment(tx, matchId)
        if (live) return toPayment(live)
        const expiresAt = new Date(now.getTime() + config.payment.expireDays * DAY_MS)
        const partner = match.userA === auth.userId ? match.userB : match.userA
        if (method === 'virtual_account' && provider) {
          const id = randomUUID()
          // Deposits close when the payment or the match expires, whichever comes first.
          const matchExpiresAt = new Date(match.createdAt.getTime() + config.matchPaymentDays * DAY_MS)
          const dueDate = matchExpiresAt < expiresAt ? matchExpiresAt : expiresAt
          const account = await provider.issueVirtualAccount({
            paymentId: id,
            amount: config.payment.amountKrw,
            orderName: ORDER_NAME,
            dueDate,
          })
          const accountExpiresAt = Number.isNaN(account.expiresAt.getTime()) ? dueDate : account.expiresAt
          const created = await insertPayment(tx, {
            id,
            matchId,
            method,
            amount: config.payment.amountKrw,
            code: null,
            expiresAt: new Date(Math.min(accountExpiresAt.getTime(), dueDate.getTime())),
            now,
            requestedBy: auth.userId,
            virtualAccount: {
              ...account,
              holder: account.holder || (config.portone.vaRemitteeName ?? ''),
              expiresAt: accountExpiresAt,
            },
          })
          if (!created) throw new Error('A live payment appeared while the match was locked')
          await notifier.notify(tx, partner, 'payment.created', { matchId, paymentId: created.id }, now)
          return toPayment(created)
        }
        for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
          const created = await insertPayment(tx, {
            matchId,
            amount: config.payment.amountKrw,
            code: generatePaymentCode(),
            expiresAt,
            now,
            requestedBy: auth.userId,
          })
          if (created) {
            await notifier.notify(tx, partner, 'payment.created', { matchId, paymentId: created.id }, now)
            return toPayment(created)
          }
          const raced = await findLivePayment(tx, matchId)
          if (raced) return toPayment(raced)
          // Otherwise the code was taken by another live payment: draw again.
        }
        throw new Error('Could not allocate a unique payment code')
      })
    },

    /**
     * POST /webhooks/portone: checks the signature over the raw body, then asks PortOne about the
     * payment named and applies its answer. Every validly signed delivery is answered 200 (repeats,
     * events out of order, payments we do not know), so PortOne has no reason to send it again.
     */
    async webhook(rawBody: string, headers: Record<string, string | string[] | undefined>) {
      const secret = config.portone.webhookSecret
      if (!secret) {
        log.warn({ portone: 'webhook' }, 'PORTONE_WEBHOOK_SECRET is not set: webhook refused')
        throw invalidWebhook()
      }
      const verified = await verifyPortOneWebhook(secret, rawBody, headers)
      if (!verified.ok) {
        log.warn({ portone: 'webhook', reason: verified.reason }, 'PortOne webhook refused')
        throw invalidWebhook()
      }
      const webhookId = String(headers['webhook-id'])
      if (await webhookSeen(db, webhookId)) return { ok: true as const }
      const { type, paymentId } = verified
      const record = (tx: Executor) => recordWebhook(tx, { webhookId, type, paymentId, now: clock() })
      const ours = paymentId && UUID.test(paymentId) ? await findPayment(db, paymentId) : undefined
      if (!paymentId || !ours || ours.method !== 'virtual_account') {
        if (paymentId)
          log.warn({ portone: 'webhook', type, paymentId }, 'PortOne webhook for a payment we do not know')
        await db.transaction(record)
        return { ok: true as const }
      }
      if (!portone) {
        log.warn({ portone: 'webhook', type }, 'PortOne webhook while PAYMENT_PROVIDER=none: ignored')
        return { ok: true as const }
      }
      let state: PortOnePayment | null
      try {
        state = await portone.getPayment(paymentId)
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        // Not recorded: housekeeping asks PortOne again (PORTONE_RECHECK_MINUTES) and applies the answer.
        return { ok: true as const }
      }
      await applyProviderState(paymentId, state, { source: 'webhook', webhookId, type }, record)
      return { ok: true as const }
    },

    /**
     * Lost webhooks: asks PortOne about virtual-account payments still unpaid PORTONE_RECHECK_MINUTES
     * after they were asked for (and refunds not yet confirmed) and applies what it says.
     */
    async recheck(): Promise<RecheckReport> {
      const report: RecheckReport = { checked: 0, changed: 0, unavailable: false }
      if (!portone) return report
      const now = clock()
      const before = new Date(now.getTime() - config.portone.recheckMinutes * 60_000)
      const since = new Date(now.getTime() - (config.payment.expireDays + 2) * DAY_MS)
      for (const id of await paymentsToRecheck(db, before, since, RECHECK_BATCH)) {
        let state: PortOnePayment | null
        try {
          state = await portone.getPayment(id)
        } catch (err) {
          if (!(err instanceof AppError)) throw err
          report.unavailable = true
          break
        }
        report.checked++
        if (await applyProviderState(id, state, { source: 'recheck' })) report.changed++
      }
      if (report.changed > 0 || report.unavailable) log.info({ ...report }, 'PortOne payments rechecked')
      return report
    },

    /**
     * PUT /payments/:paymentId/refund-account: where the payer wants a virtual-account deposit paid
     * back, while one is owed (refund_due, amount_mismatch). Stored encrypted; erased once refunded.
     */
    async setRefundAccount(auth: AuthContext, paymentId: string, account: RefundAccount) {
      const payment = await paymentOfOwnMatch(auth, paymentId)
      if (payment.requestedBy !== auth.userId) {
        throw forbidden('NOT_PAYER', 'Only the person who asked for this payment can say where to refund it')
      }
      if (
        payment.method !== 'virtual_account' ||
        (payment.status !== 'refund_due' && payment.status !== 'amount_mismatch')
      ) {
        throw conflict(
          'REFUND_NOT_DUE',
          `Nothing is owed back on this payment (${payment.method}, ${payment.status})`,
        )
      }
      const stored = JSON.stringify({
        bank: account.bank,
        number: account.number,
        holderName: account.holderName.trim(),
      })
      await db.transaction(async (tx) => {
        const locked = await findPayment(tx, paymentId, true)
        if (!locked || (locked.status !== 'refund_due' && locked.status !== 'amount_mismatch')) {
          throw conflict('REFUND_NOT_DUE', 'Nothing is owed back on this payment any more')
        }
        await updatePayment(tx, paymentId, {
          refundAccountEncrypted: cipher.encrypt(stored, paymentId),
          updatedAt: clock(),
        })
      })
      return { ok: true as const }
    },

    /** GET /payments/:paymentId: for the two people of its match only. */
    async get(auth: AuthContext, paymentId: string) {
      const now = clock()
      const payment = await paymentOfOwnMatch(auth, paymentId)
      if (payment.status === 'pending' && payment.expiresAt <= now) {
        await expireOverdue(db, now, payment.matchId)
        return toPayment({ ...payment, status: 'expired' })
      }
      return toPayment(payment)
    },

    /** POST /admin/payments/:paymentId/verify */
    async verify(admin: AuthContext, paymentId: string, input: { depositorName?: string; memo?: string }) {
      await db.transaction((tx) => verifyInTx(tx, { adminId: admin.userId }, paymentId, input))
      return { ok: true as const }
    },

    /** POST /admin/matches/:matchId/activate: needs a verified payment, or `force` with a reason. */
    async activate(admin: AuthContext, matchId: string, input: { force?: boolean; reason?: string }) {
      const reason = input.reason?.trim()
      if (input.force && !reason) throw badRequest('REASON_REQUIRED', 'A forced activation needs a reason')
      await db.transaction(async (tx) => {
        const match = await lockMatch(tx, matchId)
        if (!match) throw matchNotFound()
        if (match.status !== 'pending') throw conflict('MATCH_NOT_PENDING', `The match is ${match.status}`)
        const paid = await hasVerifiedPayment(tx, matchId)
        if (!paid && !input.force) {
          throw conflict(
            'PAYMENT_NOT_VERIFIED',
            'No verified payment for this match (send force and a reason to override)',
          )
        }
        const now = clock()
        await activateMatch(tx, matchId, now)
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'match.activate',
          targetId: matchId,
          detail: paid ? { paid: true } : { paid: false, force: true, reason },
        })
        await notifier.notify(tx, [match.userA, match.userB], 'match.activated', { matchId }, now)
      })
      return { ok: true as const }
    },

    /**
     * POST /admin/payments/:paymentId/refund. A bank transfer: the operator has paid it back (recorded).
     * A virtual account: PortOne cancels the payment to the account the payer gave; `refunded` when
     * PortOne confirms (now, or later by webhook). A failure is recorded on the payment for operators
     * and the payment stays owed back.
     */
    async refund(admin: AuthContext, paymentId: string, reason: string) {
      const why = reason.trim()
      const outcome = await db.transaction(async (tx) => {
        const payment = await findPayment(tx, paymentId, true)
        if (!payment) throw paymentNotFound()
        const now = clock()
        const detail = { matchId: payment.matchId, amount: payment.amount, from: payment.status, reason: why }
        if (payment.method === 'transfer') {
          if (payment.status !== 'refund_due' && payment.status !== 'verified') {
            throw conflict(
              'PAYMENT_NOT_REFUNDABLE',
              `A payment in status ${payment.status} has nothing to refund`,
            )
          }
          await updatePayment(tx, paymentId, { status: 'refunded', refundedAt: now, updatedAt: now })
          await recordAdminAction(tx, {
            adminId: admin.userId,
            action: 'payment.refund',
            targetId: paymentId,
            detail,
          })
          return { status: 'refunded' as PaymentStatus }
        }
        // A verified deposit paid for a match that went ahead (or still may): nothing is owed back.
        // Closing the match before activation makes it refund_due, and then it is refunded here.
        if (payment.status === 'verified') {
          throw conflict(
            'PAYMENT_NOT_REFUNDABLE',
            'A verified virtual-account payment is not owed back; only refund_due (its match closed before ' +
              'activation) and amount_mismatch payments are refunded through PortOne',
          )
        }
        if (payment.status !== 'refund_due' && payment.status !== 'amount_mismatch') {
          throw conflict(
            'PAYMENT_NOT_REFUNDABLE',
            `A payment in status ${payment.status} has nothing to refund`,
          )
        }
        if (payment.refundRequestedAt) {
          throw conflict(
            'REFUND_IN_PROGRESS',
            'PortOne has accepted a refund of this payment; it is not confirmed yet',
          )
        }
        if (!payment.refundAccountEncrypted) {
          throw conflict('REFUND_ACCOUNT_MISSING', 'The payer has not given an account for the refund yet')
        }
        if (!portone) {
          throw conflict('METHOD_UNAVAILABLE', 'PAYMENT_PROVIDER is not portone: refund this deposit by hand')
        }
        const refundAccount = JSON.parse(
          cipher.decrypt(payment.refundAccountEncrypted, paymentId),
        ) as RefundAccount
        let result: Awaited<ReturnType<PortOnePaymentClient['cancel']>>
        try {
          result = await portone.cancel(paymentId, { reason: why, refundAccount })
        } catch (err) {
          if (!(err instanceof AppError)) throw err
          await updatePayment(tx, paymentId, { refundError: 'PortOne did not answer', updatedAt: now })
          await recordAdminAction(tx, {
            adminId: admin.userId,
            action: 'payment.refund_failed',
            targetId: paymentId,
            detail: { ...detail, error: 'unavailable' },
          })
          return { error: err }
        }
        if (result.status === 'FAILED') {
          await updatePayment(tx, paymentId, { refundError: result.reason, updatedAt: now })
          await recordAdminAction(tx, {
            adminId: admin.userId,
            action: 'payment.refund_failed',
            targetId: paymentId,
            detail: { ...detail, error: result.reason },
          })
          return {
            error: conflict(
              'REFUND_FAILED',
              `PortOne refused the refund (${result.reason}); see refundError`,
            ),
          }
        }
        if (result.status === 'REQUESTED') {
          await updatePayment(tx, paymentId, { refundRequestedAt: now, refundError: null, updatedAt: now })
          await recordAdminAction(tx, {
            adminId: admin.userId,
            action: 'payment.refund_requested',
            targetId: paymentId,
            detail,
          })
          return { status: payment.status }
        }
        await updatePayment(tx, paymentId, {
          status: 'refunded',
          refundedAt: now,
          refundAccountEncrypted: null,
          refundRequestedAt: null,
          refundError: null,
          updatedAt: now,
        })
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'payment.refund',
          targetId: paymentId,
          detail,
        })
        return { status: 'refunded' as PaymentStatus }
      })
      // The failure is recorded (committed) before it is answered.
      if ('error' in outcome) throw outcome.error
      return { ok: true as const, status: outcome.status }
    },

    /** One payment as the admin list shows it (the console's confirmation pages). */
    async adminGet(paymentId: string) {
      const payment = await findPayment(db, paymentId)
      if (!payment) throw paymentNotFound()
      return toAdminPayment(payment)
    },

    /** GET /admin/payments */
    async adminList(filter: {
      status?: PaymentStatus
      method?: PaymentMethod
      query?: string
      page: number
      pageSize: number
    }) {
      await expireOverdue(db, clock())
      const { items, total } = await listPayments(db, filter)
      return pageOf(filter, items.map(toAdminPayment), total)
    },

    /** GET /admin/payments/export: the newest payments as CSV, every text cell spreadsheet-safe. */
    async exportCsv(filter: { status?: PaymentStatus; method?: PaymentMethod; query?: string }) {
      await expireOverdue(db, clock())
      const { items } = await listPayments(db, { ...filter, page: 1, pageSize: MAX_EXPORTED })
      const iso = (d: Date | null) => d?.toISOString() ?? null
      return toCsv(
        [
          'id',
          'matchId',
          'code',
          'amount',
          'status',
          'depositorName',
          'memo',
          'createdAt',
          'expiresAt',
          'verifiedAt',
          'refundedAt',
          'method',
          'paidAmount',
          'paidAt',
          'refundError',
        ],
        items.map((p) => [
          p.id,
          p.matchId,
          p.code,
          p.amount,
          p.status,
          p.depositorName,
          p.memo,
          iso(p.createdAt),
          iso(p.expiresAt),
          iso(p.verifiedAt),
          iso(p.refundedAt),
          p.method,
          p.paidAmount,
          iso(p.paidAt),
          p.refundError,
        ]),
      )
    },

    /**
     * POST /admin/payments/reconcile: matches a bank statement's deposits to payments; with `apply`,
     * verifies every matched payment in one transaction, each with its audit row.
     */
    async reconcile(admin: AuthContext, statement: Uint8Array, apply: boolean) {
      const now = clock()
      const lines = parseStatement(decodeStatement(statement))
      await expireOverdue(db, now)
      const candidates = (await reconcilablePayments(db, new Date(now.getTime() - 90 * DAY_MS))).map((p) => ({
        id: p.id,
        code: p.code ?? '',
        amount: p.amount,
        state: p.status as 'pending' | 'expired' | 'verified',
      }))
      const results = matchStatement(lines, candidates)
      let applied = 0
      if (apply) {
        await db.transaction(async (tx) => {
          for (const r of results) {
            if (r.status !== 'matched' || !r.paymentId) continue
            await verifyInTx(tx, { adminId: admin.userId }, r.paymentId, {
              depositorName: r.depositor,
              source: { source: 'statement', line: r.line, depositedAt: r.date },
            })
            applied++
          }
        })
      }
      return { lines: results, applied }
    },
  }
}

export type PaymentService = ReturnType<typeof createPaymentService>

declare module 'fastify' {
  interface FastifyInstance {
    /** The payment service (housekeeping runs its recheck of lost webhooks; tests call it directly). */
    payments: PaymentService
  }
}
