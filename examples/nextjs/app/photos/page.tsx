import { api } from '@/lib/api'
import { PhotoUpload } from './photo-upload'

const STATUS = { pending: '검토 중', approved: '공개', rejected: '반려' } as const

/** The person's photos in their order, with their moderation status, and an upload button. */
export default async function Photos() {
  const { data: photos = [] } = await (await api()).GET('/photos')
  return (
    <main>
      <ul>
        {photos.map((photo) => (
          <li key={photo.id}>
            {photo.thumbUrl && (
              // Root-relative on local storage (/media/photos/…), absolute on S3/R2.
              // biome-ignore lint/performance/noImgElement: already a 360 px WebP; next/image would re-encode it
              <img src={new URL(photo.thumbUrl, process.env.NEXT_PUBLIC_API_URL).href} alt="" width={120} />
            )}
            {STATUS[photo.status]} {photo.rejectionReason ?? ''}
          </li>
        ))}
      </ul>
      {photos.length < 6 && <PhotoUpload />}
    </main>
  )
}
