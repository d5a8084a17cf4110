import { randomUUID } from 'node:crypto'
import { recordAdminAction } from '../../core/audit.js'
import type { PhotoConfig } from '../../core/config.js'
import type { Database, Executor } from '../../core/db/client.js'
import type { PhotoRow, PhotoStatus } from '../../core/db/schema.js'
import { badRequest, conflict, notFound } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { pageOf } from '../../core/pagination.js'
import { deleteMediaLater, type MediaJanitor } from '../../core/storage/deletions.js'
import { type MediaStorage, ObjectTooLarge, photoKeys, uploadKey } from '../../core/storage/storage.js'
import type { Clock } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { InvalidPhoto, type PhotoProcessor } from './photo-image.js'
import {
  claimUpload,
  countOpenUploads,
  countPhotos,
  deletePhoto,
  findPhoto,
  findUpload,
  insertPhoto,
  insertUpload,
  listByStatus,
  lockPhotosOf,
  moderate,
  photosOf,
  refreshPendingOwners,
  refreshVisiblePhotos,
  setPositions,
} from './photos.repository.js'

/** A pre-signed upload URL works this long. */
export const UPLOAD_TTL_MS = 10 * 60_000
/** Uploads handed out and not yet claimed, per person. */
export const MAX_OPEN_UPLOADS = 3

const MIB = 1024 * 1024

/** Which photos others see: approved ones before moderation (`pre`), all but rejected ones after (`post`). */
export const visibleStatuses = (moderation: PhotoConfig['moderation']): PhotoStatus[] =>
  moderation === 'pre' ? ['approved'] : ['pending', 'approved']

/**
 * At start-up (server.ts): profiles follow the current PHOTO_MODERATION, pending photos shown or not.
 * Returns how many profiles were looked at.
 */
export function applyPhotoModeration(db: Database, moderation: PhotoConfig['moderation']): Promise<number> {
  return db.transaction((tx) => refreshPendingOwners(tx, visibleStatuses(moderation)))
}

const photoNotFound = () => notFound('PHOTO_NOT_FOUND', 'No such photo')
const invalidPhoto = (message: string) => badRequest('INVALID_PHOTO', message)

export interface PhotoServiceDeps {
  db: Database
  clock: Clock
  storage: MediaStorage
  janitor: MediaJanitor
  processor: PhotoProcessor
  config: PhotoConfig
  notifier: Notifier
}

