import { and, eq, or } from 'drizzle-orm'
import { recordAdminAction } from '../../core/audit.js'
import type { Config } from '../../core/config.js'
import type { Database, Executor } from '../../core/db/client.js'
import { matches, type PaymentRow, type PaymentStatus, payments } from '../../core/db/schema.js'
import { badRequest, conflict, notFound } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { pageOf } from '../../core/pagination.js'
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
  reconcilablePayments,
  updatePayment,
} from './payments.repository.js'

const DAY_MS = 24 * 3600_000
const CODE_ATTEMPTS = 5
/** Rows in one CSV export (a spreadsheet is not the place for more). */
const MAX_EXPORTED = 10_000
const paymentNotFound = () => notFound('PAYMENT_NOT_FOUND', 'No such payment')
const matchNotFound = () => notFound('MATCH_NOT_FOUND', 'No such match')

export function createPaymentService({
  db,
  clock,
  config,
  notifier,
}: {
  db: Database
  clock: Clock
  config: Config
  notifier: Notifier
}) {
  const bank = config.payment.bank

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
    bank,
  })
  const toAdminPayment = (p: PaymentRow) => ({
    ...toPayment(p),
    memo: p.memo,
    refundedAt: p.refundedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  })

  /** Verifies one payment inside the caller's transaction, with its audit row (and activation, if configured). */
  async function verifyInTx(
    tx: Executor,
    admin: AuthContext,
    paymentId: string,
    input: {
      depositorName?: string | undefined
      memo?: string | undefined
      source?: Record<string, unknown>
    },
  ): Promise<void> {
    const now = clock()
    // The match is locked before its payment, as everything else that changes both does (intents,
    // the hourly expiry), so that two of them never wait on each other.
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
    await recordAdminAction(tx, {
      adminId: admin.userId,
      action: 'payment.verify',
      targetId: payment.id,
      detail: { matchId: payment.matchId, amount: payment.amount, depositorName, memo, ...input.source },
    })
    const people = [match.userA, match.userB]
    await notifier.notify(tx, people, 'payment.verified', { matchId: match.id, paymentId: payment.id }, now)
    if (config.payment.autoActivateOnVerify && match.status === 'pending') {
      await activateMatch(tx, match.id, now)
      await recordAdminAction(tx, {
        adminId: admin.userId,
        action: 'match.activate',
        targetId: match.id,
        detail: { paymentId: payment.id, auto: true },
      })
      await notifier.notify(tx, people, 'match.activated', { matchId: match.id }, now)
    }
  }

  return {
    /**
     * POST /payments/intent: the live payment of a pending match, created on first call. Every call,
     * by either person, concurrent or not, answers the same payment until it expires.
     */
    async intent(auth: AuthContext, matchId: string) {
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
        for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
          const created = await insertPayment(tx, {
            matchId,
            amount: config.payment.amountKrw,
            code: generatePaymentCode(),
            expiresAt,
            now,
          })
          if (created) {
            const partner = match.userA === auth.userId ? match.userB : match.userA
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

    /** GET /payments/:paymentId: for the two people of its match only. */
    async get(auth: AuthContext, paymentId: string) {
      const now = clock()
      const [row] = await db
        .select({ payment: payments })
        .from(payments)
        .innerJoin(matches, eq(matches.id, payments.matchId))
        .where(
          and(eq(payments.id, paymentId), or(eq(matches.userA, auth.userId), eq(matches.userB, auth.userId))),
        )
        .limit(1)
      if (!row) throw paymentNotFound()
      if (row.payment.status === 'pending' && row.payment.expiresAt <= now) {
        await expireOverdue(db, now, row.payment.matchId)
        return toPayment({ ...row.payment, status: 'expired' })
      }
      return toPayment(row.payment)
    },

    /** POST /admin/payments/:paymentId/verify */
    async verify(admin: AuthContext, paymentId: string, input: { depositorName?: string; memo?: string }) {
      await db.transaction((tx) => verifyInTx(tx, admin, paymentId, input))
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

    /** POST /admin/payments/:paymentId/refund: a deposit owed back has been returned. */
    async refund(admin: AuthContext, paymentId: string, reason: string) {
      await db.transaction(async (tx) => {
        const payment = await findPayment(tx, paymentId, true)
        if (!payment) throw paymentNotFound()
        if (payment.status !== 'refund_due' && payment.status !== 'verified') {
          throw conflict(
            'PAYMENT_NOT_REFUNDABLE',
            `A payment in status ${payment.status} has nothing to refund`,
          )
        }
        const now = clock()
        await updatePayment(tx, paymentId, { status: 'refunded', refundedAt: now, updatedAt: now })
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'payment.refund',
          targetId: paymentId,
          detail: {
            matchId: payment.matchId,
            amount: payment.amount,
            from: payment.status,
            reason: reason.trim(),
          },
        })
      })
      return { ok: true as const }
    },

    /** One payment as the admin list shows it (the console's confirmation pages). */
    async adminGet(paymentId: string) {
      const payment = await findPayment(db, paymentId)
      if (!payment) throw paymentNotFound()
      return toAdminPayment(payment)
    },

    /** GET /admin/payments */
    async adminList(filter: { status?: PaymentStatus; query?: string; page: number; pageSize: number }) {
      await expireOverdue(db, clock())
      const { items, total } = await listPayments(db, filter)
      return pageOf(filter, items.map(toAdminPayment), total)
    },

    /** GET /admin/payments/export: the newest payments as CSV, every text cell spreadsheet-safe. */
    async exportCsv(filter: { status?: PaymentStatus; query?: string }) {
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
        code: p.code,
        amount: p.amount,
        state: p.status as 'pending' | 'expired' | 'verified',
      }))
      const results = matchStatement(lines, candidates)
      let applied = 0
      if (apply) {
        await db.transaction(async (tx) => {
          for (const r of results) {
            if (r.status !== 'matched' || !r.paymentId) continue
            await verifyInTx(tx, admin, r.paymentId, {
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
