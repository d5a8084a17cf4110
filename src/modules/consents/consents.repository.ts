import { desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { type ConsentKind, consents } from '../../core/db/schema.js'

export interface ConsentEntry {
  kind: ConsentKind
  version: string | null
  createdAt: Date
}

/** The latest entry of each kind (an acceptance, or a withdrawal with a null version). */
export async function latestConsents(db: Executor, userId: string): Promise<ConsentEntry[]> {
  return db
    .selectDistinctOn([consents.kind], {
      kind: consents.kind,
      version: consents.version,
      createdAt: consents.createdAt,
    })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(consents.kind, desc(consents.createdAt), desc(consents.id))
}

export async function appendConsents(
  db: Executor,
  userId: string,
  entries: Array<{ kind: ConsentKind; version: string | null }>,
  now: Date,
): Promise<void> {
  if (entries.length === 0) return
  await db
    .insert(consents)
    .values(entries.map((e) => ({ userId, kind: e.kind, version: e.version, createdAt: now })))
}

export async function deleteConsentsOf(db: Executor, userId: string): Promise<void> {
  await db.delete(consents).where(eq(consents.userId, userId))
}

/** Whether the user's latest contactShare entry is an acceptance. */
export async function sharesContact(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ version: consents.version })
    .from(consents)
    .where(sql`${consents.userId} = ${userId} AND ${consents.kind} = 'contactShare'`)
    .orderBy(desc(consents.createdAt), desc(consents.id))
    .limit(1)
  return row?.version != null
}
