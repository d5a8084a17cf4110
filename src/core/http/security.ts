import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet from 'helmet'
import { Redis } from 'ioredis'
import type { Config } from '../config.js'
import { AppError } from '../errors.js'
import { bearerToken, secretsEqual, type TokenService } from '../security/tokens.js'

const MINUTE_MS = 60_000

/**
 * Per user when the request carries a token we signed, else per client IP (from X-Forwarded-For
 * when TRUST_PROXY is set). It runs before authentication, so it checks the signature itself (no
 * database read): a forged token cannot spend someone else's budget.
 */
export function clientKey(tokens: TokenService) {
  return async (request: FastifyRequest): Promise<string> => {
    const token = bearerToken(request.headers.authorization)
    if (token) {
      const result = await tokens.verify(token)
      if (result.ok) return `user:${result.claims.sub}`
    }
    return `ip:${request.ip}`
  }
}

/**
 * Sign-in is called server to server from the Next.js host, so its IP says nothing: it is limited
 * per Kakao id. The id is only trusted as a key when the shared secret is right (otherwise anyone
 * could exhaust someone else's sign-ins).
 */
export function syncKey(config: Config) {
  return (request: FastifyRequest): string => {
    const expected = config.kakao.syncSharedSecret
    const given = request.headers['x-sync-secret']
    if (expected !== undefined && (typeof given !== 'string' || !secretsEqual(given, expected))) {
      return `ip:${request.ip}`
    }
    const body = request.body as { kakaoUserId?: unknown; idToken?: unknown } | undefined
    const subject = typeof body?.idToken === 'string' ? unverifiedSubject(body.idToken) : undefined
    const kakaoId = subject ?? (typeof body?.kakaoUserId === 'string' ? body.kakaoUserId : undefined)
    return kakaoId ? `kakao:${kakaoId.slice(0, 64)}` : `ip:${request.ip}`
  }
}

/** The `sub` of a JWT, read without verifying it: only a rate-limit key, never an identity. */
function unverifiedSubject(token: string): string | undefined {
  const payload = token.split('.')[1]
  if (!payload || payload.length > 4096) return undefined
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub
    return typeof sub === 'string' ? sub : undefined
  } catch {
    return undefined
  }
}

/**
 * Helmet's headers, captured once. Swagger UI's files are all external scripts and stylesheets, so a
 * strict policy holds for /docs too (checked in Chromium by `npm run check:docs`). `imageOrigin` is
 * where photos are served from when not from the API itself (S3_PUBLIC_BASE_URL): pages the API
 * serves may show them as images, and nothing else is allowed from there.
 */
export function securityHeaders(imageOrigin: string | null = null): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', ...(imageOrigin ? [imageOrigin] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => undefined)
  return headers
}

/** CORS for the listed origins, security headers, and rate limits (shared through Redis when configured). */
export async function registerSecurity(
  app: FastifyInstance,
  config: Config,
  tokens: TokenService,
  media: { imageOrigin: string | null } = { imageOrigin: null },
): Promise<void> {
  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: [
      'X-Request-Id',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'Retry-After',
    ],
    maxAge: 600,
  })
  // The security headers are the same for every response: computed once (helmet, as a middleware,
  // would rebuild its policy on every request), then set on each reply.
  const headers = securityHeaders(media.imageOrigin)
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers)
  })

  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { connectTimeout: 1_000, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined
  if (redis) {
    redis.on('error', (err) =>
      app.log.warn({ err: { message: err.message } }, 'rate-limit store unavailable'),
    )
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect())
    })
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: MINUTE_MS,
    // Before authentication and parsing: floods with bad tokens or bodies are counted too.
    hook: 'onRequest',
    keyGenerator: clientKey(tokens),
    // The docs' static files are not API calls, and neither are photos served from local storage (a
    // page of recommendations loads dozens, and mobile carriers put many people behind one address).
    allowList: (request) => {
      const route = request.routeOptions.url ?? ''
      return (
        route.startsWith(`${config.basePath}/docs`) || route.startsWith(`${config.basePath}/media/photos/`)
      )
    },
    ...(redis ? { redis, nameSpace: 'shh-rl:' } : {}),
    // A limiter that is down must not take the API down with it.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'RATE_LIMITED', `Too many requests; retry in ${context.after}`),
  })
}

/** Route `config` for the routes limited to RATE_LIMIT_STRICT_MAX a minute (per user). */
export const strictLimit = (config: Config, tokens: TokenService) => ({
  rateLimit: { max: config.rateLimit.strictMax, timeWindow: MINUTE_MS, keyGenerator: clientKey(tokens) },
})

/** Sign-in's limit, keyed by Kakao id: it needs the parsed body, so it runs just before validation. */
export const syncLimit = (config: Config) => ({
  rateLimit: {
    max: config.rateLimit.strictMax,
    timeWindow: MINUTE_MS,
    keyGenerator: syncKey(config),
    hook: 'preValidation' as const,
  },
})

/** Route options that exempt probes and tooling from rate limits. */
export const noLimit = { rateLimit: false } as const
