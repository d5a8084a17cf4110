const MESSAGES: Record<string, string> = {
  API_UNREACHABLE: '서비스에 잠시 연결할 수 없어요. 조금 뒤 다시 로그인해 주세요.',
  RATE_LIMITED: '로그인 시도가 많아요. 1분 뒤 다시 시도해 주세요.',
  SIGN_IN_AGAIN: '로그인이 만료되었어요. 카카오로 다시 로그인해 주세요.',
}

export default async function SignInError({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams
  return <p>{MESSAGES[code ?? ''] ?? '로그인하지 못했어요. 문제가 계속되면 고객센터로 알려 주세요.'}</p>
}
