import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { adminErrors, authErrors, Page } from '../../core/http/schemas.js'
import type { strictLimit } from '../../core/http/security.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import {
  AdminPhoto,
  AdminPhotosQuery,
  ClaimBody,
  OrderBody,
  Photo,
  PhotoParams,
  RejectBody,
  Upload,
  UploadBody,
} from './photos.schemas.js'
import type { PhotoService } from './photos.service.js'

export const photoRoutes: FastifyPluginAsyncTypebox<{
  photos: PhotoService
  auth: Authenticator
  limit: ReturnType<typeof strictLimit>
}> = async (app, { photos, auth, limit }) => {
  const security = [{ bearerAuth: [] }]
  const tags = ['photos']

  app.post(
    '/photos/uploads',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags,
        summary:
          'Start a photo upload: a pre-signed PUT (10 minutes) for one JPEG, PNG or WebP of at most PHOTO_MAX_BYTES; at most 3 open at once',
        security,
        body: UploadBody,
        response: { 201: Upload, ...authErrors({ 503: ['STORAGE_UNAVAILABLE'] }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await photos.createUpload(caller(request), request.body)),
  )

  app.post(
    '/photos',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags,
        summary:
          'Turn your upload into a photo: checked by its content, upright, metadata (GPS) stripped, resized, watermarked, WebP',
        security,
        body: ClaimBody,
        response: {
          201: Photo,
          ...authErrors({
            400: ['INVALID_PHOTO'],
            404: ['UPLOAD_NOT_FOUND'],
            409: ['UPLOAD_NOT_RECEIVED'],
            503: ['STORAGE_UNAVAILABLE'],
          }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await photos.claim(caller(request), request.body.uploadId)),
  )

  app.get(
    '/photos',
    {
      preParsing: auth.requireUser,
      schema: {
        tags,
        summary: 'Your photos in order, with their moderation status',
        security,
        response: { 200: Type.Array(Photo), ...authErrors() },
      },
    },
    async (request) => photos.list(caller(request)),
  )

  app.put(
    '/photos/order',
    {
      preParsing: auth.requireUser,
      schema: {
        tags,
        summary: 'Reorder your photos (those not listed follow in their order)',
        security,
        body: OrderBody,
        response: { 200: Type.Array(Photo), ...authErrors({ 400: ['PHOTO_NOT_OWNED'] }) },
      },
    },
    async (request) => photos.order(caller(request), request.body.ids),
  )

  app.delete(
    '/photos/:photoId',
    {
      preParsing: auth.requireUser,
      schema: {
        tags,
        summary: 'Delete one of your photos and its files',
        security,
        params: PhotoParams,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          ...authErrors({ 404: ['PHOTO_NOT_FOUND'] }),
        },
      },
    },
    async (request, reply) => {
      await photos.remove(caller(request), request.params.photoId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/admin/photos',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary:
          'Photos by status (default pending: the moderation queue), oldest first, with owner and thumbnail',
        security,
        querystring: AdminPhotosQuery,
        response: { 200: Page(AdminPhoto), ...adminErrors() },
      },
    },
    async (request) => photos.adminList(request.query),
  )

  app.post(
    '/admin/photos/:photoId/approve',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Approve a pending photo (audited)',
        security,
        params: PhotoParams,
        response: {
          200: AdminPhoto,
          ...adminErrors({ 404: ['PHOTO_NOT_FOUND'], 409: ['PHOTO_NOT_PENDING'] }),
        },
      },
    },
    async (request) => photos.approve(caller(request), request.params.photoId),
  )

  app.post(
    '/admin/photos/:photoId/reject',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Reject a photo: hidden at once, its files deleted (purge a CDN: README) (audited)',
        security,
        params: PhotoParams,
        body: RejectBody,
        response: {
          200: AdminPhoto,
          ...adminErrors({ 404: ['PHOTO_NOT_FOUND'], 409: ['PHOTO_NOT_PENDING'] }),
        },
      },
    },
    async (request) => photos.reject(caller(request), request.params.photoId, request.body.reason),
  )
}
