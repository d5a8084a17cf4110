import { Type } from 'typebox'
import { PHOTO_STATUSES } from '../../core/db/schema.js'
import { DateTime, Nullable, PageQuery, Text, Uuid } from '../../core/http/schemas.js'

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export const UploadBody = Type.Object({
  contentType: Type.Enum([...UPLOAD_CONTENT_TYPES], {
    description:
      "The file's type. HEIC is not accepted (iPhones convert photos to JPEG when a browser uploads them).",
  }),
  size: Type.Integer({ minimum: 1, description: 'Bytes; at most PHOTO_MAX_BYTES (default 10 MiB)' }),
})

export const Upload = Type.Object({
  uploadId: Uuid,
  url: Type.String({
    description:
      'Send the file here (absolute for S3/R2; root-relative, on the API, for local storage): the URL is pre-signed',
  }),
  method: Type.Literal('PUT'),
  headers: Type.Record(Type.String(), Type.String(), {
    description:
      'Send exactly these headers. Content-Length is signed too: the body must be exactly `size` bytes (browsers set it from the file).',
  }),
  expiresAt: DateTime,
})

export const ClaimBody = Type.Object({ uploadId: Uuid })

const Status = Type.Enum([...PHOTO_STATUSES])

export const Photo = Type.Object(
  {
    id: Uuid,
    url: Nullable(Type.String({ description: 'WebP, at most 1440 px on its long side; null once rejected' })),
    thumbUrl: Nullable(Type.String({ description: 'WebP, at most 360 px; null once rejected' })),
    width: Type.Integer(),
    height: Type.Integer(),
    status: Status,
    rejectionReason: Nullable(Type.String()),
    createdAt: DateTime,
  },
  {
    description:
      'One of your photos. Others see it once approved (PHOTO_MODERATION=pre) or until rejected (post).',
  },
)

export const PhotoParams = Type.Object({ photoId: Uuid })
export const OrderBody = Type.Object({
  ids: Type.Array(Uuid, {
    maxItems: 50,
    uniqueItems: true,
    description: 'Your photos in the order wanted; photos not listed keep their order after these',
  }),
})

export const AdminPhotosQuery = Type.Object({
  status: Type.Optional(Status),
  ...PageQuery,
})
export const AdminPhoto = Type.Object({
  id: Uuid,
  ownerId: Uuid,
  status: Status,
  url: Nullable(Type.String()),
  thumbUrl: Nullable(Type.String()),
  width: Type.Integer(),
  height: Type.Integer(),
  createdAt: DateTime,
  moderatedAt: Nullable(DateTime),
  moderatedBy: Nullable(Uuid),
  rejectionReason: Nullable(Type.String()),
})
export const RejectBody = Type.Object({
  reason: Text({ maxLength: 500, nonBlank: true, description: 'Shown to the owner' }),
})
