import { lt } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { kakaoIdTokenUses } from '../../core/db/schema.js'

/**
 * Remembers an ID token's hash until it expires. Returns false when it was already used: the
 * primary key makes two concurrent sign-ins with one token race safely to a single winner.
 */
export async function recordIdTokenUse(db: Executor, tokenHash: string, expiresAt: Date, now: Date) {
  await db.delete(kakaoIdTokenUses).where(lt(kakaoIdTokenUses.expiresAt, now))
  const inserted = await db
    .insert(kakaoIdTokenUses)
    .values({ tokenHash, expiresAt })
    .onConflictDoNothing()
    .returning({ tokenHash: kakaoIdTokenUses.tokenHash })
  return inserted.length === 1
}
