import { completeIdentityVerification } from '@/app/actions'
import { VerifyButton } from './verify-button'

/** 본인인증 (GET /me says identityRequired), and where PortOne's redirect comes back on mobile. */
export default async function Verify({
  searchParams,
}: {
  searchParams: Promise<{ identity_verification_id?: string; code?: string; message?: string }>
}) {
  const { identity_verification_id: id, code, message } = await searchParams
  // Back from PortOne's redirect: on success the API is asked, and never the query string, who it was.
  const failed = id && code === undefined ? await completeIdentityVerification(id) : null
  return (
    <main>
      <p>매칭을 시작하려면 휴대폰 본인인증이 필요해요. 이름과 주민번호는 저장하지 않아요.</p>
      {(failed?.error ?? message) && <p>{failed?.error ?? message}</p>}
      <VerifyButton />
    </main>
  )
}
