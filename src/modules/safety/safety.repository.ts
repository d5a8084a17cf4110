import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { blocks, profiles, type ReportReason, reports } from '../../core/db/schema.js'
import { pageWindow } from '../../core/pagination.js'

/** GET /blocks shows the newest this many (a list endpoint is always bounded). */
export const MAX_BLOCKS_LISTED = 500

export async function insertBlock(
  tx: Executor,
  blockerId: string,
  blockedId: string,
  now: Date,
): Promise<void> {
  await tx.insert(blocks).values({ blockerId, blockedId, createdAt: now }).onConflictDoNothing()
}

export async function deleteBlock(tx: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const deleted = await tx
    .delete(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .returning({ id: blocks.blockedId })
  return deleted.length > 0
}

export function blocksOf(db: Executor, blockerId: string) {
  return db
    .select({ userId: blocks.blockedId, createdAt: blocks.createdAt, nickname: profiles.nickname })
    .from(blocks)
    .leftJoin(profiles, eq(profiles.userId, blocks.blockedId))
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(desc(blocks.createdAt))
    .limit(MAX_BLOCKS_LISTED)
}

export async function insertReport(
  tx: Executor,
  values: { reporter: string; reported: string; reason: ReportReason; detail: string | null; now: Date },
) {
  const [row] = await tx
    .insert(reports)
    .values({
      reporter: values.reporter,
      reported: values.reported,
      reason: values.reason,
      detail: values.detail,
      createdAt: values.now,
    })
    .returning()
  if (!row) throw new Error('report insert returned no row')
  return row
}

export async function findReport(tx: Executor, id: string) {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1)
  return row
}

export async function markHandled(tx: Executor, id: string, adminId: string, now: Date): Promise<boolean> {
  const updated = await tx
    .update(reports)
    .set({ handled: true, handledAt: now, handledBy: adminId })
    .where(and(eq(reports.id, id), eq(reports.handled, false)))
    .returning({ id: reports.id })
  return updated.length > 0
}

export async function listReports(
  db: Executor,
  filter: { handled?: boolean | undefined; page: number; pageSize: number },
) {
  const where = filter.handled === undefined ? undefined : eq(reports.handled, filter.handled)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(where)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(pageWindow(filter).limit)
      .offset(pageWindow(filter).offset),
    db
      .select({ n: count() })
      .from(reports)
      .where(where ?? sql`true`),
  ])
  return { items, total: total?.n ?? 0 }
}
