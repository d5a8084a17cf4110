import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError, badRequest, forbidden } from '../errors.js'
import { errorResponses } from '../http/schemas.js'
import { assertKey, type MediaStorage, ObjectTooLarge, type StorageOptions, uploadKey } from './storage.js'

/** Served photo files: `<userId>/<photoId>.webp` and its `-360` thumbnail, nothing else. */
const SERVED_FILE = /^\/[0-9a-f-]{36}\/[0-9a-f-]{36}(-360)?\.webp$/
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

const UploadParams = Type.Object({ uploadId: Type.String({ pattern: UUID, maxLength: 36 }) })
const UploadQuery = Type.Object({
  user: Type.String({ pattern: UUID, maxLength: 36 }),
  contentType: Type.String({ pattern: '^image/(jpeg|png|webp)$', maxLength: 10 }),
  size: Type.Integer({ minimum: 1 }),
  expires: Type.Integer({ minimum: 0 }),
  signature: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43 }),
})

/**
 * Photos on the local disk (`MEDIA_DIR`, default ./data/media) for a single-server deployment.
 * Photos are served read-only at `/media/photos/*` (@fastify/static); the pre-signed PUT that S3
 * would implement is implemented here, at `PUT /media/uploads/:uploadId`: an HMAC over the key,
 * type, length and expiry the API issued, checked before a byte is stored.
 */
export function createLocalStorage(options: StorageOptions & { dir: string }): MediaStorage {
  const root = resolve(options.dir)
  const { basePath, clock } = options
  const signingKey = createHmac('sha256', options.secret).update('shh-match/local-media-upload/v1').digest()
  const pathOf = (key: string) => {
    assertKey(key)
    return join(root, key)
  }
  const sign = (key: string, contentType: string, size: number, expires: number) =>
    createHmac('sha256', signingKey).update(`PUT\n${key}\n${contentType}\n${size}\n${expires}`).digest()

  async function write(key: string, body: Buffer | Readable, size?: number): Promise<void> {
    const path = pathOf(key)
    await mkdir(dirname(path), { recursive: true })
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${path}.${randomBytes(6).toString('hex')}.partial`
    try {
      if (Buffer.isBuffer(body)) await writeFile(partial, body)
      else {
        let received = 0
        body.on('data', (chunk: Buffer) => {
          received += chunk.length
          if (size !== undefined && received > size) body.destroy(new Error('longer than signed'))
        })
        await pipeline(body, createWriteStream(partial))
        if (received !== size) throw badRequest('UPLOAD_SIZE_MISMATCH', 'The body is not the signed length')
      }
      await rename(partial, path)
    } catch (err) {
      await rm(partial, { force: true })
      throw err
    }
  }

  const routes: FastifyPluginAsyncTypebox = async (app) => {
    const photosDir = join(root, 'photos')
    await mkdir(photosDir, { recursive: true })
    await app.register(fastifyStatic, {
      root: photosDir,
      prefix: '/media/photos/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      allowedPath: (pathName) => SERVED_FILE.test(pathName),
      // A photo's URL names one version of it (a new photo gets a new id); a day bounds how long a
      // browser keeps one that was rejected or deleted.
      maxAge: '1d',
      setHeaders: (res) => {
        // Public images for the front end, which may be on another site than the API.
        res.header('cross-origin-resource-policy', 'cross-origin')
      },
    })

    // The body is the upload itself, streamed to disk after the checks: no parser reads it first.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    app.put(
      '/media/uploads/:uploadId',
      {
        schema: {
          tags: ['photos'],
          summary:
            'Local storage only: the pre-signed PUT of POST /photos/uploads (send the URL exactly as returned, with its headers)',
          params: UploadParams,
          querystring: UploadQuery,
          consumes: ['image/jpeg', 'image/png', 'image/webp'],
          body: Type.Unsafe<unknown>({
            type: 'string',
            format: 'binary',
            'x-raw-body': true,
            description: 'The file, exactly `size` bytes of the signed type',
          }),
          response: {
            204: Type.Null({ description: 'Stored' }),
            ...errorResponses({
              400: ['UPLOAD_TYPE_MISMATCH', 'UPLOAD_SIZE_MISMATCH'],
              403: ['UPLOAD_URL_INVALID', 'UPLOAD_URL_EXPIRED'],
            }),
          },
        },
      },
      async (request, reply) => {
        const { uploadId } = request.params
        const { user, contentType, size, expires, signature } = request.query
        const key = uploadKey(user.toLowerCase(), uploadId.toLowerCase())
        const expected = sign(key, contentType, size, expires)
        const given = Buffer.from(signature, 'base64url')
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw forbidden('UPLOAD_URL_INVALID', 'This upload URL was not issued by the API or was changed')
        }
        if (clock().getTime() > expires * 1000) {
          throw forbidden('UPLOAD_URL_EXPIRED', 'This upload URL has expired; ask for a new one')
        }
        if (request.headers['content-type'] !== contentType) {
          throw badRequest(
            'UPLOAD_TYPE_MISMATCH',
            `Send the Content-Type the URL was issued for (${contentType})`,
          )
        }
        if (request.headers['content-length'] !== String(size)) {
          throw badRequest('UPLOAD_SIZE_MISMATCH', `Send exactly the ${size} bytes the URL was issued for`)
        }
        await write(key, request.body as Readable, size)
        return reply.status(204).send(null)
      },
    )
  }

  return {
    kind: 'local',
    imageOrigin: null,
    routes,

    async presignPut({ key, contentType, size, expiresAt }) {
      assertKey(key)
      const [, user, uploadId] = key.split('/')
      const expires = Math.floor(expiresAt.getTime() / 1000)
      const query = new URLSearchParams({
        user: user as string,
        contentType,
        size: String(size),
        expires: String(expires),
        signature: sign(key, contentType, size, expires).toString('base64url'),
      })
      return {
        url: `${basePath}/media/uploads/${uploadId}?${query}`,
        headers: { 'Content-Type': contentType },
      }
    },

    async read(key, maxBytes) {
      const path = pathOf(key)
      try {
        const info = await stat(path)
        if (info.size > maxBytes) throw new ObjectTooLarge(`${info.size} bytes`)
        return await readFile(path)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        if (err instanceof ObjectTooLarge) throw err
        throw unavailable(err)
      }
    },

    async write(key, body) {
      try {
        await write(key, body)
      } catch (err) {
        throw unavailable(err)
      }
    },

    async remove(keys) {
      try {
        for (const key of keys) {
          const path = pathOf(key)
          await rm(path, { force: true })
          // No empty folder named after a person is left behind.
          await rmdir(dirname(path)).catch(() => undefined)
        }
      } catch (err) {
        throw unavailable(err)
      }
    },

    publicUrl: (key) => {
      assertKey(key)
      return `${basePath}/media/${key}`
    },

    async close() {},
  }
}

function unavailable(err: unknown): AppError {
  if (err instanceof AppError) return err
  return new AppError(503, 'STORAGE_UNAVAILABLE', 'Photo storage is unavailable; try again shortly')
}
