import { eq, inArray, or, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import {
  bannedIdentities,
  blocks,
  consents,
  identityVerifications,
  likes,
  notificationDeliveries,
  notifications,
  passes,
  preferences,
  profiles,
  recommendationLists,
} from '../../core/db/schema.js'
import { erasePhotosOf } from '../photos/photos.repository.js'

/**
 * Erases what an account holds about its person (PIPA): profile (contact), photos (rows now, files
 * once the transaction commits), preferences, consents, blocks, likes and passes either way, their
 * own weekly lists (who was shown to them), their notifications and anything still queued to be
 * sent to them. Payments and the audit log are kept; they point to the anonymised user row.
 */
export async function erasePersonalData(tx: Executor, userId: string, now: Date): Promise<void> {
  await erasePhotosOf(tx, userId, now)
  await tx.delete(profiles).where(eq(profiles.userId, userId))
  await tx.delete(preferences).where(eq(preferences.userId, userId))
  await tx.delete(consents).where(eq(consents.userId, userId))
  await tx.delete(blocks).where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)))
  await tx.delete(likes).where(or(eq(likes.fromUser, userId), eq(likes.toUser, userId)))
  await tx.delete(recommendationLists).where(eq(recommendationLists.userId, userId))
  await tx.delete(identityVerifications).where(eq(identityVerifications.userId, userId))
  await tx.delete(passes).where(or(eq(passes.fromUser, userId), eq(passes.toUser, userId)))
  await tx.delete(notificationDeliveries).where(eq(notificationDeliveries.userId, userId))
  await tx.delete(notifications).where(eq(notifications.userId, userId))
}

/** Remembers a banned person by the hash of their Kakao id and, if they verified, of their CI. */
export async function rememberBannedIdentity(
  tx: Executor,
  kakaoIdHash: string,
  ciHash: string | null = null,
): Promise<void> {
  await tx
    .insert(bannedIdentities)
    .values({ kakaoIdHash, ciHash })
    .onConflictDoUpdate({
      target: bannedIdentities.kakaoIdHash,
      set: { ciHash: sql`coalesce(excluded.ci_hash, ${bannedIdentities}.ci_hash)` },
    })
}

/** The first of `hashes` (one identity's current and legacy hashes) that is stored, if any. */
export async function findBannedIdentity(tx: Executor, hashes: string[]): Promise<string | undefined> {
  const rows = await tx
    .select({ hash: bannedIdentities.kakaoIdHash })
    .from(bannedIdentities)
    .where(inArray(bannedIdentities.kakaoIdHash, hashes))
  const stored = new Set(rows.map((r) => r.hash))
  return hashes.find((h) => stored.has(h))
}

export async function forgetBannedIdentity(tx: Executor, hashes: string[]): Promise<void> {
  await tx.delete(bannedIdentities).where(inArray(bannedIdentities.kakaoIdHash, hashes))
}
