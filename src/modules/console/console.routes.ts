import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import { Ajv } from 'ajv'
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats'
import { Cron } from 'croner'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { Config } from '../../core/config.js'
import type { Database } from '../../core/db/client.js'
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../core/db/schema.js'
import { AppError, badRequest, forbidden } from '../../core/errors.js'
import type { Clock } from '../../core/time.js'
import { BanBody, ContactQuery, MatchesQuery, PageOnlyQuery, UsersQuery } from '../admin/admin.schemas.js'
import type { AdminService } from '../admin/admin.service.js'
import type { AuthContext } from '../auth/authenticate.js'
import { ActivateBody, AdminPaymentsQuery, RefundBody, VerifyBody } from '../payments/payments.schemas.js'
import type { PaymentService } from '../payments/payments.service.js'
import { AdminPhotosQuery, RejectBody } from '../photos/photos.schemas.js'
import type { PhotoService } from '../photos/photos.service.js'
import type { RecommendationService } from '../recommendations/recommendations.service.js'
import { AdminReportsQuery, HandleReportBody } from '../safety/safety.schemas.js'
import type { SafetyService } from '../safety/safety.service.js'
import { CONSOLE_CSS, CONSOLE_FAVICON } from './console.assets.js'
import { type Html, html } from './console.html.js'
import { dashboardCounts } from './console.repository.js'
import type { ConsoleService } from './console.service.js'
import type { ConsoleSession, ConsoleSessions } from './console.session.js'
import { SESSION_ABSOLUTE_MS } from './console.session.js'
import {
  bare,
  csrfField,
  errorBox,
  MATCH_STATUS_KO,
  PAYMENT_METHOD_KO,
  PAYMENT_STATUS_KO,
  page,
  pager,
  REPORT_REASON_KO,
  RUN_STATUS_KO,
  table,
  type ViewContext,
  when,
  won,
} from './console.views.js'
import type { KakaoOidc, OidcChecks } from './kakao-oidc.client.js'

const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin

const SESSION_COOKIE = 'shh_console'
/** Signed, short-lived: the OpenID checks (state, nonce, PKCE verifier) or the dev form's token. */
const LOGIN_COOKIE = 'shh_console_login'
const LOGIN_COOKIE_SECONDS = 600
const STATEMENT_LIMIT_BYTES = 5 * 1024 * 1024
const STATEMENT_FORM_LIMIT_BYTES = Math.ceil(STATEMENT_LIMIT_BYTES * 1.4)
const PAGE_SIZE = 20

/**
 * The console's CSP is stricter than the API's: no inline style either, and no other origin but the
 * one photos are served from (S3_PUBLIC_BASE_URL's; none with local storage).
 */
const csp = (imageOrigin: string | null) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${imageOrigin ? ` ${imageOrigin}` : ''}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')

/** What operators read when a service refuses: the API's codes in Korean (the code itself is shown too). */
const MESSAGES_KO: Record<string, string> = {
  VALIDATION_ERROR: '입력값이 올바르지 않습니다.',
  CSRF_INVALID: '보안 토큰이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  CONSOLE_NOT_ADMIN: '이 카카오 계정은 관리자로 등록되어 있지 않습니다. 접근이 거부되었습니다.',
  USER_BANNED: '이용이 정지된 계정입니다.',
  KAKAO_UNAVAILABLE: '카카오 로그인 서버에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
  KAKAO_SIGN_IN_FAILED: '카카오 로그인에 실패했습니다. 다시 시도하세요.',
  LOGIN_EXPIRED: '로그인 절차가 만료되었습니다. 처음부터 다시 시도하세요.',
  PAYMENT_NOT_FOUND: '결제를 찾을 수 없습니다.',
  PAYMENT_ALREADY_VERIFIED: '이미 입금 확인된 결제입니다.',
  PAYMENT_NOT_VERIFIABLE: '이 상태의 결제는 입금 확인할 수 없습니다.',
  PAYMENT_SUPERSEDED: '같은 매칭에 더 새로운 결제가 있습니다.',
  PAYMENT_NOT_REFUNDABLE: '환불할 수 없는 상태의 결제입니다.',
  REFUND_FAILED: 'PortOne이 환불을 거절했습니다. 결제 목록의 환불 오류를 확인하세요.',
  REFUND_ACCOUNT_MISSING: '결제자가 아직 환불 계좌를 등록하지 않았습니다.',
  REFUND_IN_PROGRESS: 'PortOne이 이 결제의 환불을 처리하고 있습니다. 확인되면 환불 완료로 바뀝니다.',
  PAYMENT_PROVIDER_UNAVAILABLE: 'PortOne에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
  METHOD_UNAVAILABLE: 'PortOne 결제가 설정되어 있지 않습니다 (PAYMENT_PROVIDER).',
  MATCH_NOT_FOUND: '매칭을 찾을 수 없습니다.',
  MATCH_NOT_PENDING: '활성화 대기 중인 매칭이 아닙니다.',
  MATCH_CLOSED: '이미 종료된 매칭입니다.',
  PAYMENT_NOT_VERIFIED:
    '입금 확인된 결제가 없습니다. 강제 활성화하려면 "강제 활성화"를 선택하고 사유를 적으세요.',
  REASON_REQUIRED: '사유를 입력하세요.',
  USER_NOT_FOUND: '회원을 찾을 수 없습니다.',
  USER_ALREADY_BANNED: '이미 정지된 회원입니다.',
  USER_NOT_BANNED: '정지되지 않은 회원입니다.',
  CANNOT_BAN_SELF: '자기 자신은 정지하거나 해제할 수 없습니다.',
  CANNOT_BAN_ADMIN: '관리자는 정지할 수 없습니다.',
  REPORT_NOT_FOUND: '신고를 찾을 수 없습니다.',
  REPORT_ALREADY_HANDLED: '이미 처리된 신고입니다.',
  RECS_ALREADY_RUNNING: '추천 배치가 이미 실행 중입니다.',
  PHOTO_NOT_FOUND: '사진을 찾을 수 없습니다.',
  PHOTO_NOT_PENDING: '이미 검수된 사진입니다.',
  INVALID_STATEMENT: '입금 내역 파일을 읽을 수 없습니다.',
  STATEMENT_REQUIRED: '입금 내역 CSV 파일을 선택하세요.',
  FILE_TOO_LARGE: '파일이 너무 큽니다 (최대 5MB).',
  RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
}

