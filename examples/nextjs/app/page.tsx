import { redirect } from 'next/navigation'
import { auth } from '@/auth'
import { api } from '@/lib/api'

export default async function Home() {
  const session = await auth()
  if (!session) redirect('/api/auth/signin')
  const client = await api()
  const me = await client.GET('/me')
  if (!me.data) {
    if (me.error?.error.code === 'USER_BANNED') redirect('/suspended')
    redirect('/api/auth/signin')
  }
  // IDENTITY_REQUIRED (production): 본인인증 first; it works before a profile exists.
  if (me.data.identityRequired && !me.data.user.identityVerified) redirect('/verify')
  if (!me.data.profile || !me.data.preferences) return <p>프로필과 선호 조건을 먼저 입력해 주세요.</p>
  if (me.data.consentsMissing.length > 0) redirect('/consents')

  const { data: list = [] } = await client.GET('/recommendations')
  return (
    <main>
      {session.user.role === 'admin' && <a href="/admin">운영 콘솔</a>}
      {list.length === 0 ? (
        // A new person's first week: lists are built on Mondays at 10:00 (KST), for people active in
        // the last 14 days who have accepted the current terms.
        <p>첫 추천은 다음 월요일 오전 10시에 도착해요.</p>
      ) : (
        <ul>
          {list.map((item) => (
            <li key={item.targetUserId}>
              {item.profile.nickname} {item.profile.age ?? ''}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
