/**
 * `npm run bench:notify [-- --users 100000 --weeks 13 --deliveries 20000 --latency 20] [--unread-index]`
 *
 * The notification feed and the outbox at realistic size, on PostgreSQL (BENCH_DATABASE_URL, or a
 * private PostgreSQL 15 cluster this script starts in /tmp/shh-bench-notify-pg on port 55442):
 *
 * 1. `recs.ready` for every person, written the way the weekly batch writes it (the Notifier, one
 *    statement per 10,000 people), for `--weeks` weeks: the feed table as it is at the retention
 *    limit (13 weeks of 90 days), plus a like and a match notification for one person in five.
 * 2. The polled queries on that table: the unread count (prepared, as the route runs it) and the
 *    first feed page, for 5,000 random people each; p50/p99 in ms.
 * 3. The outbox: `--deliveries` match.created messages for people with a verified phone, drained by
 *    one worker, then (queued again) by two workers on separate pools at once, as two replicas would,
 *    through a provider that takes `--latency` ms per message. Prints messages/s and how many
 *    messages were sent more than once (must be 0). `--deliveries 0` leaves it out.
 *
 * `--unread-index` adds a partial index of unread rows, `(user_id) WHERE read_at IS NULL`, the
 * alternative to counting unread rows from the (user_id, id) index: what it costs the batch's writes
 * and what it saves the polled count.
 */
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { type DbHandle, openDatabase, queryRows } from '../src/core/db/client.js'
import { runMigrations } from '../src/core/db/migrate.js'
import { createNotifier } from '../src/core/notifications.js'
import { createFieldCipher } from '../src/core/security/crypto.js'
import { addWeeks } from '../src/core/time.js'
import type { MessageProvider } from '../src/modules/notifications/notifications.provider.js'
import { feedPage, unreadCount } from '../src/modules/notifications/notifications.repository.js'
import { createDeliveryWorker } from '../src/modules/notifications/notifications.worker.js'

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    weeks: { type: 'string', default: '13' },
    deliveries: { type: 'string', default: '20000' },
    latency: { type: 'string', default: '20' },
    'unread-index': { type: 'boolean', default: false },
  },
})
const USERS = Number(values.users)
const WEEKS = Number(values.weeks)
const DELIVERIES = Number(values.deliveries)
const LATENCY_MS = Number(values.latency)
const SLICE = 10_000
const FIRST_WEEK = '2026-W36'
const WEEK_MS = 7 * 24 * 3600_000

function server(): { url: string; stop: () => void } {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => undefined }
  const dir = '/tmp/shh-bench-notify-pg'
  const url = execFileSync('scripts/pg-cluster.sh', ['start', dir, '55442'], { encoding: 'utf8' }).trim()
  return { url, stop: () => execFileSync('scripts/pg-cluster.sh', ['stop', dir]) }
}

async function freshDatabase(serverUrl: string, name: string, poolMax: number): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const handle = await openDatabase(withDatabase(serverUrl, name), { poolMax })
  await runMigrations(handle)
  return handle
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
const ms = (x: number) => x.toFixed(2)

