import { inArray, sql } from 'drizzle-orm'
import { recordSystemAction } from '../../core/audit.js'
import { type DbHandle, queryRows } from '../../core/db/client.js'
import { matches } from '../../core/db/schema.js'
import { createSingleFlightJob, LOCK_KEYS } from '../../core/db/single-flight.js'
import type { Notifier } from '../../core/notifications.js'
import type { Clock } from '../../core/time.js'
import { closeMatchesAndNotify } from '../matches/matches.service.js'
import { deleteNotificationsBefore } from '../notifications/notifications.repository.js'
import { deleteWebhooksBefore, expireOverdue } from '../payments/payments.repository.js'

const DAY_MS = 24 * 3600_000
const HOUR_MS = 3600_000
/** Matches closed per transaction: a few hundred rows, so no lock is held for long. */
const EXPIRY_BATCH = 200
/** Old notifications deleted per statement. */
const RETENTION_BATCH = 10_000

interface Logger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface HousekeepingReport {
  /** Virtual-account payments PortOne was asked about again (lost webhooks), and those that changed. */
  paymentsRechecked: number
  paymentsConfirmed: number
  matchesExpired: number
  paymentsExpired: number
  notificationsDeleted: number
  /** PortOne webhook deliveries older than PORTONE_WEBHOOK_RETENTION_DAYS forgotten. */
  webhooksDeleted: number
}

/**
 * The hourly chores: virtual-account payments still unpaid after PORTONE_RECHECK_MINUTES are asked
 * about again (a webhook may have been lost), pending matches with no verified payment after MATCH_PAYMENT_DAYS close as
 * expired (both people are told; their unpaid intents expire; each is audited as system:scheduler),
 * unpaid intents past their expiry become expired, notifications older than
 * NOTIFICATION_RETENTION_DAYS go (their deliveries with them), and so do the ids of PortOne webhook
 * deliveries older than PORTONE_WEBHOOK_RETENTION_DAYS. Single-flight across replicas.
 */
export function createHousekeeping(deps: {
  database: DbHandle
  clock: Clock
  notifier: Notifier
  matchPaymentDays: number
  retentionDays: number
  /** How long the ids of PortOne webhook deliveries are kept (PORTONE_WEBHOOK_RETENTION_DAYS). */
  webhookRetentionDays: number
  log: Logger
  /** Asks PortOne about virtual-account payments whose webhook may have been lost (payments.recheck). */
  recheckPayments?: () => Promise<{ checked: number; changed: number }>
  /** Told what every run did (metrics). */
  onFinished?: (report: HousekeepingReport) => void
}) {
  const { database, clock, log } = deps
  const db = database.db

  /** One transaction: up to EXPIRY_BATCH overdue matches closed. Returns how many. */
  async function expireSomeMatches(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - deps.matchPaymentDays * DAY_MS)
    return db.transaction(async (tx) => {
      // Matches are locked before payments everywhere (verification too), so this never deadlocks
      // with a verification; a match being verified right now is skipped and looked at next hour.
      const candidates = await queryRows<{ id: string }>(
        tx,
        sql`SELECT m.id::text AS id FROM matches m
            WHERE m.status = 'pending' AND m.created_at <= ${cutoff.toISOString()}::timestamptz
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.match_id = m.id AND p.status = 'verified')
            ORDER BY m.created_at LIMIT ${EXPIRY_BATCH}
            FOR UPDATE OF m SKIP LOCKED`,
      )
      if (candidates.length === 0) return 0
      // Read again under the locks (a new snapshot): a payment verified just before they were taken counts.
      const paid = new Set(
        (
          await queryRows<{ id: string }>(
            tx,
            sql`SELECT DISTINCT match_id::text AS id FROM payments
                WHERE match_id = ANY(${sql.param(candidates.map((c) => c.id))}::uuid[]) AND status = 'verified'`,
          )
        ).map((r) => r.id),
      )
      const ids = candidates.map((c) => c.id).filter((id) => !paid.has(id))
      if (ids.length === 0) return 0
      const { closed } = await closeMatchesAndNotify(tx, deps.notifier, inArray(matches.id, ids), now, {
        reason: 'expired',
      })
      for (const m of closed) {
        await recordSystemAction(tx, 'scheduler', {
          action: 'match.expire',
          targetId: m.id,
          detail: { afterDays: deps.matchPaymentDays },
        })
      }
      return closed.length
    })
  }

  async function work(stopping: () => boolean): Promise<HousekeepingReport> {
    const report: HousekeepingReport = {
      paymentsRechecked: 0,
      paymentsConfirmed: 0,
      matchesExpired: 0,
      paymentsExpired: 0,
      notificationsDeleted: 0,
      webhooksDeleted: 0,
    }
    // First: a deposit PortOne has and we missed verifies its payment before its match could expire.
    if (deps.recheckPayments) {
      const rechecked = await deps.recheckPayments()
      report.paymentsRechecked = rechecked.checked
      report.paymentsConfirmed = rechecked.changed
    }
    const now = clock()
    for (;;) {
      if (stopping()) return report
      const n = await expireSomeMatches(now)
      report.matchesExpired += n
      if (n < EXPIRY_BATCH) break
    }
    report.paymentsExpired = await expireOverdue(db, now)
    const before = new Date(now.getTime() - deps.retentionDays * DAY_MS)
    for (;;) {
      if (stopping()) return report
      const n = await deleteNotificationsBefore(db, before, RETENTION_BATCH)
      report.notificationsDeleted += n
      if (n < RETENTION_BATCH) break
    }
    const webhooksBefore = new Date(now.getTime() - deps.webhookRetentionDays * DAY_MS)
    for (;;) {
      if (stopping()) return report
      const n = await deleteWebhooksBefore(db, webhooksBefore, RETENTION_BATCH)
      report.webhooksDeleted += n
      if (n < RETENTION_BATCH) break
    }
    return report
  }

  return createSingleFlightJob({
    database,
    key: LOCK_KEYS.housekeeping,
    name: 'housekeeping',
    everyMs: HOUR_MS,
    runAtStart: true,
    log,
    work,
    onFinished: (report) => {
      deps.onFinished?.(report)
      const changed =
        report.paymentsConfirmed +
        report.matchesExpired +
        report.paymentsExpired +
        report.notificationsDeleted +
        report.webhooksDeleted
      if (changed > 0) {
        log.info({ ...report }, 'housekeeping done')
      }
    },
  })
}

export type Housekeeping = ReturnType<typeof createHousekeeping>
