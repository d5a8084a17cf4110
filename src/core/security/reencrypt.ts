import { count, eq, sql } from 'drizzle-orm'
import { type Database, queryRows } from '../db/client.js'
import { bannedIdentities } from '../db/schema.js'
import type { FieldCipher } from './crypto.js'

/**
 * Every encrypted column, with the primary key that is also the value's additional data (the user
 * id, or the payment id for a refund account; see crypto.ts). A new encrypted field is added here, so
 * that keys:reencrypt covers it.
 */
const ENCRYPTED_COLUMNS = [
  { table: 'profiles', key: 'user_id', column: 'contact_encrypted' },
  { table: 'users', key: 'id', column: 'phone_encrypted' },
  { table: 'payments', key: 'id', column: 'refund_account_encrypted' },
] as const

export interface ReencryptProgress {
  column: string
  /** The last primary key done: everything up to it is current. */
  after: string
  scanned: number
  reencrypted: number
}

export interface ReencryptReport {
  scanned: number
  reencrypted: number
  /** Values that decrypt under no configured key or do not belong to their row (reported, left alone). */
  failed: Array<{ column: string; key: string }>
  /** Banned identities still hashed from a DATA_ENCRYPTION_KEY (their key must stay listed). */
  legacyBannedIdentities: number
}

/**
 * `npm run keys:reencrypt`: rewrites every stored value that is not yet v2 under the current key.
 * Walks each table in primary-key order, a batch per statement, so it can stop anywhere and a re-run
 * finishes the job (values already current are skipped: running it twice changes nothing). A value a
 * user changes meanwhile is left as they wrote it (the update only replaces the value it read).
 */
export async function reencryptAll(
  db: Database,
  cipher: FieldCipher,
  options: { batchSize?: number; onBatch?: (progress: ReencryptProgress) => void } = {},
): Promise<ReencryptReport> {
  const batchSize = options.batchSize ?? 500
  const report: ReencryptReport = { scanned: 0, reencrypted: 0, failed: [], legacyBannedIdentities: 0 }
  for (const { table, key, column } of ENCRYPTED_COLUMNS) {
    const [t, k, c] = [sql.identifier(table), sql.identifier(key), sql.identifier(column)]
    let after: string | null = null
    for (;;) {
      // The keys are uuids: each batch starts where the last ended, on the primary key index.
      const rows: Array<{ key: string; value: string }> = await queryRows(
        db,
        sql`SELECT ${k}::text AS key, ${c} AS value FROM ${t}
            WHERE ${c} IS NOT NULL ${after === null ? sql`` : sql`AND ${k} > ${after}::uuid`}
            ORDER BY ${k} LIMIT ${batchSize}`,
      )
      if (rows.length === 0) break
      const keys: string[] = []
      const before: string[] = []
      const now: string[] = []
      for (const row of rows) {
        if (!cipher.isStale(row.value)) continue
        try {
          now.push(cipher.encrypt(cipher.decrypt(row.value, row.key), row.key))
          keys.push(row.key)
          before.push(row.value)
        } catch {
          report.failed.push({ column: `${table}.${column}`, key: row.key })
        }
      }
      if (keys.length > 0) {
        const updated = await queryRows<{ key: string }>(
          db,
          sql`UPDATE ${t} SET ${c} = x.now
              FROM unnest(${sql.param(keys)}::text[], ${sql.param(before)}::text[], ${sql.param(now)}::text[])
                AS x(key, before, now)
              WHERE ${t}.${k} = x.key::uuid AND ${t}.${c} = x.before
              RETURNING x.key`,
        )
        report.reencrypted += updated.length
      }
      report.scanned += rows.length
      after = (rows.at(-1) as { key: string }).key
      options.onBatch?.({
        column: `${table}.${column}`,
        after,
        scanned: report.scanned,
        reencrypted: report.reencrypted,
      })
    }
  }
  const [legacy] = await db
    .select({ n: count() })
    .from(bannedIdentities)
    .where(eq(bannedIdentities.legacy, true))
  report.legacyBannedIdentities = legacy?.n ?? 0
  return report
}
