import { type Html, html } from './console.html.js'

/** Where the console lives (API_BASE_PATH + /console), for links and form actions. */
export interface ViewContext {
  prefix: string
  csrf: string
  kakaoUserId: string
  /** The page's own path under the prefix, to mark the current menu entry. */
  current: string
}

const MENU: Array<[string, string]> = [
  ['/', '대시보드'],
  ['/payments', '결제'],
  ['/statements', '입금 내역 업로드'],
  ['/matches', '매칭'],
  ['/reports', '신고'],
  ['/users', '회원'],
  ['/photos', '사진 검수'],
  ['/batch', '추천 배치'],
  ['/audit', '감사 로그'],
  ['/access-log', '열람 기록'],
]

function head(prefix: string, title: string): Html {
  return html`<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 쉿매치 운영 콘솔</title>
<link rel="icon" href="${prefix}/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${prefix}/static/console.css">
</head>`
}

export function csrfField(ctx: { csrf: string }): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`
}

/** A signed-in page: the menu, the sign-out button, a notice or an error, then the content. */
export function page(
  ctx: ViewContext,
  title: string,
  content: Html,
  extra: { notice?: string | null | undefined; error?: Html | null } = {},
): string {
  const { prefix } = ctx
  return html`${head(prefix, title)}
<body>
<a class="skip" href="#main">본문으로 건너뛰기</a>
<header>
<span class="brand">쉿매치 운영 콘솔</span>
<nav aria-label="콘솔 메뉴"><ul>${MENU.map(
    ([path, label]) =>
      html`<li><a href="${prefix}${path}"${ctx.current === path ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul></nav>
<div class="who"><span>관리자 ${ctx.kakaoUserId}</span>
<form method="post" action="${prefix}/logout" class="inline">${csrfField(ctx)}<button type="submit" class="secondary">로그아웃</button></form></div>
</header>
<main id="main">
<h1>${title}</h1>
${extra.notice ? html`<p class="notice" role="status">${extra.notice}</p>` : ''}
${extra.error ?? ''}
${content}
</main>
</body>
</html>`.value
}

/** A page without the menu (sign-in, refusal, errors before a session exists). */
export function bare(prefix: string, title: string, content: Html): string {
  return html`${head(prefix, title)}
<body>
<main id="main" class="login">
<h1>${title}</h1>
${content}
</main>
</body>
</html>`.value
}

export function errorBox(message: string, code: string, requestId: string): Html {
  return html`<div class="error" role="alert"><p>${message}</p><p class="muted">오류 코드 ${code} · 요청 ${requestId}</p></div>`
}

/** A table inside a scrollable, focusable region (narrow screens scroll it sideways). */
export function table(label: string, headers: string[], rows: Html[], empty = '항목이 없습니다.'): Html {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0"><table>
<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`
}

/** Previous/next links that keep the page's filters. */
export function pager(
  base: string,
  query: Record<string, string | undefined>,
  result: { page: number; pageSize: number; total: number },
): Html {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  const link = (n: number) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v)
    params.set('page', String(n))
    return `${base}?${params.toString()}`
  }
  return html`<nav class="pager" aria-label="페이지 이동">
${result.page > 1 ? html`<a href="${link(result.page - 1)}">이전 페이지</a>` : ''}
<span>${result.page} / ${pages} 쪽 (전체 ${result.total}건)</span>
${result.page < pages ? html`<a href="${link(result.page + 1)}">다음 페이지</a>` : ''}
</nav>`
}

const SEOUL = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** A time as Seoul wall-clock text, or a dash. */
export function when(iso: string | Date | null | undefined): string {
  if (!iso) return '—'
  return SEOUL.format(typeof iso === 'string' ? new Date(iso) : iso)
}

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`

export const PAYMENT_STATUS_KO: Record<string, string> = {
  pending: '입금 대기',
  verified: '입금 확인',
  expired: '기한 만료',
  refund_due: '환불 필요',
  refunded: '환불 완료',
  amount_mismatch: '금액 불일치',
}
export const PAYMENT_METHOD_KO: Record<string, string> = {
  transfer: '계좌이체',
  virtual_account: '가상계좌',
}
export const MATCH_STATUS_KO: Record<string, string> = {
  pending: '활성화 대기',
  active: '활성',
  closed: '종료',
}
export const RUN_STATUS_KO: Record<string, string> = {
  queued: '대기',
  running: '실행 중',
  succeeded: '성공',
  failed: '실패',
}
export const REPORT_REASON_KO: Record<string, string> = {
  spam: '스팸',
  fake_profile: '가짜 프로필',
  harassment: '괴롭힘',
  inappropriate_content: '부적절한 내용',
  underage: '미성년자',
  scam: '사기',
  other: '기타',
}