const NOTICES: Record<string, string> = {
  verified: '입금을 확인했습니다.',
  refunded: '환불 처리를 기록했습니다.',
  'refund-requested': 'PortOne에 환불을 요청했습니다. PortOne이 확인하면 환불 완료로 바뀝니다.',
  activated: '매칭을 활성화했습니다.',
  handled: '신고를 처리했습니다.',
  banned: '회원을 정지했습니다.',
  unbanned: '회원 정지를 해제했습니다.',
  started: '추천 배치를 시작했습니다.',
  approved: '사진을 승인했습니다.',
  rejected: '사진을 반려했습니다. 파일은 삭제됩니다.',
  'signed-out': '로그아웃했습니다.',
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: ConsoleSession | null
  }
}

export interface ConsoleOptions {
  config: Config
  db: Database
  clock: Clock
  sessions: ConsoleSessions
  service: ConsoleService
  oidc: KakaoOidc | null
  admin: AdminService
  payments: PaymentService
  safety: SafetyService
  recommendations: RecommendationService
  photos: PhotoService
  /** Where photos are served from when not from the API itself. */
  imageOrigin: string | null
}

type Form = Record<string, string | string[] | undefined>

/** A form field as one string; a blank one is "not given", as an absent JSON property would be. */
function field(form: unknown, name: string): string | undefined {
  const value = (form as Form | undefined)?.[name]
  const one = Array.isArray(value) ? value[0] : value
  return typeof one === 'string' && one.trim() !== '' ? one : undefined
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  const { config, sessions, service, oidc, admin, payments, safety, recommendations, photos } = options
  const prefix = `${config.basePath}/console`
  const secure = config.env === 'prod'

  // The same schemas as the API routes check, so a form is refused exactly where the API would be.
  const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, strict: false })
  addFormats(ajv)
  const checked = <T>(schema: TSchema, value: Record<string, unknown>): T => {
    const validate = ajv.compile(schema)
    const input = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
    if (!validate(input)) {
      const details = (validate.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'form'} ${e.message}`)
      throw badRequest('VALIDATION_ERROR', details.join('; '), details)
    }
    return input as T
  }
  const pageInput = (query: unknown) =>
    checked<{ page: number; pageSize: number }>(PageOnlyQuery, {
      page: field(query, 'page'),
      pageSize: String(PAGE_SIZE),
    })
  const uuidParam = (request: FastifyRequest, name: string): string => {
    const value = (request.params as Record<string, string>)[name] ?? ''
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
      throw badRequest('VALIDATION_ERROR', `${name} must be a UUID`)
    return value
  }

  await app.register(cookie, {
    secret: createHmac('sha256', config.appSecret).update('console-cookie').digest('base64url'),
  })
  await app.register(formbody)
  await app.register(multipart, {
    limits: { fileSize: STATEMENT_LIMIT_BYTES, files: 1, fields: 5, parts: 6 },
  })

  // None of this is part of the API's contract: kept out of openapi.json.
  app.addHook('onRoute', (route) => {
    route.schema = { ...(route.schema ?? {}), hide: true }
  })
  app.decorateRequest('consoleSession', null)
  const policy = csp(options.imageOrigin)
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', policy)
    reply.header('cache-control', 'no-store')
    // The API sends no referrer at all; within the console a refused form links back to its page.
    reply.header('referrer-policy', 'same-origin')
  })

  const cookieOptions = { path: prefix, httpOnly: true, secure, sameSite: 'lax' as const }
  const sessionToken = (request: FastifyRequest) => request.cookies[SESSION_COOKIE]
  const auth = (request: FastifyRequest): AuthContext => {
    if (!request.consoleSession) throw forbidden('AUTH_REQUIRED', 'Sign in first')
    // The console reaches admin services only, which never look at the IDENTITY_REQUIRED flag.
    return { userId: request.consoleSession.userId, role: 'admin', identityVerified: false }
  }
  const view = (request: FastifyRequest, current: string): ViewContext => {
    const s = request.consoleSession as ConsoleSession
    return { prefix, csrf: s.csrfToken, kakaoUserId: s.kakaoUserId, current }
  }
  const notice = (request: FastifyRequest) => {
    const key = field(request.query, 'notice')
    return key ? (NOTICES[key] ?? null) : null
  }
  const send = (reply: FastifyReply, body: string, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').send(body)

  // Any refusal becomes a page in Korean with the API's code; anything else a 500 that says nothing more.
  app.setErrorHandler(async (err, request, reply) => {
    let status = 500
    let code = 'INTERNAL'
    let message = '서버 오류가 발생했습니다. 잠시 후 다시 시도하세요.'
    if (err instanceof AppError) {
      status = err.statusCode
      code = err.code
      message = MESSAGES_KO[code] ?? err.message
      if (code === 'VALIDATION_ERROR') message = `${MESSAGES_KO[code]} (${err.message})`
    } else if ((err as { statusCode?: number }).statusCode === 413) {
      status = 413
      code = 'FILE_TOO_LARGE'
      message = MESSAGES_KO[code] as string
    } else if ((err as { statusCode?: number }).statusCode === 429) {
      status = 429
      code = 'RATE_LIMITED'
      message = MESSAGES_KO[code] as string
    } else if (
      (err as { statusCode?: number }).statusCode &&
      (err as { statusCode: number }).statusCode < 500
    ) {
      status = (err as { statusCode: number }).statusCode
      code = 'BAD_REQUEST'
      message = '요청을 처리할 수 없습니다.'
    } else {
      request.log.error({ err }, 'console request failed')
    }
    const back = backPath(request.headers.referer)
    const box = html`${errorBox(message, code, String(request.id))}<p>${back ? html`<a href="${back}">이전 화면으로</a> · ` : ''}<a href="${prefix}/">대시보드로 돌아가기</a></p>`
    const body = request.consoleSession
      ? page(view(request, ''), '요청을 처리하지 못했습니다', html``, { error: box })
      : bare(
          prefix,
          '요청을 처리하지 못했습니다',
          html`${box}<p><a href="${prefix}/login">로그인 화면으로</a></p>`,
        )
    return send(reply, body, status)
  })

  /** The page a refused form came from, as a path of the console's own (never another site). */
  const backPath = (referer: string | undefined): string | null => {
    if (!referer) return null
    try {
      const url = new URL(referer)
      return url.pathname.startsWith(`${prefix}/`) ? `${url.pathname}${url.search}` : null
    } catch {
      return null
    }
  }

  app.get('/favicon.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(CONSOLE_FAVICON),
  )
  app.get('/static/console.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSOLE_CSS),
  )

  // ---- Sign-in ------------------------------------------------------------------------------------
  const loginLimit = {
    rateLimit: {
      max: config.rateLimit.strictMax,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => `console-login:${request.ip}`,
    },
  }
  const setLoginCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(LOGIN_COOKIE, value, { ...cookieOptions, signed: true, maxAge: LOGIN_COOKIE_SECONDS })
  const readLoginCookie = (request: FastifyRequest): string | null => {
    const raw = request.cookies[LOGIN_COOKIE]
    if (!raw) return null
    const unsigned = request.unsignCookie(raw)
    return unsigned.valid ? unsigned.value : null
  }
  const startSession = (reply: FastifyReply, token: string) =>
    reply
      .clearCookie(LOGIN_COOKIE, cookieOptions)
      .setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 })
      .redirect(`${prefix}/`, 303)

  app.get('/login', { config: loginLimit }, async (request, reply) => {
    if (await sessions.check(sessionToken(request))) return reply.redirect(`${prefix}/`, 303)
    const signedOut = field(request.query, 'notice') === 'signed-out'
    const intro = signedOut ? html`<p class="notice" role="status">${NOTICES['signed-out']}</p>` : ''
    if (config.kakao.verify === 'none') {
      const token = randomBytes(24).toString('base64url')
      setLoginCookie(reply, token)
      const ids = [...config.adminKakaoIds]
      return send(
        reply,
        bare(
          prefix,
          '운영 콘솔 로그인 (개발용)',
          html`${intro}<p>KAKAO_VERIFY=none: 카카오 인증 없이 ADMIN_KAKAO_IDS의 관리자로 로그인합니다. 운영 환경에서는 쓸 수 없습니다.</p>
${
  ids.length
    ? html`<ul>${ids.map(
        (id) =>
          html`<li><form method="post" action="${prefix}/login/dev"><input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="kakaoUserId" value="${id}"><button type="submit">관리자 ${id}(으)로 로그인</button></form></li>`,
      )}</ul>`
    : html`<p class="error" role="alert">ADMIN_KAKAO_IDS가 비어 있어 로그인할 수 있는 관리자가 없습니다.</p>`
}`,
        ),
      )
    }
    return send(
      reply,
      bare(
        prefix,
        '운영 콘솔 로그인',
        html`${intro}<p>관리자로 등록된 카카오 계정으로 로그인하세요.</p><p><a class="button" href="${prefix}/login/kakao">카카오 계정으로 로그인</a></p>`,
      ),
    )
  })

  app.post('/login/dev', { config: loginLimit }, async (request, reply) => {
    if (config.kakao.verify !== 'none') throw new AppError(404, 'ROUTE_NOT_FOUND', 'Dev sign-in is off')
    const expected = readLoginCookie(request)
    if (!expected || !sameSecret(field(request.body, '_csrf'), expected))
      throw forbidden('CSRF_INVALID', 'The sign-in form token is missing or wrong')
    const kakaoUserId = field(request.body, 'kakaoUserId')
    if (!kakaoUserId || kakaoUserId.length > 64)
      throw badRequest('VALIDATION_ERROR', 'kakaoUserId is required')
    return startSession(reply, await service.signIn(kakaoUserId, 'dev'))
  })

  app.get('/login/kakao', { config: loginLimit }, async (_request, reply) => {
    if (!oidc) throw new AppError(404, 'ROUTE_NOT_FOUND', 'Kakao sign-in is off (KAKAO_VERIFY=none)')
    const { url, checks } = await oidc.start()
    setLoginCookie(reply, JSON.stringify(checks))
    return reply.redirect(url, 303)
  })

  app.get('/callback', { config: loginLimit }, async (request, reply) => {
    if (!oidc) throw new AppError(404, 'ROUTE_NOT_FOUND', 'Kakao sign-in is off (KAKAO_VERIFY=none)')
    const saved = readLoginCookie(request)
    let checks: OidcChecks
    try {
      checks = JSON.parse(saved ?? '') as OidcChecks
    } catch {
      throw badRequest('LOGIN_EXPIRED', 'The sign-in took too long or was started elsewhere')
    }
    reply.clearCookie(LOGIN_COOKIE, cookieOptions)
    const callbackUrl = new URL(`${config.console.baseUrl}/callback`)
    callbackUrl.search = new URL(request.url, 'http://x').search
    const kakaoUserId = await oidc.finish(callbackUrl, checks)
    return startSession(reply, await service.signIn(kakaoUserId, 'kakao'))
  })

  // ---- Everything below needs a session; every POST needs its CSRF token --------------------------
  await app.register(async (signedIn) => {
    signedIn.addHook('preHandler', async (request, reply) => {
      const session = await sessions.check(sessionToken(request))
      if (!session) {
        reply.clearCookie(SESSION_COOKIE, cookieOptions)
        return reply.redirect(`${prefix}/login`, 303)
      }
      request.consoleSession = session
      // A multipart form is read by its route; its token is checked there (csrfOfUpload).
      if (request.method === 'POST' && !request.isMultipart()) {
        if (!sameSecret(field(request.body, '_csrf'), session.csrfToken))
          throw forbidden('CSRF_INVALID', 'The form token is missing or wrong')
      }
    })

    signedIn.post('/logout', async (request, reply) => {
      await service.signOut(auth(request).userId, sessionToken(request))
      return reply
        .clearCookie(SESSION_COOKIE, cookieOptions)
        .redirect(`${prefix}/login?notice=signed-out`, 303)
    })

    signedIn.get('/', async (request, reply) => {
      const counts = await dashboardData()
      const card = (label: string, n: number | string, href: string) =>
        html`<a class="card" href="${prefix}${href}"><span class="n">${n}</span>${label}</a>`
      const last = counts.lastRun
      const content = html`<div class="cards">
${card('입금 대기 결제', counts.pending, '/payments?status=pending')}
${counts.mismatch === null ? '' : card('금액 불일치 결제', counts.mismatch, '/payments?status=amount_mismatch')}
${card('활성화 대기 매칭 (입금 확인됨)', counts.toActivate, '/matches?status=pending')}
${card('미처리 신고', counts.openReports, '/reports?handled=false')}
${card('검수 대기 사진', counts.pendingPhotos, '/photos')}
</div>
<h2>추천 배치</h2>
<dl class="facts">
<dt>마지막 실행</dt><dd>${last ? `${when(last.createdAt)} · ${last.week} · ${RUN_STATUS_KO[last.status] ?? last.status}` : '없음'}</dd>
<dt>다음 예정</dt><dd>${counts.nextRun ? when(counts.nextRun) : '예약 실행 꺼짐 (SCHEDULER_ENABLED)'}</dd>
</dl>`
      return send(reply, page(view(request, '/'), '대시보드', content))
    })

    // ---- Payments ----
    type AdminPaymentView = Awaited<ReturnType<PaymentService['adminGet']>>
    const owedBack = (p: AdminPaymentView) => p.status === 'refund_due' || p.status === 'amount_mismatch'
    // Links only where the API would accept the action, so an operator is never sent into a refusal.
    const canVerify = (p: AdminPaymentView) =>
      p.status === 'pending' || p.status === 'expired' || p.status === 'amount_mismatch'
    /*
     * A transfer's refund is the operator's own record (also of a verified one); a virtual account is
     * refunded through PortOne only while owed back, once the payer gave an account, and not twice
     * while PortOne's confirmation is pending. A verified one is not owed back (its match went ahead).
     */
    const canRefund = (p: AdminPaymentView) =>
      p.method === 'transfer'
        ? p.status === 'refund_due' || p.status === 'verified'
        : owedBack(p) && p.refundAccountGiven && !p.refundRequestedAt
    /** Where the money goes: a transfer's code, or the virtual account PortOne issued. */
    const payTo = (p: AdminPaymentView) =>
      p.virtualAccount
        ? html`${p.virtualAccount.bankName} <span class="mono">${p.virtualAccount.accountNumber}</span>`
        : html`<span class="mono">${p.code ?? '—'}</span>`
    /** What was paid: the depositor a transfer named, or the amount PortOne reported. */
    const paidWith = (p: AdminPaymentView) =>
      p.method === 'virtual_account'
        ? p.paidAmount === null
          ? '입금 전'
          : `${won(p.paidAmount)} 입금`
        : (p.depositorName ?? '—')
    /** Where a virtual account's refund stands; nothing for transfers (recorded by hand). */
    const refundState = (p: AdminPaymentView): Html => {
      if (p.method !== 'virtual_account') return html`—`
      const parts: Html[] = []
      if (p.refundRequestedAt) parts.push(html`PortOne 확인 대기 (${when(p.refundRequestedAt)} 요청)`)
      else if (owedBack(p))
        parts.push(html`${p.refundAccountGiven ? '환불 계좌 등록됨' : '환불 계좌 미등록'}`)
      if (p.refundError) parts.push(html`<span class="bad">환불 오류: ${p.refundError}</span>`)
      return parts.length ? html`${parts.map((part, i) => html`${i ? html`<br>` : ''}${part}`)}` : html`—`
    }

    signedIn.get('/payments', async (request, reply) => {
      const status = field(request.query, 'status')
      const method = field(request.query, 'method')
      const q = field(request.query, 'q')
      const input = checked<{
        status?: never
        method?: never
        query?: string
        page: number
        pageSize: number
      }>(AdminPaymentsQuery, {
        status,
        method,
        query: q,
        page: field(request.query, 'page'),
        pageSize: String(PAGE_SIZE),
      })
      const result = await payments.adminList(input)
      const rows = result.items.map(
        (
          p,
        ) => html`<tr><td>${PAYMENT_METHOD_KO[p.method] ?? p.method}</td><td>${payTo(p)}</td><td>${won(p.amount)}</td><td>${PAYMENT_STATUS_KO[p.status] ?? p.status}</td><td>${paidWith(p)}</td><td>${when(p.createdAt)}</td><td>${when(p.verifiedAt)}</td><td>${refundState(p)}</td>
<td>${canVerify(p) ? html`<a href="${prefix}/payments/${p.id}/verify">입금 확인…</a>` : ''}
${canRefund(p) ? html` <a href="${prefix}/payments/${p.id}/refund">${p.method === 'transfer' ? '환불 기록…' : '환불…'}</a>` : ''}</td></tr>`,
      )
      const statuses = PAYMENT_STATUSES as readonly string[]
      const methods = PAYMENT_METHODS as readonly string[]
      const exportQuery = new URLSearchParams()
      if (status) exportQuery.set('status', status)
      if (method) exportQuery.set('method', method)
      if (q) exportQuery.set('q', q)
      const content = html`<form class="filters" method="get" action="${prefix}/payments">
<label>상태<select name="status"><option value="">전체</option>${statuses.map((s) => html`<option value="${s}"${s === status ? html` selected` : ''}>${PAYMENT_STATUS_KO[s] ?? s}</option>`)}</select></label>
<label>결제 방식<select name="method"><option value="">전체</option>${methods.map((m) => html`<option value="${m}"${m === method ? html` selected` : ''}>${PAYMENT_METHOD_KO[m] ?? m}</option>`)}</select></label>
<label>입금 코드 또는 입금자명<input type="search" name="q" value="${q ?? ''}" maxlength="100"></label>
<button type="submit">찾기</button>
<a href="${prefix}/payments.csv?${exportQuery.toString()}">CSV 내려받기</a>
</form>
${table('결제 목록', ['방식', '입금 코드 · 계좌', '금액', '상태', '입금', '생성', '확인', '환불', '처리'], rows)}
${pager(`${prefix}/payments`, { status, method, q }, result)}`
      return send(reply, page(view(request, '/payments'), '결제', content, { notice: notice(request) }))
    })

    signedIn.get('/payments.csv', async (request, reply) => {
      const filter = checked<{ status?: never; method?: never; query?: string }>(AdminPaymentsQuery, {
        status: field(request.query, 'status'),
        method: field(request.query, 'method'),
        query: field(request.query, 'q'),
      })
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="payments.csv"')
        .send(await payments.exportCsv(filter))
    })

    const paymentFacts = (p: AdminPaymentView) => {
      const va = p.virtualAccount
      return html`<dl class="facts"><dt>결제 방식</dt><dd>${PAYMENT_METHOD_KO[p.method] ?? p.method}</dd>
${
  va
    ? html`<dt>가상계좌</dt><dd>${va.bankName} <span class="mono">${va.accountNumber}</span></dd><dt>예금주</dt><dd>${va.holder}</dd><dt>입금 기한</dt><dd>${when(va.expiresAt)}</dd>`
    : html`<dt>입금 코드</dt><dd class="mono">${p.code ?? '—'}</dd>`
}
<dt>금액</dt><dd>${won(p.amount)}</dd><dt>상태</dt><dd>${PAYMENT_STATUS_KO[p.status] ?? p.status}</dd>
${
  va
    ? html`<dt>입금액 (PortOne)</dt><dd>${p.paidAmount === null ? '입금 전' : `${won(p.paidAmount)} · ${when(p.paidAt)}`}</dd>
<dt>환불 계좌</dt><dd>${p.refundAccountGiven ? '결제자가 등록함 (내용은 표시하지 않음)' : '등록되지 않음'}</dd>
${p.refundRequestedAt ? html`<dt>환불 요청</dt><dd>${when(p.refundRequestedAt)} · PortOne 확인 대기</dd>` : ''}
${p.refundError ? html`<dt>마지막 환불 오류</dt><dd class="bad">${p.refundError}</dd>` : ''}`
    : html`<dt>입금자</dt><dd>${p.depositorName ?? '—'}</dd>`
}
<dt>생성</dt><dd>${when(p.createdAt)}</dd><dt>기한</dt><dd>${when(p.expiresAt)}</dd><dt>매칭</dt><dd class="mono">${p.matchId}</dd></dl>`
    }

    signedIn.get('/payments/:paymentId/verify', async (request, reply) => {
      const p = await payments.adminGet(uuidParam(request, 'paymentId'))
      const ctx = view(request, '/payments')
      const mismatch = p.status === 'amount_mismatch'
      const intro = mismatch
        ? html`<p>PortOne이 알려 준 입금액(${won(p.paidAmount ?? 0)})이 청구 금액(${won(p.amount)})과 다릅니다. 그래도 입금으로 인정하려면 사유를 적고 확인하세요. 돌려주려면 환불하세요. 이 작업은 감사 로그에 남습니다.</p>`
        : p.method === 'virtual_account'
          ? html`<p>가상계좌 입금은 PortOne이 알려 주면 자동으로 확인됩니다. PortOne 관리자 화면에서 입금을 확인했는데 아직 반영되지 않았을 때만 확인 버튼을 누르세요. 이 작업은 감사 로그에 남습니다.</p>`
          : html`<p>아래 결제의 입금이 통장에 들어온 것을 확인했으면 확인 버튼을 누르세요. 이 작업은 감사 로그에 남습니다.</p>`
      const content = html`${intro}
${paymentFacts(p)}
<h2>입금 확인</h2>
<form class="stack" method="post" action="${prefix}/payments/${p.id}/verify">${csrfField(ctx)}
${p.method === 'transfer' ? html`<label>통장에 찍힌 입금자명 (선택)<input type="text" name="depositorName" maxlength="100"></label>` : ''}
${
  mismatch
    ? html`<label>금액이 달라도 인정하는 사유 (필수)<textarea name="memo" maxlength="1000" rows="2" required></textarea></label>`
    : html`<label>메모 (선택)<textarea name="memo" maxlength="1000" rows="2"></textarea></label>`
}
<div><button type="submit">입금 확인</button> <a href="${prefix}/payments">취소</a></div></form>`
      return send(reply, page(ctx, '입금 확인', content))
    })

    signedIn.post('/payments/:paymentId/verify', async (request, reply) => {
      const id = uuidParam(request, 'paymentId')
      const body = checked<{ depositorName?: string; memo?: string }>(VerifyBody, {
        depositorName: field(request.body, 'depositorName'),
        memo: field(request.body, 'memo'),
      })
      await payments.verify(auth(request), id, body)
      return reply.redirect(`${prefix}/payments?notice=verified`, 303)
    })

    signedIn.get('/payments/:paymentId/refund', async (request, reply) => {
      const p = await payments.adminGet(uuidParam(request, 'paymentId'))
      const ctx = view(request, '/payments')
      const portone = p.method === 'virtual_account'
      const content = html`${
        portone
          ? html`<p>PortOne을 통해 결제자가 등록한 계좌로 입금액을 돌려줍니다. PortOne이 확인하면 환불 완료가 됩니다. 이 작업은 감사 로그에 남습니다.</p>`
          : html`<p>입금액을 돌려준 뒤에 기록하세요. 이 작업은 감사 로그에 남습니다.</p>`
      }${paymentFacts(p)}
<h2>${portone ? '환불' : '환불 기록'}</h2>
<form class="stack" method="post" action="${prefix}/payments/${p.id}/refund">${csrfField(ctx)}
<label>사유 (필수)<textarea name="reason" maxlength="1000" rows="2" required></textarea></label>
<div><button type="submit" class="danger">${portone ? 'PortOne으로 환불' : '환불 완료로 기록'}</button> <a href="${prefix}/payments">취소</a></div></form>`
      return send(reply, page(ctx, portone ? '환불' : '환불 기록', content))
    })

    signedIn.post('/payments/:paymentId/refund', async (request, reply) => {
      const id = uuidParam(request, 'paymentId')
      const body = checked<{ reason: string }>(RefundBody, { reason: field(request.body, 'reason') ?? '' })
      const result = await payments.refund(auth(request), id, body.reason)
      const done = result.status === 'refunded' ? 'refunded' : 'refund-requested'
      return reply.redirect(`${prefix}/payments?notice=${done}`, 303)
    })

    // ---- Bank statements ----
    signedIn.get('/statements', async (request, reply) => {
      const ctx = view(request, '/statements')
      const content = html`<p>은행에서 내려받은 입금 내역 CSV(UTF-8 또는 CP949)를 올리면 결제와 맞춰 본 결과를 먼저 보여 줍니다. 적용하기 전에는 아무것도 바뀌지 않습니다.</p>
<form class="stack" method="post" action="${prefix}/statements/preview" enctype="multipart/form-data">${csrfField(ctx)}
<label>입금 내역 파일 (CSV)<input type="file" name="statement" accept=".csv,text/csv" required></label>
<div><button type="submit">미리 보기</button></div></form>`
      return send(reply, page(ctx, '입금 내역 업로드', content))
    })

    signedIn.post('/statements/preview', async (request, reply) => {
      let statement: Buffer | undefined
      let token: string | undefined
      try {
        const file = await request.file()
        if (file) {
          const csrf = file.fields._csrf
          token = csrf && !Array.isArray(csrf) && csrf.type === 'field' ? String(csrf.value) : undefined
          statement = await file.toBuffer()
        }
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 413) throw err
        throw badRequest('INVALID_STATEMENT', 'The upload is malformed or incomplete')
      }
      const session = request.consoleSession as ConsoleSession
      if (!sameSecret(token, session.csrfToken))
        throw forbidden('CSRF_INVALID', 'The form token is missing or wrong')
      if (!statement?.length) throw badRequest('STATEMENT_REQUIRED', 'Choose a statement file')
      const result = await payments.reconcile(auth(request), statement, false)
      return send(reply, statementPage(request, result, statement))
    })

    // The previewed statement comes back base64-encoded in the form: a third larger than the file.
    signedIn.post('/statements/apply', { bodyLimit: STATEMENT_FORM_LIMIT_BYTES }, async (request, reply) => {
      const encoded = field(request.body, 'statement')
      const statement = encoded ? Buffer.from(encoded, 'base64') : undefined
      if (!statement?.length) throw badRequest('STATEMENT_REQUIRED', 'Choose a statement file')
      const result = await payments.reconcile(auth(request), statement, true)
      return send(reply, statementPage(request, result, null))
    })

    const STATEMENT_KO: Record<string, string> = { matched: '일치', ambiguous: '모호', unmatched: '불일치' }
    function statementPage(
      request: FastifyRequest,
      result: Awaited<ReturnType<PaymentService['reconcile']>>,
      statement: Buffer | null,
    ): string {
      const ctx = view(request, '/statements')
      const count = (s: string) => result.lines.filter((l) => l.status === s).length
      const rows = result.lines.map(
        (l) =>
          html`<tr><td>${l.line}</td><td>${when(l.date)}</td><td>${l.depositor}</td><td>${won(l.amount)}</td><td>${STATEMENT_KO[l.status] ?? l.status}</td><td>${l.reason ?? ''}</td></tr>`,
      )
      const summary = html`<p>일치 ${count('matched')}건 · 모호 ${count('ambiguous')}건 · 불일치 ${count('unmatched')}건</p>`
      const action = statement
        ? count('matched') > 0
          ? html`<form class="stack" method="post" action="${prefix}/statements/apply">${csrfField(ctx)}<input type="hidden" name="statement" value="${statement.toString('base64')}">
<p>일치하는 ${count('matched')}건을 입금 확인 처리합니다 (한 번에, 각 건마다 감사 로그).</p><div><button type="submit">일치 ${count('matched')}건 적용</button> <a href="${prefix}/statements">취소</a></div></form>`
          : html`<p class="muted">적용할 일치 항목이 없습니다.</p>`
        : ''
      return page(
        ctx,
        statement ? '입금 내역 미리 보기' : '입금 내역 적용 결과',
        html`${summary}${action}${table('입금 내역 대조 결과', ['줄', '입금 시각', '입금자', '금액', '결과', '설명'], rows)}`,
        { notice: statement ? null : `${result.applied}건을 입금 확인했습니다.` },
      )
    }

    // ---- Matches ----
    signedIn.get('/matches', async (request, reply) => {
      const status = field(request.query, 'status')
      const input = checked<{ status?: 'pending'; page: number; pageSize: number }>(MatchesQuery, {
        status,
        page: field(request.query, 'page'),
        pageSize: String(PAGE_SIZE),
      })
      const result = await admin.matches(input)
      const ctx = view(request, '/matches')
      const rows = result.items.map((m) => {
        const paid = m.payment?.status === 'verified'
        const activate =
          m.status === 'pending'
            ? html`<form class="inline" method="post" action="${prefix}/matches/${m.id}/activate">${csrfField(ctx)}
${paid ? '' : html`<label class="check"><input type="checkbox" name="force" value="true">강제 활성화</label><label>사유<input type="text" name="reason" maxlength="1000"></label>`}
<button type="submit">활성화</button></form>`
            : ''
        return html`<tr><td class="mono">${m.id}</td><td>${MATCH_STATUS_KO[m.status] ?? m.status}</td><td><a href="${prefix}/users/${m.userA}">회원 A</a> · <a href="${prefix}/users/${m.userB}">회원 B</a></td><td>${m.payment ? (PAYMENT_STATUS_KO[m.payment.status] ?? m.payment.status) : '결제 없음'}</td><td>${when(m.createdAt)}</td><td>${activate}</td></tr>`
      })
      const content = html`<form class="filters" method="get" action="${prefix}/matches">
<label>상태<select name="status"><option value="">전체</option>${Object.entries(MATCH_STATUS_KO).map(([s, label]) => html`<option value="${s}"${s === status ? html` selected` : ''}>${label}</option>`)}</select></label>
<button type="submit">찾기</button></form>
<p class="muted">입금 확인 전인 매칭은 "강제 활성화"와 사유가 있어야 활성화됩니다.</p>
${table('매칭 목록', ['매칭', '상태', '회원', '결제', '생성', '처리'], rows)}
${pager(`${prefix}/matches`, { status }, result)}`
      return send(reply, page(ctx, '매칭', content, { notice: notice(request) }))
    })

    signedIn.post('/matches/:matchId/activate', async (request, reply) => {
      const id = uuidParam(request, 'matchId')
      const body = checked<{ force?: boolean; reason?: string }>(ActivateBody, {
        force: field(request.body, 'force') === 'true' ? true : undefined,
        reason: field(request.body, 'reason'),
      })
      await payments.activate(auth(request), id, body)
      return reply.redirect(`${prefix}/matches?notice=activated`, 303)
    })

    // ---- Reports ----
    signedIn.get('/reports', async (request, reply) => {
      const handled = field(request.query, 'handled')
      const input = checked<{ handled?: boolean; page: number; pageSize: number }>(AdminReportsQuery, {
        handled,
        page: field(request.query, 'page'),
        pageSize: String(PAGE_SIZE),
      })
      const result = await safety.adminList(input)
      const ctx = view(request, '/reports')
      const rows = result.items.map(
        (
          r,
        ) => html`<tr><td>${when(r.createdAt)}</td><td>${REPORT_REASON_KO[r.reason] ?? r.reason}</td><td>${r.detail ?? ''}</td>
<td><a href="${prefix}/users/${r.reportedUserId}">신고된 회원</a> · <a href="${prefix}/users/${r.reporterId}">신고한 회원</a></td>
<td>${
          r.handled
            ? `처리됨 ${when(r.handledAt)}`
            : html`<form class="inline" method="post" action="${prefix}/reports/${r.id}/handle">${csrfField(ctx)}
<label>처리<select name="action"><option value="dismiss">기각</option><option value="ban">신고된 회원 정지</option></select></label>
<label>메모<input type="text" name="memo" maxlength="1000"></label><button type="submit">처리</button></form>`
        }</td></tr>`,
      )
      const content = html`<form class="filters" method="get" action="${prefix}/reports">
<label>처리 여부<select name="handled"><option value="">전체</option><option value="false"${handled === 'false' ? html` selected` : ''}>미처리</option><option value="true"${handled === 'true' ? html` selected` : ''}>처리됨</option></select></label>
<button type="submit">찾기</button></form>
${table('신고 목록', ['접수', '사유', '내용', '회원', '처리'], rows)}
${pager(`${prefix}/reports`, { handled }, result)}`
      return send(reply, page(ctx, '신고', content, { notice: notice(request) }))
    })

    signedIn.post('/reports/:reportId/handle', async (request, reply) => {
      const id = uuidParam(request, 'reportId')
      const body = checked<{ action: 'dismiss' | 'ban'; memo?: string }>(HandleReportBody, {
        action: field(request.body, 'action'),
        memo: field(request.body, 'memo'),
      })
      await safety.handle(auth(request), id, body)
      return reply.redirect(`${prefix}/reports?notice=handled`, 303)
    })

    // ---- Users ----
    signedIn.get('/users', async (request, reply) => {
      const q = field(request.query, 'q')
      const input = checked<{ query?: string; page: number; pageSize: number }>(UsersQuery, {
        query: q,
        page: field(request.query, 'page'),
        pageSize: String(PAGE_SIZE),
      })
      const result = await admin.users(input)
      const rows = result.items.map(
        (u) =>
          html`<tr><td><a href="${prefix}/users/${u.id}">${u.nickname ?? '(닉네임 없음)'}</a></td><td class="mono">${u.kakaoUserId ?? '—'}</td><td>${u.role === 'admin' ? '관리자' : '회원'}</td><td>${u.deleted ? '탈퇴' : u.banned ? '정지' : '정상'}</td><td>${when(u.lastActiveAt)}</td><td>${when(u.createdAt)}</td></tr>`,
      )
      const content = html`<form class="filters" method="get" action="${prefix}/users">
<label>닉네임, 카카오 id 또는 회원 id<input type="search" name="q" value="${q ?? ''}" maxlength="100"></label>
<button type="submit">찾기</button></form>
${table('회원 목록', ['닉네임', '카카오 id', '역할', '상태', '최근 활동', '가입'], rows)}
${pager(`${prefix}/users`, { q }, result)}`
      return send(reply, page(view(request, '/users'), '회원', content))
    })

    const userPage = async (request: FastifyRequest, contact: Html | null) => {
      const id = uuidParam(request, 'userId')
      const detail = await admin.user(auth(request), id, undefined)
      const ctx = view(request, '/users')
      const u = detail.user
      const p = detail.profile
      const banForm =
        u.deleted || u.role === 'admin'
          ? html`<p class="muted">${u.deleted ? '탈퇴한 회원입니다.' : '관리자는 정지할 수 없습니다.'}</p>`
          : html`<form class="stack" method="post" action="${prefix}/users/${u.id}/${u.banned ? 'unban' : 'ban'}">${csrfField(ctx)}
<label>${u.banned ? '정지 해제 사유 (필수)' : '정지 사유 (필수)'}<textarea name="reason" maxlength="1000" rows="2" required></textarea></label>
<div><button type="submit" class="${u.banned ? '' : 'danger'}">${u.banned ? '정지 해제' : '회원 정지'}</button></div></form>`
      const content = html`<dl class="facts">
<dt>닉네임</dt><dd>${u.nickname ?? '—'}</dd><dt>회원 id</dt><dd class="mono">${u.id}</dd><dt>카카오 id</dt><dd class="mono">${u.kakaoUserId ?? '—'}</dd>
<dt>상태</dt><dd>${u.deleted ? `탈퇴 (${when(u.deletedAt)})` : u.banned ? '정지' : '정상'}</dd><dt>역할</dt><dd>${u.role === 'admin' ? '관리자' : '회원'}</dd>
<dt>성별 · 출생연도</dt><dd>${p ? `${p.gender === 'F' ? '여성' : '남성'} · ${p.birthYear}` : '—'}</dd>
<dt>지역 · 직업</dt><dd>${p ? `${p.region ?? '—'} · ${p.job ?? '—'}` : '—'}</dd>
<dt>소개</dt><dd>${p?.intro ?? '—'}</dd><dt>최근 활동</dt><dd>${when(u.lastActiveAt)}</dd><dt>가입</dt><dd>${when(u.createdAt)}</dd></dl>
<h2>연락처</h2>
${
  contact ??
  (p?.hasContact
    ? html`<form class="stack" method="post" action="${prefix}/users/${u.id}/contact">${csrfField(ctx)}
<p class="muted">연락처 열람은 사유와 함께 열람 기록에 남습니다.</p>
<label>열람 사유 (필수)<input type="text" name="reason" maxlength="500" required></label>
<div><button type="submit">연락처 보기</button></div></form>`
    : html`<p class="muted">등록된 연락처가 없습니다.</p>`)
}
<h2>${u.banned ? '정지 해제' : '회원 정지'}</h2>${banForm}
<h2>매칭</h2>${table(
        '회원의 매칭',
        ['매칭', '상태', '상대', '생성'],
        detail.matches.map(
          (m) =>
            html`<tr><td class="mono">${m.id}</td><td>${MATCH_STATUS_KO[m.status] ?? m.status}</td><td><a href="${prefix}/users/${m.otherUserId}">상대 회원</a></td><td>${when(m.createdAt)}</td></tr>`,
        ),
      )}
<h2>결제</h2>${table(
        '회원의 결제',
        ['입금 코드 · 방식', '금액', '상태', '생성'],
        detail.payments.map(
          (x) =>
            html`<tr><td>${x.code ? html`<span class="mono">${x.code}</span>` : (PAYMENT_METHOD_KO[x.method] ?? x.method)}</td><td>${won(x.amount)}</td><td>${PAYMENT_STATUS_KO[x.status] ?? x.status}</td><td>${when(x.createdAt)}</td></tr>`,
        ),
      )}
<h2>이 회원에 대한 신고</h2>${table(
        '회원에 대한 신고',
        ['접수', '사유', '처리'],
        detail.reports.map(
          (r) =>
            html`<tr><td>${when(r.createdAt)}</td><td>${REPORT_REASON_KO[r.reason] ?? r.reason}</td><td>${r.handled ? '처리됨' : '미처리'}</td></tr>`,
        ),
      )}`
      return page(ctx, `회원: ${u.nickname ?? u.id}`, content, { notice: notice(request) })
    }

    signedIn.get('/users/:userId', async (request, reply) => send(reply, await userPage(request, null)))

    signedIn.post('/users/:userId/contact', async (request, reply) => {
      const id = uuidParam(request, 'userId')
      const { reason } = checked<{ reason: string }>(ContactQuery, {
        reason: field(request.body, 'reason') ?? '',
      })
      const { contact } = await admin.contact(auth(request), id, reason)
      const shown = html`<dl class="facts"><dt>연락처</dt><dd class="mono" id="contact">${contact ?? '없음'}</dd><dt>열람 사유</dt><dd>${reason}</dd></dl>`
      return send(reply, await userPage(request, shown))
    })

    for (const [path, banned] of [
      ['ban', true],
      ['unban', false],
    ] as const) {
      signedIn.post(`/users/:userId/${path}`, async (request, reply) => {
        const id = uuidParam(request, 'userId')
        const { reason } = checked<{ reason: string }>(BanBody, {
          reason: field(request.body, 'reason') ?? '',
        })
        await admin.setBan(auth(request), id, banned, reason)
        return reply.redirect(`${prefix}/users/${id}?notice=${banned ? 'banned' : 'unbanned'}`, 303)
      })
    }

    // ---- Photo moderation ----
    const PHOTO_STATUS_KO: Record<string, string> = {
      pending: '검수 대기',
      approved: '승인',
      rejected: '반려',
    }
    signedIn.get('/photos', async (request, reply) => {
      const status = field(request.query, 'status')
      const input = checked<{ status?: 'pending'; page: number; pageSize: number }>(AdminPhotosQuery, {
        status,
        page: field(request.query, 'page'),
        pageSize: String(PAGE_SIZE),
      })
      const result = await photos.adminList(input)
      const ctx = view(request, '/photos')
      const rows = result.items.map(
        (
          p,
        ) => html`<tr><td>${p.thumbUrl ? html`<a href="${p.url ?? p.thumbUrl}"><img src="${p.thumbUrl}" alt="회원 사진 ${p.id.slice(0, 8)}" width="120" class="thumb"></a>` : '—'}</td>
<td><a href="${prefix}/users/${p.ownerId}">올린 회원</a></td><td>${PHOTO_STATUS_KO[p.status] ?? p.status}</td><td>${when(p.createdAt)}</td><td>${p.rejectionReason ?? ''}</td>
<td>${p.status === 'pending' ? html`<form class="inline" method="post" action="${prefix}/photos/${p.id}/approve">${csrfField(ctx)}<button type="submit">승인</button></form>` : ''}
${p.status === 'rejected' ? '' : html`<form class="inline" method="post" action="${prefix}/photos/${p.id}/reject">${csrfField(ctx)}<label>반려 사유 (회원에게 보임)<input type="text" name="reason" maxlength="500" required></label><button type="submit" class="danger">반려</button></form>`}</td></tr>`,
      )
      const content = html`<form class="filters" method="get" action="${prefix}/photos">
<label>상태<select name="status">${Object.entries(PHOTO_STATUS_KO).map(([s, label]) => html`<option value="${s}"${s === (status ?? 'pending') ? html` selected` : ''}>${label}</option>`)}</select></label>
<button type="submit">찾기</button></form>
${table('사진 목록', ['사진', '회원', '상태', '올린 시각', '반려 사유', '처리'], rows, '검수할 사진이 없습니다.')}
${pager(`${prefix}/photos`, { status }, result)}`
      return send(reply, page(ctx, '사진 검수', content, { notice: notice(request) }))
    })

    signedIn.post('/photos/:photoId/approve', async (request, reply) => {
      await photos.approve(auth(request), uuidParam(request, 'photoId'))
      return reply.redirect(`${prefix}/photos?notice=approved`, 303)
    })

    signedIn.post('/photos/:photoId/reject', async (request, reply) => {
      const id = uuidParam(request, 'photoId')
      const { reason } = checked<{ reason: string }>(RejectBody, {
        reason: field(request.body, 'reason') ?? '',
      })
      await photos.reject(auth(request), id, reason)
      return reply.redirect(`${prefix}/photos?notice=rejected`, 303)
    })

    // ---- Batch runs ----
    signedIn.get('/batch', async (request, reply) => {
      const result = await recommendations.runs(pageInput(request.query))
      const ctx = view(request, '/batch')
      const rows = result.items.map(
        (r) =>
          html`<tr><td>${r.week}</td><td>${RUN_STATUS_KO[r.status] ?? r.status}</td><td>${r.trigger === 'admin' ? '관리자' : r.trigger === 'schedule' ? '예약' : r.trigger}</td><td>${r.usersProcessed}${r.usersTotal === null ? '' : ` / ${r.usersTotal}`}</td><td>${r.recommendationsWritten}</td><td>${when(r.createdAt)}</td><td>${r.durationMs === null ? '—' : `${(r.durationMs / 1000).toFixed(1)}초`}</td><td>${r.error ?? ''}</td></tr>`,
      )
      const content = html`<form class="inline" method="post" action="${prefix}/batch/run">${csrfField(ctx)}<button type="submit">이번 주 추천 지금 실행</button></form>
${table('배치 실행 목록', ['주', '상태', '실행', '처리한 회원', '추천 수', '시작', '걸린 시간', '오류'], rows, '아직 실행한 적이 없습니다.')}
${pager(`${prefix}/batch`, {}, result)}`
      return send(reply, page(ctx, '추천 배치', content, { notice: notice(request) }))
    })

    signedIn.post('/batch/run', async (request, reply) => {
      await recommendations.startRun(auth(request))
      return reply.redirect(`${prefix}/batch?notice=started`, 303)
    })

    // ---- Audit log and access log ----
    signedIn.get('/audit', async (request, reply) => {
      const result = await admin.actions(pageInput(request.query))
      const rows = result.items.map(
        (a) =>
          html`<tr><td>${when(a.createdAt)}</td><td>${a.actor === 'admin' ? html`<span class="mono">${a.adminId}</span>` : a.actor}</td><td class="mono">${a.action}</td><td class="mono">${a.targetId ?? '—'}</td><td class="mono">${a.detail ? JSON.stringify(a.detail) : ''}</td></tr>`,
      )
      const content = html`<p><a href="${prefix}/audit.csv">CSV 내려받기 (최근 10,000건)</a></p>
${table('감사 로그', ['시각', '누가', '작업', '대상', '내용'], rows)}
${pager(`${prefix}/audit`, {}, result)}`
      return send(reply, page(view(request, '/audit'), '감사 로그', content))
    })

    signedIn.get('/audit.csv', async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(await admin.actionsCsv()),
    )

    signedIn.get('/access-log', async (request, reply) => {
      const result = await admin.accessLog(pageInput(request.query))
      const WHAT: Record<string, string> = { profile: '프로필', contact: '연락처' }
      const rows = result.items.map(
        (e) =>
          html`<tr><td>${when(e.createdAt)}</td><td class="mono">${e.adminId}</td><td><a href="${prefix}/users/${e.subjectUserId}" class="mono">${e.subjectUserId}</a></td><td>${WHAT[e.what] ?? e.what}</td><td>${e.reason ?? '—'}</td></tr>`,
      )
      const content = html`<p class="muted">관리자가 개인정보를 열람한 기록입니다 (개인정보 보호법 안전성 확보 조치).</p>
${table('열람 기록', ['시각', '관리자', '회원', '열람 항목', '사유'], rows)}
${pager(`${prefix}/access-log`, {}, result)}`
      return send(reply, page(view(request, '/access-log'), '열람 기록', content))
    })
  })

  async function dashboardData() {
    const now = options.clock()
    const counts = await dashboardCounts(options.db, now)
    const nextRun = config.scheduler.enabled
      ? new Cron(config.scheduler.cron, { paused: true, timezone: 'Asia/Seoul' }).nextRun(now)
      : null
    const pendingPhotos = (await photos.adminList({ status: 'pending', page: 1, pageSize: 1 })).total
    return { ...counts, pendingPhotos, nextRun }
  }
}
