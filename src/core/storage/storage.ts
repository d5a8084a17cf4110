import type { FastifyPluginAsync } from 'fastify'
import type { StorageConfig } from '../config.js'
import type { Clock } from '../time.js'

/** A pre-signed PUT: the client sends the bytes to `url` with exactly `headers`. */
export interface PresignedPut {
  url: string
  headers: Record<string, string>
}

/**
 * Where photos live: the local disk (one server) or an S3-compatible bucket (S3, R2, MinIO). Keys
 * are `uploads/<userId>/<uploadId>` (raw uploads, never public) and `photos/<userId>/<file>.webp`.
 * Each implementation is the only file that touches its SDK; both map their failures to 503
 * STORAGE_UNAVAILABLE.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3'
  /**
   * A PUT of exactly `size` bytes of `contentType` to `key`, valid until `expiresAt`: the storage
   * refuses any other type, length, key or a late request.
   */
  presignPut(input: {
    key: string
    contentType: string
    size: number
    expiresAt: Date
  }): Promise<PresignedPut>
  /** The object's bytes; null when there is none; ObjectTooLarge when it holds more than `maxBytes`. */
  read(key: string, maxBytes: number): Promise<Buffer | null>
  write(key: string, body: Buffer, contentType: string): Promise<void>
  /** Deletes the objects; a key with no object is no error. */
  remove(keys: readonly string[]): Promise<void>
  /** Where the public loads the object from (root-relative for local storage: `/media/photos/…`). */
  publicUrl(key: string): string
  /** The origin photos are served from when it is not the API's own (the CSP allows it for images). */
  readonly imageOrigin: string | null
  /** Routes the storage serves itself (local storage: `/media/photos/*` and the pre-signed PUT). */
  readonly routes: FastifyPluginAsync | null
  close(): Promise<void>
}

export class ObjectTooLarge extends Error {
  override name = 'ObjectTooLarge'
}

/** Raw uploads: private, deleted once processed (or after a day when never claimed). */
export const uploadKey = (userId: string, uploadId: string) => `uploads/${userId}/${uploadId}`
/** The photo as shown (at most 1440 px) and its 360 px thumbnail. */
export const photoKeys = (userId: string, photoId: string) => ({
  main: `photos/${userId}/${photoId}.webp`,
  thumb: `photos/${userId}/${photoId}-360.webp`,
})

const KEY = /^(uploads|photos)\/[0-9a-f-]{36}\/[0-9a-f-]{36}(-360\.webp|\.webp)?$/
/** Keys are made by the API; anything else (`..`, absolute paths) is a bug, never a file name. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a media key: ${JSON.stringify(key)}`)
}

export interface StorageOptions {
  /** API_BASE_PATH: local storage's URLs are under it. */
  basePath: string
  /** Keys the local pre-signed PUTs (derived from APP_SECRET). */
  secret: string
  clock: Clock
}

/** Opens the configured storage; the S3 SDK is loaded only when it is used. */
export async function openStorage(config: StorageConfig, options: StorageOptions): Promise<MediaStorage> {
  if (config.kind === 'local') {
    const { createLocalStorage } = await import('./local.js')
    return createLocalStorage({ dir: config.dir, ...options })
  }
  const { createS3Storage } = await import('./s3.js')
  return createS3Storage(config, options.clock)
}
