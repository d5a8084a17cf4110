'use server'

// The two calls of a photo upload that need the person's API token run here, on the Next.js server;
// the bytes go from the browser straight to storage (photo-upload.tsx), never through this server.
import { api } from '@/lib/api'

type UploadType = 'image/jpeg' | 'image/png' | 'image/webp'

/** POST /photos/uploads: a pre-signed PUT for this file's type and size, valid 10 minutes. */
export async function startPhotoUpload(contentType: UploadType, size: number) {
  const { data, error } = await (await api()).POST('/photos/uploads', { body: { contentType, size } })
  if (data) return { upload: data }
  // VALIDATION_ERROR: too large, 6 photos already, 3 uploads open; the message says which.
  return { error: error?.error.message ?? '업로드를 시작하지 못했어요.' }
}

/** POST /photos: the API checks the file, strips its metadata (GPS), resizes and watermarks it. */
export async function finishPhotoUpload(uploadId: string) {
  const { data, error } = await (await api()).POST('/photos', { body: { uploadId } })
  if (data) return { photo: data }
  switch (error?.error.code) {
    case 'INVALID_PHOTO':
      // Not a JPEG, PNG or WebP (HEIC included), too many pixels, or a file appended to the image:
      // the message says which, in words the person can be shown.
      return { error: error.error.message }
    case 'UPLOAD_NOT_RECEIVED':
      return { error: '파일이 아직 도착하지 않았어요. 다시 올려 주세요.' }
    case 'STORAGE_UNAVAILABLE':
      return { error: '사진 저장소에 잠시 문제가 있어요. 조금 뒤에 다시 시도해 주세요.' }
  }
  return { error: error?.error.message ?? '사진을 처리하지 못했어요.' }
}
