import { and, eq, isNull, notInArray, sql } from 'drizzle-orm'
import { type Executor, preparedPerDatabase } from '../../core/db/client.js'
import { type UserRole, type UserRow, users } from '../../core/db/schema.js'

const userById = preparedPerDatabase((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .limit(1)
    .prepare('user_by_id'),
)

/** Read on every authenticated request: a prepared statement outside transactions. */
export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  if ('rollback' in db) {
    const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
    return row
  }
  const [row] = await userById(db).execute({ id })
  return row
}

/**
 * Creates the user on first sign-in (banned from the start if this Kakao id was banned before the
 * person deleted an account); afterwards only the role (from ADMIN_KAKAO_IDS) changes. Signing in is
 * activity, written at once (not through the activity recorder): a batch run right after a new
 * person's first sign-in must already count them as active.
 */
export async function upsertUserByKakaoId(
  db: Executor,
  kakaoUserId: string,
  role: UserRole,
  bannedOnCreate: boolean,
  now: Date,
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ kakaoUserId, role, banned: bannedOnCreate, lastActiveAt: now })
    .onConflictDoUpdate({
      target: users.kakaoUserId,
      set: { role, lastActiveAt: sql`GREATEST(${users}.last_active_at, excluded.last_active_at)` },
    })
    .returning()
  if (!row) throw new Error('upsert returned no row')
  return row
}

/** Records the activity of many users in one statement (never moving a time backwards). */
export async function recordActivity(db: Executor, entries: Array<{ id: string; at: Date }>): Promise<void> {
  if (entries.length === 0) return
  await db.execute(sql`
    UPDATE users u SET last_active_at = x.at
    FROM unnest(${sql.param(entries.map((e) => e.id))}::uuid[], ${sql.param(entries.map((e) => e.at.toISOString()))}::timestamptz[]) AS x(id, at)
    WHERE u.id = x.id AND u.deleted_at IS NULL AND (u.last_active_at IS NULL OR u.last_active_at < x.at)`)
}

/** Ends every session of the user: tokens issued before carry the old version and are refused. */
export async function endSessions(db: Executor, id: string): Promise<void> {
  await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id))
}

/**
 * Bans or lifts a ban. Every request re-reads the flag, so tokens stop working at once, except for
 * deleting the account, which a banned person may still do (PIPA).
 */
export async function setBanned(db: Executor, id: string, banned: boolean): Promise<void> {
  await db.update(users).set({ banned }).where(eq(users.id, id))
}

/**
 * What remains of a deleted account: an opaque id that payment and audit records still point to.
 * The Kakao id is released, so signing in again starts a fresh account; the identity verification
 * (birth year, gender, phone, CI hash) is erased, so the person may verify a new account.
 */
export async function anonymiseUser(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      kakaoUserId: sql`'deleted:' || ${users.id}::text`,
      role: 'user',
      phoneVerified: false,
      phoneEncrypted: null,
      identityVerifiedAt: null,
      verifiedBirthYear: null,
      verifiedGender: null,
      ciHash: null,
      notifyExternal: true,
      lastActiveAt: null,
      deletedAt: now,
      tokenVersion: sql`${users.tokenVersion} + 1`,
    })
    .where(eq(users.id, id))
}

/**
 * Makes every admin whose Kakao id is not in `kakaoIds` a user and ends their sessions
 * (token_version + 1). Returns who was demoted.
 */
export async function demoteAdminsExcept(db: Executor, kakaoIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .update(users)
    .set({ role: 'user', tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(
      and(
        eq(users.role, 'admin'),
        isNull(users.deletedAt),
        kakaoIds.length ? notInArray(users.kakaoUserId, [...kakaoIds]) : undefined,
      ),
    )
    .returning({ id: users.id })
  return rows.map((r) => r.id)
}
