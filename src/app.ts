import { randomUUID } from 'node:crypto'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Ajv } from 'ajv'
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  LogController,
} from 'fastify'
import { type DestinationStream, pino } from 'pino'
import type { Config, TrustProxy } from './core/config.js'
import type { DbHandle } from './core/db/client.js'
import { notFound } from './core/errors.js'
import { registerErrorHandling } from './core/http/errors-plugin.js'
import { requestsAsServed, schemaExamplesAsExample } from './core/http/openapi.js'
import { withGenericErrors } from './core/http/schemas.js'
import { noLimit, registerSecurity, strictLimit, syncLimit } from './core/http/security.js'
import { createNotifier } from './core/notifications.js'
import { createMetrics, type Metrics } from './core/observability/metrics.js'
import { traceLogFields, tracingActive } from './core/observability/tracing.js'
import { createPortOneIdentityClient, createPortOnePaymentClient } from './core/portone/portone.client.js'
import { createFieldCipher } from './core/security/crypto.js'
import { createIdentityHasher } from './core/security/identity-hash.js'
import { createTokenService } from './core/security/tokens.js'
import { spreadsheetSafeDeep } from './core/spreadsheet.js'
import { createMediaJanitor } from './core/storage/deletions.js'
import { openStorage } from './core/storage/storage.js'
import { type Clock, systemClock } from './core/time.js'
import { adminRoutes } from './modules/admin/admin.routes.js'
import { createAdminService } from './modules/admin/admin.service.js'
import { authRoutes } from './modules/auth/auth.routes.js'
import { createAuthService } from './modules/auth/auth.service.js'
import { createAuthenticator } from './modules/auth/authenticate.js'
import { createKakaoIdTokenVerifier, type KakaoIdTokenVerifier } from './modules/auth/kakao-id-token.js'
import { createConsentGate } from './modules/consents/consents.gate.js'
import { consentRoutes } from './modules/consents/consents.routes.js'
import { createConsentService } from './modules/consents/consents.service.js'
import { consoleRoutes } from './modules/console/console.routes.js'
import { createConsoleService } from './modules/console/console.service.js'
import { createConsoleSessions } from './modules/console/console.session.js'
import { createKakaoOidc } from './modules/console/kakao-oidc.client.js'
import { healthRoutes } from './modules/health/health.routes.js'
import { metricsRoutes } from './modules/health/metrics.routes.js'
import { createHousekeeping, type Housekeeping } from './modules/housekeeping/housekeeping.service.js'
import { identityGate } from './modules/identity/identity.gate.js'
import { identityRoutes } from './modules/identity/identity.routes.js'
import { createIdentityService } from './modules/identity/identity.service.js'
import { matchRoutes } from './modules/matches/matches.routes.js'
import { createMatchService } from './modules/matches/matches.service.js'
import type { MessageProvider } from './modules/notifications/notifications.provider.js'
import { notificationRoutes } from './modules/notifications/notifications.routes.js'
import { createNotificationService } from './modules/notifications/notifications.service.js'
import {
  createDeliveryWorker,
  createMessageProvider,
  type DeliveryWorker,
  leaseFor,
} from './modules/notifications/notifications.worker.js'
import { paymentRoutes } from './modules/payments/payments.routes.js'
import { createPaymentService } from './modules/payments/payments.service.js'
import { createPhotoProcessor, setImageThreads } from './modules/photos/photo-image.js'
import { createPhotoHousekeeping, type PhotoHousekeeping } from './modules/photos/photos.housekeeping.js'
import { photoRoutes } from './modules/photos/photos.routes.js'
import { createPhotoService } from './modules/photos/photos.service.js'
import { profileRoutes } from './modules/profiles/profiles.routes.js'
import { createProfileService } from './modules/profiles/profiles.service.js'
import {
  type BatchLock,
  type BatchRunner,
  createBatchRunner,
} from './modules/recommendations/recommendations.batch.js'
import { recommendationRoutes } from './modules/recommendations/recommendations.routes.js'
import { createRecommendationScheduler } from './modules/recommendations/recommendations.scheduler.js'
import { createRecommendationService } from './modules/recommendations/recommendations.service.js'
import { safetyRoutes } from './modules/safety/safety.routes.js'
import { createSafetyService } from './modules/safety/safety.service.js'
import { createAccountService } from './modules/users/account.service.js'
import { createActivityRecorder } from './modules/users/activity.js'
import { createSettingsService } from './modules/users/settings.service.js'
import { accountRoutes } from './modules/users/users.routes.js'

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin

export interface BuildAppOptions {
  config: Config
  database: DbHandle
  clock?: Clock
  /** Replaces the Kakao ID-token verifier (tests point it at a local key set instead). */
  kakaoVerifier?: KakaoIdTokenVerifier
  /** Replaces the batch's single-flight lock (tests hold it to see the 409). */
  batchLock?: BatchLock
  /** Prometheus metrics (server.ts shares them with the database client); new ones by default. */
  metrics?: Metrics
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: DestinationStream
  /** Replaces the provider NOTIFY_PROVIDER picks (tests count what is sent). */
  messageProvider?: MessageProvider
}

/** How long a stopping worker waits for sends in flight before it aborts them. */
const WORKER_STOP_GRACE_MS = 3_000

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs of this process (tests drive them by hand). */
    jobs: {
      runner: BatchRunner
      scheduler: ReturnType<typeof createRecommendationScheduler>
      housekeeping: Housekeeping
      worker: DeliveryWorker
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The photos' hourly chore (tests run it by hand). */
    photoHousekeeping: PhotoHousekeeping
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/
export const BODY_LIMIT_BYTES = 1024 * 1024

/** A hop count as the function Fastify makes of one (Fastify's types leave numbers out). */
function trustProxyOption(trust: TrustProxy) {
  if (typeof trust !== 'number') return trust
  return (_address: string, hop: number) => hop < trust
}

function createValidators() {
  const options = { useDefaults: true, removeAdditional: false, allErrors: true, strict: false } as const
  // Bodies are JSON and keep their types; only strings from the URL and headers are coerced.
  const body = new Ajv({ ...options, coerceTypes: false })
  const other = new Ajv({ ...options, coerceTypes: 'array' })
  addFormats(body)
  addFormats(other)
  return { body, other }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options
  const clock = options.clock ?? systemClock
  const logger = pino(
    {
      level: config.logLevel,
      base: { service: 'shh-match-api', env: config.env },
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-sync-secret"]', '*.idToken'],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // With tracing on, every line carries the ids of the span it was written under.
      ...(tracingActive() ? { mixin: traceLogFields } : {}),
    },
    options.logStream,
  )

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request is written in onResponse below instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any route runs (a malformed or over-long URL) get the same shape.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
      const code = status === 414 ? 'URI_TOO_LONG' : 'BAD_URL'
      const body = {
        error: { code, message: 'The request URL is malformed or too long', requestId: String(request.id) },
      }
      // No hooks run for these replies: the request id header is set here.
      void (reply as unknown as FastifyReply)
        .status(status)
        .header('x-request-id', String(request.id))
        .send(body)
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const validators = createValidators()
  app.setValidatorCompiler(({ schema, httpPart }) => {
    // A body that is a file (a bank statement) is checked by its route, not by JSON Schema.
    if (httpPart === 'body' && (schema as { 'x-raw-body'?: boolean })['x-raw-body']) return () => true
    return (httpPart === 'body' ? validators.body : validators.other).compile(schema)
  })

  app.decorateRequest('auth', null)
  app.decorateRequest('tokenClaims', null)
  // A POST with no body at all is an empty object: optional fields then work without `{}`, and
  // required ones are reported by name instead of "body must be object".
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {}
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  const metrics = options.metrics ?? createMetrics()
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    }
    metrics.httpRequests.inc(labels)
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000)
    if (reply.statusCode >= 500) metrics.httpErrors.inc(labels)
    // One line per request: the route pattern, never the raw URL (query strings carry search terms).
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        statusCode: reply.statusCode,
        latencyMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    )
  })
  registerErrorHandling(app)
  // Operators paste and export what the admin routes answer: text in it must stay text in a
  // spreadsheet (a depositor name of =HYPERLINK(…) is shown, never run).
  app.addHook('preSerialization', async (request, _reply, payload) =>
    (request.routeOptions.url ?? '').startsWith(`${config.basePath}/admin/`)
      ? spreadsheetSafeDeep(payload)
      : payload,
  )
  const tokens = createTokenService({ secret: config.appSecret, ...config.jwt, clock })
  const storage = await openStorage(config.storage, {
    basePath: config.basePath,
    secret: config.appSecret,
    clock,
  })
  app.addHook('onClose', async () => storage.close())
  await registerSecurity(app, config, tokens, { imageOrigin: storage.imageOrigin })

  const base = config.basePath
  // Every route's error responses get the codes any route can answer (see errorResponses).
  app.addHook('onRoute', withGenericErrors)
  await app.register(swagger, {
    transformObject: (documents) =>
      schemaExamplesAsExample(
        requestsAsServed('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
      ),
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SHH Match API',
        version: '0.1.0',
        description:
          'Kakao sign-in, weekly recommendations, mutual matches and bank-transfer payments. ' +
          'Every error is `{ error: { code, message, requestId, details? } }`. Times are ISO-8601; weeks are ' +
          'ISO weeks in Asia/Seoul (`YYYY-Www`).',
      },
      servers: [],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      tags: [
        { name: 'auth', description: 'Sign-in' },
        { name: 'me', description: "The caller's own account, profile and preferences" },
        { name: 'recommendations', description: 'Weekly recommendations' },
        { name: 'matches', description: 'Likes and matches' },
        { name: 'safety', description: 'Blocks and reports' },
        { name: 'notifications', description: 'The in-app feed of what happened (poll the unread count)' },
        {
          name: 'payments',
          description: 'Payments: bank transfer, or a virtual account confirmed by PortOne',
        },
        { name: 'photos', description: 'Profile photos we host: uploads, processing, order, moderation' },
        { name: 'webhooks', description: 'Calls from outside services (PortOne), checked by signature' },
        { name: 'admin', description: 'Operator console (role admin)' },
        { name: 'health', description: 'Probes for load balancers and orchestrators' },
      ],
    },
  })
  // Production keeps its map of the API to itself unless told otherwise (DOCS_PUBLIC).
  if (config.docsPublic) await app.register(swaggerUi, { routePrefix: `${base}/docs` })

  const kakao =
    options.kakaoVerifier ??
    (config.kakao.verify === 'idtoken' && config.kakao.clientId
      ? createKakaoIdTokenVerifier({ clientId: config.kakao.clientId, jwksUrl: config.kakao.jwksUrl, clock })
      : null)
  const db = database.db
  const activity = createActivityRecorder(db, (err) =>
    app.log.warn({ err: { message: err.message } }, 'could not record activity'),
  )
  app.addHook('onClose', async () => activity.close())
  app.decorate('activity', activity)
  const authenticator = createAuthenticator({
    db,
    tokens,
    clock,
    activity,
    adminKakaoIds: config.adminKakaoIds,
  })
  const cipher = createFieldCipher(config.dataEncryptionKey, config.dataEncryptionOldKeys)
  const identities = createIdentityHasher(config.identityHashKey, [
    config.dataEncryptionKey,
    ...config.dataEncryptionOldKeys,
  ])
  const notifier = createNotifier({ externalTypes: config.notifications.externalTypes })
  const janitor = createMediaJanitor({ db, storage, log: app.log })
  // libvips threads per photo; PHOTO_CONCURRENCY photos at once (bench/README.md, "Photos").
  setImageThreads(1)
  const photoService = createPhotoService({
    db,
    clock,
    storage,
    janitor,
    processor: createPhotoProcessor({
      maxPixels: config.photos.maxPixels,
      watermarkText: config.photos.watermarkText,
      concurrency: config.photos.concurrency,
    }),
    config: config.photos,
    notifier,
  })
  const photoUrl = photoService.publicUrl
  const photoHousekeeping = createPhotoHousekeeping({ database, clock, janitor, log: app.log })
  app.decorate('photoHousekeeping', photoHousekeeping)
  if (config.scheduler.enabled) {
    app.addHook('onReady', async () => photoHousekeeping.start())
  }
  app.addHook('onClose', async () => photoHousekeeping.stop())
  const core = { db, clock, cipher, identities, photoUrl, notifier }
  const authService = createAuthService({ config, db, tokens, kakao, clock, identities })
  const profileService = createProfileService(
    { ...core, photos: photoService, identityRequired: config.identity.required },
    config.consentVersions,
  )
  const consentGate = createConsentGate({ db, versions: config.consentVersions })
  const identityService = createIdentityService({
    ...core,
    config,
    portone:
      config.identity.verify === 'portone' ? createPortOneIdentityClient(config.portone, app.log) : null,
  })
  // The IDENTITY_REQUIRED precondition of the routes that act on other people (likes, payments).
  const requireIdentity = identityGate(config.identity.required)
  const consentService = createConsentService({ db, clock })
  const matchService = createMatchService(core)
  const safetyService = createSafetyService(core)
  const accountService = createAccountService({ ...core, janitor })
  const settingsService = createSettingsService(core)
  const paymentService = createPaymentService({
    ...core,
    config,
    portone:
      config.payment.provider === 'portone' ? createPortOnePaymentClient(config.portone, app.log) : null,
    log: app.log,
  })
  app.decorate('payments', paymentService)
  const adminService = createAdminService({ ...core, photos: photoService })
  const runner = createBatchRunner({
    notifier,
    database,
    ...(options.batchLock ? { lock: options.batchLock } : {}),
    clock,
    log: app.log,
    k: config.scheduler.k,
    activeDays: config.scheduler.activeDays,
    consentVersions: config.consentVersions,
    identityRequired: config.identity.required,
    beforeLoad: () => activity.flush(),
    onFinished: (run) => {
      metrics.batchRuns.inc({ status: run.status })
      if (run.durationMs !== null) metrics.batchDuration.observe(run.durationMs / 1000)
      if (run.status === 'succeeded') metrics.batchUsers.set(run.usersProcessed)
    },
  })
  const recommendationService = createRecommendationService({
    db,
    clock,
    runner,
    photoUrl,
    identityRequired: config.identity.required,
  })
  const notificationService = createNotificationService(core)
  const scheduler = createRecommendationScheduler({
    cron: config.scheduler.cron,
    runner,
    db,
    clock,
    log: app.log,
  })
  const housekeeping = createHousekeeping({
    database,
    clock,
    notifier,
    matchPaymentDays: config.matchPaymentDays,
    retentionDays: config.notifications.retentionDays,
    webhookRetentionDays: config.portone.webhookRetentionDays,
    log: app.log,
    recheckPayments: () => paymentService.recheck(),
    onFinished: (report) => {
      metrics.housekeeping.inc({ what: 'payments_confirmed' }, report.paymentsConfirmed)
      metrics.housekeeping.inc({ what: 'matches_expired' }, report.matchesExpired)
      metrics.housekeeping.inc({ what: 'payments_expired' }, report.paymentsExpired)
      metrics.housekeeping.inc({ what: 'notifications_deleted' }, report.notificationsDeleted)
      metrics.housekeeping.inc({ what: 'webhooks_deleted' }, report.webhooksDeleted)
    },
  })
  const worker = createDeliveryWorker({
    db,
    clock,
    cipher,
    provider: options.messageProvider ?? createMessageProvider(config, app.log),
    log: app.log,
    maxAttempts: config.notifications.maxAttempts,
    retryBaseMs: config.notifications.retryBaseMs,
    linkUrl: config.notifications.linkUrl,
    leaseMs: leaseFor(config),
    onOutcome: (outcome) => metrics.notifyDeliveries.inc({ outcome }),
  })
  app.decorate('jobs', { runner, scheduler, housekeeping, worker })
  if (config.scheduler.enabled) {
    app.addHook('onReady', async () => {
      scheduler.start()
      housekeeping.start()
      worker.start()
      // A run that a stopped process left half-written goes on from its last written slice.
      void runner
        .resumeAbandoned()
        .catch((err: Error) =>
          app.log.error({ err: { message: err.message } }, 'could not resume the recommendation batch'),
        )
    })
  }
  // Background work stops first, within the shutdown budget: the worker gives sends in flight a
  // moment, then hands their rows back; housekeeping ends after its current batch.
  app.addHook('onClose', async () => {
    await Promise.all([worker.stop(WORKER_STOP_GRACE_MS), housekeeping.stop(), scheduler.stop()])
  })
  // A batch that is writing finishes (its lists stay whole) before the database is closed.
  app.addHook('onClose', async () => runner.idle())

  await app.register(
    async (api) => {
      api.get(
        '/openapi.json',
        {
          schema: { hide: true },
          config: noLimit,
          // Not public: an admin may read it; anyone else finds no such route.
          preParsing: config.docsPublic
            ? []
            : async (request, reply) => {
                try {
                  await authenticator.requireAdmin(request, reply)
                } catch {
                  throw notFound('ROUTE_NOT_FOUND', `No route GET ${base}/openapi.json`)
                }
              },
        },
        async () => app.swagger(),
      )
      await api.register(healthRoutes, { database })
      await api.register(metricsRoutes, {
        metrics,
        db,
        clock,
        auth: authenticator,
        metricsToken: config.metricsToken,
      })
      await api.register(authRoutes, {
        auth: authService,
        authenticator,
        limit: syncLimit(config),
      })
      await api.register(profileRoutes, { profiles: profileService, auth: authenticator })
      await api.register(photoRoutes, {
        photos: photoService,
        auth: authenticator,
        limit: strictLimit(config, tokens),
      })
      if (storage.routes) await api.register(storage.routes)
      await api.register(consentRoutes, { consents: consentService, auth: authenticator })
      await api.register(identityRoutes, {
        identity: identityService,
        auth: authenticator,
        limit: strictLimit(config, tokens),
      })
      await api.register(accountRoutes, {
        account: accountService,
        settings: settingsService,
        auth: authenticator,
      })
      await api.register(matchRoutes, {
        matches: matchService,
        auth: authenticator,
        consents: consentGate,
        requireIdentity,
        limit: strictLimit(config, tokens),
      })
      await api.register(safetyRoutes, {
        safety: safetyService,
        auth: authenticator,
        limit: strictLimit(config, tokens),
      })
      await api.register(paymentRoutes, {
        payments: paymentService,
        auth: authenticator,
        consents: consentGate,
        requireIdentity,
        limit: strictLimit(config, tokens),
      })
      await api.register(adminRoutes, { admin: adminService, auth: authenticator })
      await api.register(notificationRoutes, { notifications: notificationService, auth: authenticator })
      await api.register(recommendationRoutes, {
        recommendations: recommendationService,
        auth: authenticator,
      })
    },
    { prefix: base },
  )

  if (config.console.disabledReason) {
    app.log.warn(`operator console is off (${base}/console answers 404): ${config.console.disabledReason}`)
  } else {
    const sessions = createConsoleSessions({ db, clock, adminKakaoIds: config.adminKakaoIds })
    await app.register(consoleRoutes, {
      prefix: `${base}/console`,
      config,
      db,
      clock,
      sessions,
      service: createConsoleService({ db, clock, identities, adminKakaoIds: config.adminKakaoIds, sessions }),
      oidc:
        config.kakao.verify === 'idtoken' && config.kakao.clientId && config.console.baseUrl
          ? createKakaoOidc({
              issuer: config.kakao.issuer,
              clientId: config.kakao.clientId,
              clientSecret: config.kakao.clientSecret,
              redirectUri: `${config.console.baseUrl}/callback`,
            })
          : null,
      admin: adminService,
      payments: paymentService,
      safety: safetyService,
      recommendations: recommendationService,
      photos: photoService,
      imageOrigin: storage.imageOrigin,
    })
  }

  return app as unknown as FastifyInstance
}
