import { and, eq, isNull, lt, or } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { type UserRole, type UserRow, users } from '../../core/db/schema.js'

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return row
}

/** Creates the user on first sign-in; afterwards only the role (from ADMIN_KAKAO_IDS) changes. */
export async function upsertUserByKakaoId(
  db: Executor,
  kakaoUserId: string,
  role: UserRole,
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ kakaoUserId, role })
    .onConflictDoUpdate({ target: users.kakaoUserId, set: { role } })
    .returning()
  if (!row) throw new Error('upsert returned no row')
  return row
}

/** Records activity, at most once per `minIntervalMs` per user (the WHERE makes a fresh row a no-op). */
export async function touchLastActive(
  db: Executor,
  id: string,
  now: Date,
  minIntervalMs: number,
): Promise<void> {
  const threshold = new Date(now.getTime() - minIntervalMs)
  await db
    .update(users)
    .set({ lastActiveAt: now })
    .where(and(eq(users.id, id), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, threshold))))
}
