'use client'

import { useState } from 'react'
import { finishPhotoUpload, startPhotoUpload } from './actions'

const TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
type UploadType = (typeof TYPES)[number]
const isUploadType = (type: string): type is UploadType => (TYPES as readonly string[]).includes(type)

/**
 * One photo: ask for an upload (server), PUT the file to storage (this browser), then have the API
 * process it (server). Local-storage URLs are root-relative on the API: NEXT_PUBLIC_API_URL is the
 * API's public origin. On S3/R2 the URL is absolute and the bucket's CORS rule must allow this site.
 */
export function PhotoUpload() {
  const [message, setMessage] = useState('')

  async function upload(file: File) {
    // iPhones hand a browser JPEG; a HEIC saved elsewhere is refused here and by the API.
    if (!isUploadType(file.type)) return setMessage('JPEG, PNG, WebP 사진만 올릴 수 있어요.')
    const started = await startPhotoUpload(file.type, file.size)
    if (!started.upload) return setMessage(started.error)
    const { uploadId, url, method, headers } = started.upload
    // Exactly the headers returned, nothing more (no Authorization): type and length are signed.
    const put = await fetch(new URL(url, process.env.NEXT_PUBLIC_API_URL), { method, headers, body: file })
    if (!put.ok) return setMessage('업로드가 만료되었거나 실패했어요. 다시 시도해 주세요.')
    const finished = await finishPhotoUpload(uploadId)
    if (!finished.photo) return setMessage(finished.error)
    // Pending until an operator approves it (PHOTO_MODERATION=pre): only its owner sees it meanwhile.
    setMessage(finished.photo.status === 'approved' ? '사진이 올라갔어요.' : '사진이 검토 중이에요.')
  }

  return (
    <label>
      사진 추가
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void upload(file)
        }}
      />
      <output>{message}</output>
    </label>
  )
}