export function createPhotoService(deps: PhotoServiceDeps) {
  const { db, clock, storage, janitor, processor, config, notifier } = deps
  const visible = visibleStatuses(config.moderation)

  const toPhoto = (row: PhotoRow) => {
    const keys = photoKeys(row.userId, row.id)
    const kept = row.status !== 'rejected'
    return {
      id: row.id,
      url: kept ? storage.publicUrl(keys.main) : null,
      thumbUrl: kept ? storage.publicUrl(keys.thumb) : null,
      width: row.width,
      height: row.height,
      status: row.status,
      rejectionReason: row.rejectionReason,
      createdAt: row.createdAt.toISOString(),
    }
  }

  /** The upload is used up and its raw object deleted; the person is told why it was refused. */
  async function refuse(auth: AuthContext, uploadId: string, message: string): Promise<never> {
    await db.transaction(async (tx) => {
      await claimUpload(tx, auth.userId, uploadId, clock())
    })
    await janitor.drain([uploadKey(auth.userId, uploadId)])
    throw invalidPhoto(message)
  }

  /**
   * Puts the listed photos first, in the order given, and the person's other photos after them in
   * their order; refreshes what others see. `ids` must all be the person's photos (not rejected).
   */
  async function reorder(tx: Executor, userId: string, ids: readonly string[], field: (i: number) => string) {
    const own = await photosOf(tx, userId)
    const orderable = new Set(own.filter((p) => p.status !== 'rejected').map((p) => p.id))
    const foreign = ids.flatMap((id, i) =>
      orderable.has(id) ? [] : [{ field: field(i), message: 'is not one of your photos' }],
    )
    if (foreign.length > 0) {
      throw badRequest('PHOTO_NOT_OWNED', 'Only your own photos can be listed', foreign)
    }
    const listed = new Set(ids)
    const rest = own.filter((p) => !listed.has(p.id))
    await setPositions(tx, [
      ...ids,
      ...rest.filter((p) => p.status !== 'rejected').map((p) => p.id),
      ...rest.filter((p) => p.status === 'rejected').map((p) => p.id),
    ])
    await refreshVisiblePhotos(tx, [userId], visible)
  }

  return {
    visible,

    /** POST /photos/uploads: a pre-signed PUT for one photo, within the person's limits. */
    async createUpload(auth: AuthContext, input: { contentType: string; size: number }) {
      if (input.size > config.maxBytes) {
        throw badRequest(
          'VALIDATION_ERROR',
          `A photo may have at most ${(config.maxBytes / MIB).toFixed(0)} MiB`,
          [{ field: 'body/size', message: `must be at most ${config.maxBytes}` }],
        )
      }
      const now = clock()
      const uploadId = randomUUID()
      const expiresAt = new Date(now.getTime() + UPLOAD_TTL_MS)
      await db.transaction(async (tx) => {
        await lockPhotosOf(tx, auth.userId)
        const [open, kept] = await Promise.all([
          countOpenUploads(tx, auth.userId, now),
          countPhotos(tx, auth.userId),
        ])
        if (open >= MAX_OPEN_UPLOADS) {
          throw badRequest(
            'VALIDATION_ERROR',
            `At most ${MAX_OPEN_UPLOADS} uploads may be open at once: finish them (POST /photos) or wait 10 minutes`,
          )
        }
        if (kept + open >= config.maxCount) {
          throw badRequest(
            'VALIDATION_ERROR',
            `At most ${config.maxCount} photos: delete one first${open > 0 ? ' (uploads still open count too)' : ''}`,
          )
        }
        await insertUpload(tx, {
          id: uploadId,
          userId: auth.userId,
          contentType: input.contentType,
          size: input.size,
          createdAt: now,
          expiresAt,
        })
      })
      const signed = await storage.presignPut({
        key: uploadKey(auth.userId, uploadId),
        contentType: input.contentType,
        size: input.size,
        expiresAt,
      })
      return {
        uploadId,
        url: signed.url,
        method: 'PUT' as const,
        headers: signed.headers,
        expiresAt: expiresAt.toISOString(),
      }
    },

    /**
     * POST /photos: turns the caller's upload into a photo. The bytes are checked by their content,
     * decoded within the pixel limit, turned upright, stripped of all metadata, resized, watermarked
     * and written as WebP; the raw upload is deleted whatever the outcome.
     */
    async claim(auth: AuthContext, uploadId: string) {
      const upload = await findUpload(db, auth.userId, uploadId)
      if (!upload || upload.claimedAt)
        throw notFound('UPLOAD_NOT_FOUND', 'No such upload, or it was used already')
      if ((await countPhotos(db, auth.userId)) >= config.maxCount) {
        throw badRequest('VALIDATION_ERROR', `At most ${config.maxCount} photos: delete one first`)
      }
      const rawKey = uploadKey(auth.userId, uploadId)
      let bytes: Buffer | null
      try {
        bytes = await storage.read(rawKey, config.maxBytes)
      } catch (err) {
        if (!(err instanceof ObjectTooLarge)) throw err
        return refuse(auth, uploadId, `A photo may have at most ${(config.maxBytes / MIB).toFixed(0)} MiB`)
      }
      if (bytes === null) {
        throw conflict(
          'UPLOAD_NOT_RECEIVED',
          'Nothing was uploaded yet: PUT the file to the upload URL first',
        )
      }
      if (bytes.length !== upload.size) {
        return refuse(
          auth,
          uploadId,
          `The upload has ${bytes.length} bytes, not the ${upload.size} announced`,
        )
      }
      let processed: Awaited<ReturnType<PhotoProcessor['processPhoto']>>
      try {
        processed = await processor.processPhoto(bytes)
      } catch (err) {
        if (!(err instanceof InvalidPhoto)) throw err
        return refuse(auth, uploadId, err.message)
      }
      bytes = null

      const photoId = randomUUID()
      const keys = photoKeys(auth.userId, photoId)
      let row: PhotoRow | undefined
      try {
        await storage.write(keys.main, processed.main, 'image/webp')
        await storage.write(keys.thumb, processed.thumb, 'image/webp')
        row = await db.transaction(async (tx) => {
          await lockPhotosOf(tx, auth.userId)
          const now = clock()
          if (!(await claimUpload(tx, auth.userId, uploadId, now))) {
            throw notFound('UPLOAD_NOT_FOUND', 'No such upload, or it was used already')
          }
          if ((await countPhotos(tx, auth.userId)) >= config.maxCount) {
            throw badRequest('VALIDATION_ERROR', `At most ${config.maxCount} photos: delete one first`)
          }
          const inserted = await insertPhoto(tx, {
            id: photoId,
            userId: auth.userId,
            width: processed.width,
            height: processed.height,
            createdAt: now,
          })
          await refreshVisiblePhotos(tx, [auth.userId], visible)
          return inserted
        })
      } finally {
        if (!row) {
          // Nothing of a photo that was not recorded is kept.
          await deleteMediaLater(db, [keys.main, keys.thumb], clock())
          await janitor.drain([keys.main, keys.thumb])
        }
      }
      await janitor.drain([rawKey])
      return toPhoto(row)
    },

    /** GET /photos: the caller's photos in their order, with their status. */
    async list(auth: AuthContext) {
      return (await photosOf(db, auth.userId)).map(toPhoto)
    },

    /** DELETE /photos/:photoId: the photo and its files go. */
    async remove(auth: AuthContext, photoId: string) {
      const photo = await db.transaction(async (tx) => {
        await lockPhotosOf(tx, auth.userId)
        const found = await findPhoto(tx, photoId)
        if (!found || found.userId !== auth.userId) throw photoNotFound()
        await deletePhoto(tx, found, clock())
        await refreshVisiblePhotos(tx, [auth.userId], visible)
        return found
      })
      const keys = photoKeys(photo.userId, photo.id)
      await janitor.drain([keys.main, keys.thumb])
    },

    /** PUT /photos/order */
    async order(auth: AuthContext, ids: readonly string[]) {
      await db.transaction(async (tx) => {
        await lockPhotosOf(tx, auth.userId)
        await reorder(tx, auth.userId, ids, (i) => `body/ids/${i}`)
      })
      return (await photosOf(db, auth.userId)).map(toPhoto)
    },

    /**
     * PUT /profile with `photos`: the URLs must be the caller's own photos' URLs; they are put in
     * that order. Runs in the profile's transaction.
     */
    async orderByUrls(tx: Executor, userId: string, urls: readonly string[]) {
      await lockPhotosOf(tx, userId)
      const own = await photosOf(tx, userId)
      const idByUrl = new Map(
        own
          .filter((p) => p.status !== 'rejected')
          .map((p) => [storage.publicUrl(photoKeys(userId, p.id).main), p.id]),
      )
      const ids = urls.map((url) => idByUrl.get(url) ?? '')
      await reorder(tx, userId, ids, (i) => `body/photos/${i}`)
    },

    /** What others see of a person's photos, recomputed (a profile was just created). */
    refreshVisible: (tx: Executor, userId: string) => refreshVisiblePhotos(tx, [userId], visible),

    /** The owner's own list for their profile: every photo not rejected, pending ones included. */
    async ownUrls(executor: Executor, userId: string): Promise<string[]> {
      return (await photosOf(executor, userId))
        .filter((p) => p.status !== 'rejected')
        .map((p) => storage.publicUrl(photoKeys(userId, p.id).main))
    },

    /** A storage key in profiles.photos as the URL others load. */
    publicUrl: (key: string) => storage.publicUrl(key),

    /** GET /admin/photos: oldest first, with the owner and the thumbnail. */
    async adminList(filter: { status?: PhotoStatus | undefined; page: number; pageSize: number }) {
      const query = {
        status: filter.status ?? ('pending' as const),
        page: filter.page,
        pageSize: filter.pageSize,
      }
      const { items, total } = await listByStatus(db, query)
      return pageOf(query, items.map(toAdminPhoto), total)
    },

    /** POST /admin/photos/:photoId/approve (audited in the same transaction). */
    async approve(admin: AuthContext, photoId: string) {
      return db.transaction(async (tx) => {
        const photo = await findPhoto(tx, photoId, true)
        if (!photo) throw photoNotFound()
        if (photo.status !== 'pending') {
          throw conflict('PHOTO_NOT_PENDING', `This photo is ${photo.status} already`)
        }
        const now = clock()
        const row = await moderate(tx, photo, {
          status: 'approved',
          adminId: admin.userId,
          reason: null,
          now,
        })
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'photo.approve',
          targetId: photo.id,
          detail: { ownerId: photo.userId },
        })
        await refreshVisiblePhotos(tx, [photo.userId], visible)
        return toAdminPhoto(row)
      })
    },

    /**
     * POST /admin/photos/:photoId/reject: hidden at once, its files deleted (a CDN in front of the
     * bucket still has to be purged: README); audited in the same transaction.
     */
    async reject(admin: AuthContext, photoId: string, reason: string) {
      const row = await db.transaction(async (tx) => {
        const photo = await findPhoto(tx, photoId, true)
        if (!photo) throw photoNotFound()
        if (photo.status === 'rejected') throw conflict('PHOTO_NOT_PENDING', 'This photo is rejected already')
        const now = clock()
        const trimmed = reason.trim()
        const updated = await moderate(tx, photo, {
          status: 'rejected',
          adminId: admin.userId,
          reason: trimmed,
          now,
        })
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'photo.reject',
          targetId: photo.id,
          detail: { ownerId: photo.userId, reason: trimmed, was: photo.status },
        })
        await refreshVisiblePhotos(tx, [photo.userId], visible)
        await notifier.notify(tx, photo.userId, 'photo.rejected', { photoId: photo.id, reason: trimmed }, now)
        return updated
      })
      const keys = photoKeys(row.userId, row.id)
      await janitor.drain([keys.main, keys.thumb])
      return toAdminPhoto(row)
    },
  }

  function toAdminPhoto(row: PhotoRow) {
    return {
      ...toPhoto(row),
      ownerId: row.userId,
      moderatedAt: row.moderatedAt?.toISOString() ?? null,
      moderatedBy: row.moderatedBy,
    }
  }
}

export type PhotoService = ReturnType<typeof createPhotoService>
