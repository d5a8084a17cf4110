import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { StorageConfig } from '../config.js'
import { AppError } from '../errors.js'
import type { Clock } from '../time.js'
import { assertKey, type MediaStorage, ObjectTooLarge } from './storage.js'

type S3Config = Extract<StorageConfig, { kind: 's3' }>

/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000

/**
 * Photos in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) through the AWS SDK; credentials
 * come from the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, a role).
 * Uploads are pre-signed PUTs (R2 has no form POST) with Content-Type and Content-Length among the
 * signed headers, so the bucket refuses another type or length. Every call has S3_TIMEOUT_MS; the
 * SDK retries (all of these calls are idempotent) and a failure is 503 STORAGE_UNAVAILABLE.
 */
export function createS3Storage(config: S3Config, clock: Clock): MediaStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    // The handler only warns about a slow request unless told to fail it.
    requestHandler: {
      connectionTimeout: config.timeoutMs,
      requestTimeout: config.timeoutMs,
      throwOnRequestTimeout: true,
    },
    maxAttempts: 3,
    // Checksums the SDK would add by default end up in pre-signed URLs, computed over no body at all
    // (the browser's upload would then fail), and R2 does not support all of them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const bucket = config.bucket
  const imageOrigin = new URL(config.publicBaseUrl).origin

  return {
    kind: 's3',
    imageOrigin,
    routes: null,

    async presignPut({ key, contentType, size, expiresAt }) {
      assertKey(key)
      // The API's clock signs (and dates the expiry) so that both agree; production's is the system's.
      const now = clock()
      let url: string
      try {
        url = await getSignedUrl(
          client,
          new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
          {
            expiresIn: Math.max(1, Math.round((expiresAt.getTime() - now.getTime()) / 1000)),
            signingDate: now,
            signableHeaders: new Set(['content-type', 'content-length']),
          },
        )
      } catch (err) {
        // Signing is local, but it needs credentials: none found in the default chain is a 503 too.
        throw unavailable(err)
      }
      // Content-Length is signed too; browsers set it from the body (scripts may not).
      return { url, headers: { 'Content-Type': contentType } }
    },

    async read(key, maxBytes) {
      assertKey(key)
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        const body = object.Body
        if (!body) return null
        if ((object.ContentLength ?? 0) > maxBytes) {
          await body.transformToWebStream().cancel()
          throw new ObjectTooLarge(`${object.ContentLength} bytes`)
        }
        const bytes = Buffer.from(await body.transformToByteArray())
        if (bytes.length > maxBytes) throw new ObjectTooLarge(`${bytes.length} bytes`)
        return bytes
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null
        throw unavailable(err)
      }
    },

    async write(key, body, contentType) {
      assertKey(key)
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
            ContentLength: body.length,
            // A photo's key names one version of it; a day bounds how long caches keep one that was
            // rejected or deleted when no one purges the CDN.
            CacheControl: 'public, max-age=86400',
          }),
        )
      } catch (err) {
        throw unavailable(err)
      }
    },

    async remove(keys) {
      for (const key of keys) assertKey(key)
      try {
        for (let i = 0; i < keys.length; i += DELETE_BATCH) {
          const batch = keys.slice(i, i + DELETE_BATCH)
          const result = await client.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
            }),
          )
          if (result.Errors && result.Errors.length > 0) {
            throw new Error(
              `DeleteObjects failed for ${result.Errors.length} keys (${result.Errors[0]?.Code})`,
            )
          }
        }
      } catch (err) {
        throw unavailable(err)
      }
    },

    publicUrl: (key) => {
      assertKey(key)
      return `${config.publicBaseUrl}/${key}`
    },

    async close() {
      client.destroy()
    },
  }
}

function unavailable(err: unknown): Error {
  if (err instanceof AppError || err instanceof ObjectTooLarge) return err
  return new AppError(503, 'STORAGE_UNAVAILABLE', 'Photo storage is unavailable; try again shortly')
}
