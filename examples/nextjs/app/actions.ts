'use server'

// Server Actions: the browser calls these; they run on the Next.js server, which holds the API token
// (httpOnly cookie). Nothing here needs CORS: the browser never talks to the API itself.
import { redirect } from 'next/navigation'
import { api } from '@/lib/api'

type ConsentType = 'terms' | 'privacy' | 'refund' | 'adult'

export async function like(toUserId: string, batchWeek: string) {
  const { data, error, response } = await (await api()).POST('/likes', { body: { toUserId, batchWeek } })
  if (data) return { matched: data.matched, matchId: data.matchId ?? null }
  switch (error?.error.code) {
    case 'CONSENT_REQUIRED':
      redirect('/consents')
      break
    case 'AUTH_REQUIRED':
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
    case 'TOKEN_REVOKED':
      redirect('/api/auth/signin')
      break
    case 'USER_BANNED':
      redirect('/suspended')
      break
    case 'RECOMMENDATION_NOT_FOUND':
      return { error: '이번 주 추천 목록에 없는 분이에요.' }
    case 'RATE_LIMITED':
      return { error: `잠시 후 다시 시도해 주세요 (${response.headers.get('retry-after') ?? '60'}초).` }
  }
  return { error: `요청을 처리하지 못했어요 (${error?.error.requestId ?? response.status}).` }
}

/** Accepts the versions the API asks for (GET /me consentsMissing), as the person ticked them. */
export async function acceptConsents(accepted: Array<{ type: ConsentType; version: string }>) {
  const body = Object.fromEntries(accepted.map((c) => [c.type, c.version]))
  const { error } = await (await api()).PUT('/me/consents', { body })
  if (error) return { error: error.error.message }
  redirect('/')
}
