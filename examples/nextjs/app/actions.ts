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
    case 'IDENTITY_REQUIRED':
      redirect('/verify')
      break
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

/** 본인인증, step 1: an id of the API's, with PortOne's store and channel, for the browser SDK. */
export async function startIdentityVerification() {
  const { data, error } = await (await api()).POST('/me/identity-verification/start')
  if (!data) return { error: error?.error.code ?? 'API_UNREACHABLE' }
  const { identityVerificationId, storeId, channelKey } = data
  return { identityVerificationId, storeId, channelKey }
}

/** 본인인증, step 2: the API reads the result from PortOne itself; the browser only names the id. */
export async function completeIdentityVerification(identityVerificationId: string) {
  const { data, error } = await (await api()).POST('/me/identity-verification/complete', {
    body: { identityVerificationId },
  })
  if (data) redirect('/')
  switch (error?.error.code) {
    case 'USER_BANNED': // the person's other account is suspended, so this one is too
      redirect('/suspended')
      break
    case 'IDENTITY_IN_USE':
      return { error: '이미 가입된 분이에요. 처음 가입한 카카오 계정으로 로그인해 주세요.' }
    case 'UNDERAGE':
      return { error: '만 19세 이상(연 나이)만 이용할 수 있어요. 인증 정보는 저장하지 않았어요.' }
    case 'IDENTITY_NOT_VERIFIED':
    case 'VERIFICATION_NOT_FOUND':
      return { error: '본인인증이 완료되지 않았거나 만료되었어요. 다시 시도해 주세요.' }
    case 'VERIFICATION_USED':
      redirect('/')
      break
    case 'IDENTITY_PROVIDER_UNAVAILABLE': // nothing was kept: the same id can be completed again
      return { error: '본인인증 결과를 확인하지 못했어요. 잠시 후 다시 시도해 주세요.', retry: true }
  }
  return { error: `요청을 처리하지 못했어요 (${error?.error.code ?? 'API_UNREACHABLE'}).` }
}