async function main() {
  const srv = server()
  const handle = await freshDatabase(srv.url, 'shh_bench_notify', 4)
  const db = handle.db
  try {
    if (values['unread-index']) {
      await db.execute(
        sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
      )
      console.log('with a partial index of unread rows (--unread-index)')
    }
    const t0 = performance.now()
    const ids = (
      await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO users (kakao_user_id) SELECT 'bench-' || g FROM generate_series(1, ${USERS}) g RETURNING id::text`,
      )
    ).map((r) => r.id)
    console.log(`${USERS} people in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted)`)

    // 1. The feed at the retention limit.
    const notifier = createNotifier({ externalTypes: new Set() })
    const perWeek: number[] = []
    const start = Date.now() - WEEKS * WEEK_MS
    for (let w = 0; w < WEEKS; w++) {
      const week = addWeeks(FIRST_WEEK, w)
      const at = new Date(start + w * WEEK_MS)
      const t = performance.now()
      for (let i = 0; i < ids.length; i += SLICE) {
        await db.transaction((tx) => notifier.notify(tx, ids.slice(i, i + SLICE), 'recs.ready', { week }, at))
      }
      perWeek.push(performance.now() - t)
      const some = ids.filter((_, i) => (i + w) % 5 === 0)
      for (let i = 0; i < some.length; i += SLICE) {
        await notifier.notify(
          db,
          some.slice(i, i + SLICE),
          'like.received',
          { fromUserId: ids[0] as string, batchWeek: week },
          at,
        )
        await notifier.notify(
          db,
          some.slice(i, i + SLICE),
          'match.created',
          { matchId: ids[1] as string },
          at,
        )
      }
    }
    // Most people read most of it: what is left unread is the last two weeks.
    await db.execute(
      sql`UPDATE notifications SET read_at = created_at WHERE created_at < ${new Date(start + (WEEKS - 2) * WEEK_MS).toISOString()}::timestamptz`,
    )
    await db.execute(sql`VACUUM ANALYZE notifications`)
    const [size] = await queryRows<{ rows: number; bytes: string }>(
      db,
      sql`SELECT count(*)::int AS rows, pg_size_pretty(pg_total_relation_size('notifications')) AS bytes FROM notifications`,
    )
    const sortedWeeks = [...perWeek].sort((a, b) => a - b)
    console.log(
      `recs.ready for ${USERS} people (slices of ${SLICE}, one transaction each): median ${ms(percentile(sortedWeeks, 0.5))} ms, ` +
        `slowest ${ms(sortedWeeks.at(-1) ?? 0)} ms over ${WEEKS} weeks; feed table ${size?.rows} rows, ${size?.bytes} with indexes`,
    )

    // 2. The polled queries.
    const sample = Array.from({ length: 5000 }, (_, i) => ids[(i * 7919) % ids.length] as string)
    for (const [name, run] of [
      ['GET /notifications/unread-count', (id: string) => unreadCount(db, id)],
      ['GET /notifications (first page of 20)', (id: string) => feedPage(db, id, undefined, 20)],
    ] as const) {
      for (const id of sample.slice(0, 200)) await run(id) // warm up
      const times: number[] = []
      for (const id of sample) {
        const t = performance.now()
        await run(id)
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      console.log(
        `${name}: p50 ${ms(percentile(times, 0.5))} ms, p99 ${ms(percentile(times, 0.99))} ms (${sample.length} people, one at a time)`,
      )
    }

    // 3. The outbox.
    const cipher = createFieldCipher(Buffer.alloc(32, 5))
    const verified = ids.slice(0, Math.min(ids.length, DELIVERIES))
    await db.execute(sql`
      UPDATE users u SET phone_verified = true, phone_encrypted = x.phone
      FROM unnest(${sql.param(verified)}::uuid[], ${sql.param(verified.map((id, i) => cipher.encrypt(`010${String(10_000_000 + i)}`, id)))}::text[]) AS x(id, phone)
      WHERE u.id = x.id`)
    const external = createNotifier({ externalTypes: new Set(['match.created']) })
    const sends = new Map<number, number>()
    const provider: MessageProvider = {
      name: 'log',
      async send(message) {
        sends.set(message.deliveryId, (sends.get(message.deliveryId) ?? 0) + 1)
        if (LATENCY_MS > 0) await new Promise((resolve) => setTimeout(resolve, LATENCY_MS))
        return { providerMessageId: `bench-${message.deliveryId}` }
      },
    }
    const quiet = { info() {}, warn() {}, error() {} }
    const workerOn = (h: DbHandle) =>
      createDeliveryWorker({
        db: h.db,
        clock: () => new Date(),
        cipher,
        provider,
        log: quiet,
        maxAttempts: 8,
        retryBaseMs: 60_000,
        linkUrl: 'https://shh.example/notifications',
        leaseMs: 50_000,
      })
    for (const workers of DELIVERIES > 0 ? [1, 2] : []) {
      await db.execute(sql`DELETE FROM notification_deliveries`)
      sends.clear()
      const tq = performance.now()
      for (let i = 0; i < verified.length; i += SLICE) {
        await external.notify(
          db,
          verified.slice(i, i + SLICE),
          'match.created',
          { matchId: ids[1] as string },
          new Date(),
        )
      }
      const queueMs = performance.now() - tq
      const replicas = await Promise.all(
        Array.from({ length: workers }, () =>
          openDatabase(withDatabase(srv.url, 'shh_bench_notify'), { poolMax: 5 }),
        ),
      )
      const td = performance.now()
      const drained = await Promise.all(replicas.map((r) => workerOn(r).drain()))
      const drainMs = performance.now() - td
      for (const r of replicas) await r.close()
      const twice = [...sends.values()].filter((n) => n > 1).length
      const [left] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM notification_deliveries WHERE status <> 'sent'`,
      )
      console.log(
        `outbox, ${workers} worker${workers > 1 ? 's' : ''} (${LATENCY_MS} ms per send, 4 sends at a time each): ` +
          `${verified.length} queued in ${ms(queueMs)} ms, sent in ${(drainMs / 1000).toFixed(2)} s ` +
          `(${Math.round(verified.length / (drainMs / 1000))} messages/s; by worker ${drained.join(' + ')}), ` +
          `sent twice: ${twice}, not sent: ${left?.n}`,
      )
    }
  } finally {
    await handle.close()
    srv.stop()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
