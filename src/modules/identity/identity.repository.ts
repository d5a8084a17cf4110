import { and, eq, isNull, lt, ne, or } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import {
  bannedIdentities,
  type Gender,
  identityVerifications,
  profiles,
  users,
} from '../../core/db/schema.js'

export type VerificationIdRow = typeof identityVerifications.$inferSelect

export async function insertVerificationId(
  db: Executor,
  values: { id: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(identityVerifications).values({
    id: values.id,
    userId: values.userId,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  })
}

/** Ids of the user that can no longer be used: each `start` clears them, so they never pile up. */
export async function deleteExpiredVerificationIds(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .delete(identityVerifications)
    .where(and(eq(identityVerifications.userId, userId), lt(identityVerifications.expiresAt, now)))
}

export async function findVerificationId(db: Executor, id: string): Promise<VerificationIdRow | undefined> {
  const [row] = await db.select().from(identityVerifications).where(eq(identityVerifications.id, id)).limit(1)
  return row
}

/** Uses the id up, if it still is the caller's and unused: false when another request used it first. */
export async function useVerificationId(
  tx: Executor,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(identityVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(identityVerifications.id, id),
        eq(identityVerifications.userId, userId),
        isNull(identityVerifications.usedAt),
      ),
    )
    .returning({ id: identityVerifications.id })
  return rows.length === 1
}

/** The live account holding this CI hash (at most one: users_ci_hash_live_uq). */
export async function findLiveCiHolder(
  tx: Executor,
  ciHash: string,
): Promise<{ id: string; banned: boolean } | undefined> {
  const [row] = await tx
    .select({ id: users.id, banned: users.banned })
    .from(users)
    .where(and(eq(users.ciHash, ciHash), isNull(users.deletedAt)))
    .limit(1)
  return row
}

/** Whether a banned person who deleted their account had this CI; the row is locked until commit. */
export async function findBannedCi(tx: Executor, ciHash: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ kakaoIdHash: bannedIdentities.kakaoIdHash })
    .from(bannedIdentities)
    .where(eq(bannedIdentities.ciHash, ciHash))
    .for('update')
    .limit(1)
  return row?.kakaoIdHash
}

/**
 * The ban of a deleted account moves to the person's new (now banned) account, with the CI hash: an
 * operator who lifts the ban on that account then lifts it on the person.
 */
export async function moveBannedCiTo(tx: Executor, ciHash: string, userId: string): Promise<void> {
  await tx.update(bannedIdentities).set({ ciHash: null }).where(eq(bannedIdentities.ciHash, ciHash))
  await tx.update(users).set({ ciHash }).where(eq(users.id, userId))
}

/** Lifting a ban lifts it on the person: a deleted account of theirs no longer bans their CI. */
export async function forgetBannedCi(tx: Executor, ciHash: string): Promise<void> {
  await tx.update(bannedIdentities).set({ ciHash: null }).where(eq(bannedIdentities.ciHash, ciHash))
}

export interface VerifiedIdentity {
  verifiedAt: Date
  birthYear: number
  gender: Gender
  phoneEncrypted: string | null
  ciHash: string
}

/**
 * Stores what the verification proved. Writing the CI hash is what decides "one person, one account":
 * if another live account holds it, users_ci_hash_live_uq refuses (also when both commit at once).
 */
export async function saveVerifiedIdentity(tx: Executor, userId: string, identity: VerifiedIdentity) {
  await tx
    .update(users)
    .set({
      identityVerifiedAt: identity.verifiedAt,
      verifiedBirthYear: identity.birthYear,
      verifiedGender: identity.gender,
      phoneVerified: identity.phoneEncrypted !== null,
      phoneEncrypted: identity.phoneEncrypted,
      ciHash: identity.ciHash,
    })
    .where(eq(users.id, userId))
}

/** An existing profile takes the verified birth year and gender. */
export async function alignProfile(
  tx: Executor,
  userId: string,
  birthYear: number,
  gender: Gender,
  now: Date,
): Promise<void> {
  await tx
    .update(profiles)
    .set({ birthYear, gender, updatedAt: now })
    .where(
      and(eq(profiles.userId, userId), or(ne(profiles.birthYear, birthYear), ne(profiles.gender, gender))),
    )
}
