import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { exportJWK, generateKeyPair } from 'jose'
import Provider from 'oidc-provider'
import type { Browser, Page } from 'playwright-core'
import { adminActions, consoleSessions, users } from '../src/core/db/schema.js'
import { axeViolations, launchChromium, noBrowser, watch } from './helpers/browser.js'
import { createTestContext, type TestContext } from './helpers/context.js'
import { PROD_ENV } from './helpers/prod-env.js'

/**
 * "Sign in with Kakao" end to end: a real OpenID provider (oidc-provider, with its development login
 * pages) on loopback stands in for kauth.kakao.com; the console finds it through discovery and runs
 * the authorization code flow with PKCE, state and nonce, in Chromium.
 */
const CLIENT_ID = 'console-rest-api-key'
const CLIENT_SECRET = 'console-client-secret-0123456789abcdef'
let ctx: TestContext
let app: FastifyInstance
let base: string
let issuer: string
let provider: Server
let browser: Browser

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

before(async () => {
  if (noBrowser) return
  ctx = await createTestContext()
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const oidc = new Provider('http://127.0.0.1', {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${base}/console/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' }] },
    // The login page takes any name: it becomes the subject, as a Kakao user id would.
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
  })
  provider = createServer(oidc.callback())
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`
  // The provider names itself after the address it was given; the discovery document must say so.
  ;(oidc as unknown as { issuer: string }).issuer = issuer
  app = await ctx.build({
    ADMIN_KAKAO_IDS: '4242',
    KAKAO_VERIFY: 'idtoken',
    KAKAO_CLIENT_ID: CLIENT_ID,
    KAKAO_CLIENT_SECRET: CLIENT_SECRET,
    KAKAO_ISSUER: issuer,
    CONSOLE_BASE_URL: `${base}/console`,
  })
  await app.listen({ port, host: '127.0.0.1' })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  provider?.closeAllConnections()
  await new Promise((resolve) => provider?.close(resolve))
  await ctx?.close()
})

/** From the console's sign-in page through the provider's login and consent pages. */
async function signInWithKakao(page: Page, kakaoUserId: string) {
  await page.goto(`${base}/console/login`)
  await page.getByRole('link', { name: '카카오 계정으로 로그인' }).click()
  await page.waitForURL(new RegExp(`^${issuer}/interaction/`))
  await page.locator('input[name="login"]').fill(kakaoUserId)
  await page.locator('input[name="password"]').fill('anything')
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(new RegExp(`^${issuer}/interaction/`))
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${base}/console/callback`)),
    page.getByRole('button', { name: 'Continue' }).click(),
  ])
  return response
}

describe('console sign-in with Kakao (OpenID Connect)', { skip: noBrowser }, () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/login/kakao' })
    assert.equal(res.statusCode, 303)
    const url = new URL(res.headers.location as string)
    assert.equal(url.origin, issuer)
    assert.equal(url.searchParams.get('client_id'), CLIENT_ID)
    assert.equal(url.searchParams.get('redirect_uri'), `${base}/console/callback`)
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256')
    for (const name of ['code_challenge', 'state', 'nonce'])
      assert.ok((url.searchParams.get(name) ?? '').length >= 32, name)
    assert.match(String(res.headers['set-cookie']), /shh_console_login=.*HttpOnly/)
  })

  it('lets an admin in through the provider, and logs the sign-in', async () => {
    const page = await browser.newPage()
    const problems = watch(page)
    await page.goto(`${base}/console/login`)
    assert.deepEqual(await axeViolations(page), [])
    const response = await signInWithKakao(page, '4242')
    assert.equal(response.status(), 303)
    await page.getByRole('heading', { name: '대시보드' }).waitFor()
    // The provider's own development pages load a web font from the internet; only ours are judged.
    assert.deepEqual(
      problems.filter((p) => p.includes(`(on ${base}`)),
      [],
    )
    const [admin] = await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '4242'))
    assert.equal(admin?.role, 'admin')
    const signins = (await ctx.database.db.select().from(adminActions)).filter(
      (a) => a.action === 'console.signin',
    )
    assert.deepEqual(
      signins.map((a) => a.detail),
      [{ method: 'kakao' }],
    )
    await page.close()
  })

  it('refuses any other Kakao account, creates nothing, and logs the refusal', async () => {
    const page = await browser.newPage()
    const response = await signInWithKakao(page, '777')
    assert.equal(response.status(), 403)
    await page.getByText('관리자로 등록되어 있지 않습니다').waitFor()
    assert.equal((await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '777'))).length, 0)
    const refusals = (await ctx.database.db.select().from(adminActions)).filter(
      (a) => a.action === 'console.signin_refused',
    )
    assert.deepEqual(
      refusals.map((a) => a.detail),
      [{ kakaoUserId: '777', method: 'kakao', why: 'not_admin' }],
    )
    await page.close()
  })

  it('refuses a callback whose state does not match, or that has no sign-in in progress', async () => {
    const sessionsBefore = (await ctx.database.db.select().from(consoleSessions)).length
    const start = await app.inject({ method: 'GET', url: '/console/login/kakao' })
    const cookie = String(start.headers['set-cookie']).split(';')[0] as string
    const forged = await app.inject({
      method: 'GET',
      url: `/console/callback?code=forged&state=not-the-state&iss=${encodeURIComponent(issuer)}`,
      headers: { cookie },
    })
    assert.equal(forged.statusCode, 401)
    assert.match(forged.body, /KAKAO_SIGN_IN_FAILED/)
    const stray = await app.inject({ method: 'GET', url: '/console/callback?code=x&state=y' })
    assert.equal(stray.statusCode, 400)
    assert.match(stray.body, /LOGIN_EXPIRED/)
    assert.equal((await ctx.database.db.select().from(consoleSessions)).length, sessionsBefore)
  })

  it('answers 503 when the provider cannot be reached', async () => {
    const down = await ctx.build({
      ADMIN_KAKAO_IDS: '4242',
      KAKAO_VERIFY: 'idtoken',
      KAKAO_CLIENT_ID: CLIENT_ID,
      KAKAO_ISSUER: `http://127.0.0.1:${await freePort()}`,
      CONSOLE_BASE_URL: `${base}/console`,
    })
    const res = await down.inject({ method: 'GET', url: '/console/login/kakao' })
    assert.equal(res.statusCode, 503)
    assert.match(res.body, /카카오 로그인 서버에 연결할 수 없습니다/)
  })

  it('marks its cookies Secure in production', async () => {
    const prod = await ctx.build({
      ...PROD_ENV,
      KAKAO_CLIENT_ID: CLIENT_ID,
      KAKAO_CLIENT_SECRET: CLIENT_SECRET,
      KAKAO_ISSUER: issuer,
      CONSOLE_BASE_URL: 'https://ops.example.com/console',
      ADMIN_KAKAO_IDS: '4242',
      IDENTITY_REQUIRED: 'false',
    })
    const res = await prod.inject({ method: 'GET', url: '/console/login/kakao' })
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers['set-cookie']), /; Secure/)
    assert.equal(
      new URL(res.headers.location as string).searchParams.get('redirect_uri'),
      'https://ops.example.com/console/callback',
    )
  })
})
