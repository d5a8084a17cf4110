import { and, asc, count, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { type PhotoRow, type PhotoStatus, photos, photoUploads } from '../../core/db/schema.js'
import { pageWindow } from '../../core/pagination.js'
import { deleteMediaLater } from '../../core/storage/deletions.js'
import { photoKeys, uploadKey } from '../../core/storage/storage.js'

/** One person's photo changes at a time (count limits, positions): a transaction-scoped lock. */
export async function lockPhotosOf(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`photos:${userId}`}, 0))`)
}

export async function countOpenUploads(tx: Executor, userId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(photoUploads)
    .where(
      and(eq(photoUploads.userId, userId), isNull(photoUploads.claimedAt), gt(photoUploads.expiresAt, now)),
    )
  return row?.n ?? 0
}

/** Photos that count against PHOTO_MAX_COUNT: all but the rejected ones. */
export async function countPhotos(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(photos)
    .where(and(eq(photos.userId, userId), ne(photos.status, 'rejected')))
  return row?.n ?? 0
}

export async function insertUpload(
  tx: Executor,
  values: { id: string; userId: string; contentType: string; size: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.insert(photoUploads).values(values)
}

export async function findUpload(tx: Executor, userId: string, uploadId: string) {
  const [row] = await tx
    .select()
    .from(photoUploads)
    .where(and(eq(photoUploads.id, uploadId), eq(photoUploads.userId, userId)))
    .limit(1)
  return row
}

/** Marks the upload used and its raw object for deletion; false when it was claimed already. */
export async function claimUpload(
  tx: Executor,
  userId: string,
  uploadId: string,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .update(photoUploads)
    .set({ claimedAt: now })
    .where(
      and(eq(photoUploads.id, uploadId), eq(photoUploads.userId, userId), isNull(photoUploads.claimedAt)),
    )
    .returning({ id: photoUploads.id })
  if (claimed.length === 0) return false
  await deleteMediaLater(tx, [uploadKey(userId, uploadId)], now)
  return true
}

export async function insertPhoto(
  tx: Executor,
  values: { id: string; userId: string; width: number; height: number; createdAt: Date },
): Promise<PhotoRow> {
  const [row] = await tx
    .insert(photos)
    .values({
      ...values,
      status: 'pending',
      position: sql`(SELECT coalesce(max(position) + 1, 0) FROM photos WHERE user_id = ${values.userId})`,
    })
    .returning()
  if (!row) throw new Error('photo insert returned no row')
  return row
}

/** Every photo of a person (rejected ones too), in their order. */
export async function photosOf(tx: Executor, userId: string): Promise<PhotoRow[]> {
  return tx
    .select()
    .from(photos)
    .where(eq(photos.userId, userId))
    .orderBy(asc(photos.position), asc(photos.createdAt))
}

export async function findPhoto(tx: Executor, photoId: string, forUpdate = false) {
  const query = tx.select().from(photos).where(eq(photos.id, photoId)).limit(1)
  const [row] = forUpdate ? await query.for('update') : await query
  return row
}

export async function deletePhoto(tx: Executor, photo: PhotoRow, now: Date): Promise<void> {
  await tx.delete(photos).where(eq(photos.id, photo.id))
  const keys = photoKeys(photo.userId, photo.id)
  await deleteMediaLater(tx, [keys.main, keys.thumb], now)
}

/** Positions 0…n-1 in the order given (every photo of the person, rejected ones last). */
export async function setPositions(tx: Executor, ordered: readonly string[]): Promise<void> {
  if (ordered.length === 0) return
  await tx.execute(sql`
    UPDATE photos SET position = o.position - 1
    FROM unnest(${sql.param(ordered)}::uuid[]) WITH ORDINALITY AS o(id, position)
    WHERE photos.id = o.id`)
}

export async function moderate(
  tx: Executor,
  photo: PhotoRow,
  change: { status: PhotoStatus; adminId: string; reason: string | null; now: Date },
): Promise<PhotoRow> {
  const [row] = await tx
    .update(photos)
    .set({
      status: change.status,
      moderatedAt: change.now,
      moderatedBy: change.adminId,
      rejectionReason: change.reason,
    })
    .where(eq(photos.id, photo.id))
    .returning()
  if (!row) throw new Error('photo update returned no row')
  if (change.status === 'rejected') {
    const keys = photoKeys(photo.userId, photo.id)
    await deleteMediaLater(tx, [keys.main, keys.thumb], change.now)
  }
  return row
}

/**
 * profiles.photos := the keys of the person's photos others may see (`statuses`), in their order.
 * Called in the transaction of every change that could alter it.
 */
export async function refreshVisiblePhotos(
  tx: Executor,
  userIds: readonly string[],
  statuses: readonly PhotoStatus[],
): Promise<void> {
  if (userIds.length === 0) return
  // The key format is photoKeys(…).main (core/storage/storage.ts).
  await tx.execute(sql`
    UPDATE profiles p SET photos = coalesce(
      (SELECT jsonb_agg('photos/' || ph.user_id || '/' || ph.id || '.webp' ORDER BY ph.position, ph.created_at)
         FROM photos ph
        WHERE ph.user_id = p.user_id AND ph.status = ANY(${sql.param(statuses)}::text[])),
      '[]'::jsonb)
    WHERE p.user_id = ANY(${sql.param(userIds)}::uuid[])`)
}

/**
 * Whether pending photos are visible depends on PHOTO_MODERATION: after the setting changes, only
 * the owners of pending photos have another list. Returns how many profiles were looked at.
 */
export async function refreshPendingOwners(tx: Executor, statuses: readonly PhotoStatus[]): Promise<number> {
  const owners = (
    await tx.selectDistinct({ userId: photos.userId }).from(photos).where(eq(photos.status, 'pending'))
  ).map((r) => r.userId)
  await refreshVisiblePhotos(tx, owners, statuses)
  return owners.length
}

/** The moderation queue (and the other statuses), oldest first. */
export async function listByStatus(
  db: Executor,
  filter: { status: PhotoStatus; page: number; pageSize: number },
) {
  const where = eq(photos.status, filter.status)
  const window = pageWindow(filter)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(photos)
      .where(where)
      .orderBy(asc(photos.createdAt), asc(photos.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(photos).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

/**
 * Account deletion: every photo row of the person goes and every object of theirs (photos, raw
 * uploads) is marked for deletion. Upload rows stay, claimed, so that housekeeping deletes their
 * objects once more after a day (a URL handed out before the deletion works for 10 minutes).
 */
export async function erasePhotosOf(tx: Executor, userId: string, now: Date): Promise<void> {
  const own = await tx.select({ id: photos.id }).from(photos).where(eq(photos.userId, userId))
  const uploads = await tx
    .select({ id: photoUploads.id })
    .from(photoUploads)
    .where(eq(photoUploads.userId, userId))
  await deleteMediaLater(
    tx,
    [
      ...own.flatMap((p) => Object.values(photoKeys(userId, p.id))),
      ...uploads.map((u) => uploadKey(userId, u.id)),
    ],
    now,
  )
  await tx.delete(photos).where(eq(photos.userId, userId))
  await tx
    .update(photoUploads)
    .set({ claimedAt: now })
    .where(and(eq(photoUploads.userId, userId), isNull(photoUploads.claimedAt)))
}

/** Uploads handed out before `before`: their objects are marked for deletion and their rows go. */
export async function retireUploadsBefore(
  tx: Executor,
  before: Date,
  limit: number,
  now: Date,
): Promise<number> {
  const stale = await tx
    .select({ id: photoUploads.id, userId: photoUploads.userId })
    .from(photoUploads)
    .where(lt(photoUploads.createdAt, before))
    .orderBy(asc(photoUploads.createdAt))
    .limit(limit)
  if (stale.length === 0) return 0
  await deleteMediaLater(
    tx,
    stale.map((u) => uploadKey(u.userId, u.id)),
    now,
  )
  await tx.delete(photoUploads).where(
    inArray(
      photoUploads.id,
      stale.map((u) => u.id),
    ),
  )
  return stale.length
}
