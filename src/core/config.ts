import { isIP } from 'node:net'
import { Ajv } from 'ajv'
import { Cron } from 'croner'
import { type Static, Type } from 'typebox'
import { NOTIFICATION_TYPES, type NotificationType } from './db/schema.js'
import { BANK_CODES, type BankCode } from './portone/banks.js'

/**
 * Every environment variable the API reads, with a default that works in `dev` and `test`.
 * Production refuses the insecure defaults (see `assertProductionSafe`).
 */
const DEV_APP_SECRET = 'dev-only-app-secret-change-me-0123456789abcdef'
/** 32 bytes, base64. Fixed so that dev data stays readable across restarts; refused in prod. */
export const DEV_DATA_ENCRYPTION_KEY = 'ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM='
/** 32 bytes, base64. Fixed so that dev bans stay recognised across restarts; refused in prod. */
export const DEV_IDENTITY_HASH_KEY = 'ZGV2LW9ubHktaWRlbnRpdHktaGFzaC1rZXktMzItYnk='
const SAMPLE_BANK_ACCOUNT = '000-0000-0000-00'

/** The variable naming the 알림톡 template of a notification type: match.created → NOTIFY_TEMPLATE_MATCH_CREATED. */
export function templateVariable(type: NotificationType): string {
  return `NOTIFY_TEMPLATE_${type.replace(/[.]/g, '_').toUpperCase()}`
}
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const EnvSchema = Type.Object({
  APP_ENV: Type.Union([Type.Literal('dev'), Type.Literal('test'), Type.Literal('prod')], { default: 'dev' }),
  APP_SECRET: Type.String({ default: DEV_APP_SECRET }),
  API_BASE_PATH: Type.String({ default: '/', pattern: '^/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?/?$' }),
  CORS_ORIGINS: Type.String({ default: 'http://localhost:3000' }),
  LOG_LEVEL: Type.String({ default: 'info' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  TRUST_PROXY: Type.String({ default: 'false' }),

  DATABASE_URL: Type.Optional(Type.String({ pattern: '^(postgres(ql)?|pglite)://' })),
  DB_HOST: Type.Optional(Type.String({ minLength: 1 })),
  DB_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 5432 }),
  DB_NAME: Type.String({ default: 'kakao_match' }),
  DB_USER: Type.String({ default: 'app' }),
  DB_PASSWORD: Type.String({ default: '' }),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),

  PASSWORD_HASH_SCHEME: Type.String({ default: 'bcrypt' }),
  JWT_ISSUER: Type.String({ minLength: 1, default: 'kakao-match-api' }),
  JWT_AUDIENCE: Type.String({ minLength: 1, default: 'kakao-match-web' }),
  JWT_EXPIRE_MINUTES: Type.Integer({ minimum: 1, maximum: 43200, default: 10080 }),
  JWT_ALG: Type.Literal('HS256', { default: 'HS256' }),
  TZ: Type.Optional(Type.String()),

  KAKAO_VERIFY: Type.Union([Type.Literal('idtoken'), Type.Literal('none')], { default: 'none' }),
  KAKAO_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  KAKAO_JWKS_URL: Type.String({
    pattern: '^https?://',
    default: 'https://kauth.kakao.com/.well-known/jwks.json',
  }),
  SYNC_SHARED_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  KAKAO_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  KAKAO_ISSUER: Type.String({ pattern: '^https?://', default: 'https://kauth.kakao.com' }),
  CONSOLE_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^?#]+$' })),
  ADMIN_KAKAO_IDS: Type.String({ default: '' }),
  DATA_ENCRYPTION_KEY: Type.String({ default: DEV_DATA_ENCRYPTION_KEY }),
  DATA_ENCRYPTION_OLD_KEYS: Type.String({ default: '' }),
  IDENTITY_HASH_KEY: Type.String({ default: DEV_IDENTITY_HASH_KEY }),

  IDENTITY_VERIFY: Type.Union([Type.Literal('none'), Type.Literal('portone')], { default: 'none' }),
  IDENTITY_REQUIRED: Type.Optional(Type.Boolean()),
  PORTONE_API_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  PORTONE_STORE_ID: Type.Optional(Type.String({ minLength: 1 })),
  PORTONE_IDENTITY_CHANNEL_KEY: Type.Optional(Type.String({ minLength: 1 })),
  PORTONE_API_BASE: Type.String({ pattern: '^https?://[^/?#]+/?$', default: 'https://api.portone.io' }),
  PORTONE_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  PAYMENT_PROVIDER: Type.Union([Type.Literal('none'), Type.Literal('portone')], { default: 'none' }),
  PORTONE_VA_CHANNEL_KEY: Type.Optional(Type.String({ minLength: 1 })),
  PORTONE_VA_BANK: Type.Optional(Type.Union(BANK_CODES.map((code) => Type.Literal(code)))),
  PORTONE_VA_REMITTEE_NAME: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  PORTONE_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  PORTONE_RECHECK_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  PORTONE_WEBHOOK_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),

  PAYMENT_AMOUNT_KRW: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 30000 }),
  PAYMENT_EXPIRE_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 3 }),
  BANK_NAME: Type.String({ minLength: 1, default: '샘플은행' }),
  BANK_ACCOUNT: Type.String({ minLength: 1, default: SAMPLE_BANK_ACCOUNT }),
  BANK_ACCOUNT_HOLDER: Type.String({ minLength: 1, default: '(주)쉿매치' }),
  AUTO_ACTIVATE_ON_VERIFY: Type.Boolean({ default: false }),

  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  RATE_LIMIT_STRICT_MAX: Type.Integer({ minimum: 1, default: 30 }),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  DOCS_PUBLIC: Type.Optional(Type.Boolean()),

  SCHEDULER_ENABLED: Type.Boolean({ default: true }),
  REC_CRON: Type.String({ default: '0 10 * * 1' }),
  REC_K: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  REC_ACTIVE_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 14 }),

  STORAGE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  MEDIA_DIR: Type.String({ minLength: 1, default: './data/media' }),
  S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  S3_REGION: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,32}$' })),
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/?#@]+/?$' })),
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: false }),
  S3_PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^?#@]+$' })),
  S3_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
  PHOTO_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024, default: 10 * 1024 * 1024 }),
  PHOTO_MAX_COUNT: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
  PHOTO_MAX_PIXELS: Type.Integer({ minimum: 1_000_000, maximum: 268_402_689, default: 60_000_000 }),
  PHOTO_MODERATION: Type.Union([Type.Literal('pre'), Type.Literal('post')], { default: 'pre' }),
  // The shipped font (DejaVu Sans) has Latin glyphs only: see photoWatermarkText below.
  PHOTO_WATERMARK_TEXT: Type.String({ maxLength: 40, default: 'SHH Match' }),
  PHOTO_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 16, default: 2 }),

  // Read by the OpenTelemetry SDK itself (src/instrument.ts); checked here so that a typo stops start-up.
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  OTEL_EXPORTER_OTLP_HEADERS: Type.Optional(Type.String({ pattern: '^[^=,]+=[^,]*(,[^=,]+=[^,]*)*$' })),
  OTEL_EXPORTER_OTLP_PROTOCOL: Type.Optional(
    Type.Union([Type.Literal('http/protobuf'), Type.Literal('http/json')]),
  ),
  OTEL_SERVICE_NAME: Type.Optional(Type.String({ minLength: 1 })),
  OTEL_RESOURCE_ATTRIBUTES: Type.Optional(Type.String()),
  OTEL_TRACES_SAMPLER: Type.Optional(
    Type.Union(
      [
        'always_on',
        'always_off',
        'traceidratio',
        'parentbased_always_on',
        'parentbased_always_off',
        'parentbased_traceidratio',
      ].map((name) => Type.Literal(name)),
    ),
  ),
  OTEL_TRACES_SAMPLER_ARG: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  OTEL_SDK_DISABLED: Type.Optional(Type.Boolean()),

  CONSENT_VERSIONS: Type.Optional(Type.String({ minLength: 1 })),
  MATCH_PAYMENT_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
  NOTIFICATION_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  NOTIFY_EXTERNAL_TYPES: Type.String({ default: 'match.created,payment.verified,match.activated' }),
  NOTIFY_PROVIDER: Type.Union([Type.Literal('log'), Type.Literal('solapi')], { default: 'log' }),
  NOTIFY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  NOTIFY_RETRY_BASE_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  NOTIFY_LINK_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000/notifications' }),
  SOLAPI_API_BASE: Type.String({ pattern: '^https?://', default: 'https://api.solapi.com' }),
  SOLAPI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  SOLAPI_API_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  SOLAPI_PFID: Type.Optional(Type.String({ minLength: 1 })),
  SOLAPI_SENDER: Type.Optional(Type.String({ pattern: '^0\\d{7,10}$' })),
  SOLAPI_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000 }),
  ...Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [templateVariable(type), Type.Optional(Type.String({ minLength: 1 }))]),
  ),
})

type Env = Static<typeof EnvSchema>

/** Every environment variable the API reads (`.env.example` documents each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.properties)

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export type AppEnv = Env['APP_ENV']
export type TrustProxy = boolean | number | string[]
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  env: AppEnv
  appSecret: string
  basePath: string
  corsOrigins: string[]
  logLevel: LogLevel
  port: number
  host: string
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses/CIDRs (true only outside prod). */
  trustProxy: TrustProxy
  databaseUrl: string
  dbPoolMax: number
  redisUrl: string | undefined
  jwt: { issuer: string; audience: string; expireMinutes: number }
  kakao: {
    verify: 'idtoken' | 'none'
    clientId: string | undefined
    jwksUrl: string
    syncSharedSecret: string | undefined
    /** The console's OpenID Connect client secret (Kakao: "Client Secret", if the app has one). */
    clientSecret: string | undefined
    /** Where the console finds Kakao's OpenID discovery document (a stand-in provider in tests). */
    issuer: string
  }
  console: {
    /** The console's public URL (…/console), the base of its OAuth redirect URI. */
    baseUrl: string | undefined
    /** Why the console is switched off (it then answers 404), or null when it is served. */
    disabledReason: string | null
  }
  adminKakaoIds: ReadonlySet<string>
  dataEncryptionKey: Buffer
  /** Keys rotated out: still used to decrypt values written under them. */
  dataEncryptionOldKeys: Buffer[]
  /** Keys the hashes of banned identities and of verified CIs (never rotated: see core/security/identity-hash.ts). */
  identityHashKey: Buffer
  identity: {
    /** How POST /me/identity-verification/complete learns who the person is: PortOne, or (dev/test) the body. */
    verify: 'none' | 'portone'
    /** Unverified people get no list, are shown to nobody and cannot like or pay. */
    required: boolean
  }
  /** PortOne V2: identity verification and virtual accounts share the secret, store and base URL. */
  portone: {
    apiSecret: string | undefined
    storeId: string | undefined
    identityChannelKey: string | undefined
    apiBase: string
    timeoutMs: number
    /** Virtual accounts: the channel, the bank they are opened at, and the name payers see. */
    vaChannelKey: string | undefined
    vaBank: BankCode | undefined
    vaRemitteeName: string | undefined
    /** Standard Webhooks secret (base64, `whsec_` prefix allowed) that POST /webhooks/portone checks. */
    webhookSecret: string | undefined
    /** Virtual-account payments still pending after this long are asked about again by housekeeping. */
    recheckMinutes: number
    /** The ids of webhook deliveries acted on are kept this long (repeats within it are ignored). */
    webhookRetentionDays: number
  }
  payment: {
    amountKrw: number
    expireDays: number
    bank: { name: string; account: string; holder: string }
    autoActivateOnVerify: boolean
    /** Who issues virtual accounts: nobody (bank transfer only), or PortOne. */
    provider: 'none' | 'portone'
  }
  rateLimit: { max: number; strictMax: number }
  metricsToken: string | undefined
  /** /docs and /openapi.json for anyone (default: not in prod, where an admin token still reads the spec). */
  docsPublic: boolean
  scheduler: { enabled: boolean; cron: string; k: number; activeDays: number }
  /** The current version of each document a person must accept (CONSENT_VERSIONS). */
  consentVersions: ConsentVersions
  storage: StorageConfig
  photos: PhotoConfig
  /** Pending matches with no verified payment close as expired after this many days. */
  matchPaymentDays: number
  notifications: {
    retentionDays: number
    /** Types also sent outside the app to people with a verified phone who allow it. */
    externalTypes: ReadonlySet<NotificationType>
    provider: 'log' | 'solapi'
    maxAttempts: number
    retryBaseMs: number
    /** Where the message's link goes (the front end's notification list). */
    linkUrl: string
    solapi: SolapiConfig | undefined
  }
}

export interface SolapiConfig {
  apiBase: string
  apiKey: string
  apiSecret: string
  /** The Kakao channel's profile id (pfId) the 알림톡 are sent from. */
  pfId: string
  /** The registered sender number of the SMS fallback. */
  sender: string
  timeoutMs: number
  /** The approved 알림톡 template of each type sent outside the app. */
  templates: Partial<Record<NotificationType, string>>
}

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3'
      bucket: string
      region: string
      /** R2, MinIO or a test server; unset: AWS's own endpoint for the region. */
      endpoint: string | undefined
      forcePathStyle: boolean
      /** Where the public reads objects (the CDN in front of the bucket), without a trailing slash. */
      publicBaseUrl: string
      timeoutMs: number
    }

export interface PhotoConfig {
  maxBytes: number
  maxCount: number
  maxPixels: number
  /** pre: others see approved photos only; post: pending ones too, until rejected. */
  moderation: 'pre' | 'post'
  watermarkText: string
  /** Photos processed at once in this process (each one also uses libvips threads). */
  concurrency: number
}

export const REQUIRED_CONSENTS = ['terms', 'privacy', 'refund', 'adult'] as const
export type RequiredConsent = (typeof REQUIRED_CONSENTS)[number]
export type ConsentVersions = Readonly<Record<RequiredConsent, string>>
/** Versions accepted in dev and test, where no legal text is published. */
export const DEV_CONSENT_VERSIONS = 'terms=v1,privacy=v1,refund=v1,adult=v1'
const CONSENT_VERSION = /^[A-Za-z0-9._-]{1,32}$/

/** `terms=2026-11,privacy=2026-11,refund=2026-11,adult=1`: every required document once, nothing else. */
export function parseConsentVersions(value: string): ConsentVersions {
  const bad = (why: string) => new ConfigError(`Invalid configuration: CONSENT_VERSIONS ${why}`)
  const versions: Partial<Record<RequiredConsent, string>> = {}
  for (const item of splitList(value)) {
    const [type = '', version = '', ...rest] = item.split('=').map((part) => part.trim())
    if (!(REQUIRED_CONSENTS as readonly string[]).includes(type)) {
      throw bad(`names "${type.slice(0, 20)}"; it lists ${REQUIRED_CONSENTS.join(', ')} as type=version`)
    }
    if (rest.length > 0 || !CONSENT_VERSION.test(version)) {
      throw bad(`gives ${type} the version "${version.slice(0, 40)}"; use 1-32 of A-Z a-z 0-9 . _ -`)
    }
    if (versions[type as RequiredConsent]) throw bad(`names ${type} twice`)
    versions[type as RequiredConsent] = version
  }
  const missing = REQUIRED_CONSENTS.filter((type) => !versions[type])
  if (missing.length > 0) throw bad(`has no version for ${missing.join(', ')}`)
  return versions as ConsentVersions
}

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, strict: false })
const validateEnv = ajv.compile<Env>(EnvSchema)

function envName(instancePath: string, params: Record<string, unknown>): string {
  const fromPath = instancePath.replace(/^\//, '')
  return fromPath || String(params.missingProperty ?? '?')
}

/** Parses and validates the environment once. Throws a ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  if (!source.APP_ENV?.trim() && source.NODE_ENV?.trim() === 'production') {
    // A production image or platform that forgot APP_ENV must not quietly run with dev defaults.
    throw new ConfigError(
      'Invalid configuration: APP_ENV is not set but NODE_ENV=production; set APP_ENV=prod (or dev/test explicitly)',
    )
  }
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key]
    // An empty string in a .env file means "not set", as in most dotenv tools.
    if (value !== undefined && value !== '') raw[key] = value.trim()
  }
  if (typeof raw.LOG_LEVEL === 'string') raw.LOG_LEVEL = raw.LOG_LEVEL.toLowerCase()
  if (typeof raw.APP_ENV === 'string') raw.APP_ENV = raw.APP_ENV.toLowerCase()

  if (!validateEnv(raw)) {
    const problems = (validateEnv.errors ?? []).map(
      (e) => `${envName(e.instancePath, e.params as Record<string, unknown>)} ${e.message ?? 'is invalid'}`,
    )
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
  }
  const env = raw as Env

  const logLevel =
    env.LOG_LEVEL === 'warning' ? 'warn' : env.LOG_LEVEL === 'critical' ? 'fatal' : env.LOG_LEVEL
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`Invalid configuration: LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)
  }

  const key = Buffer.from(env.DATA_ENCRYPTION_KEY, 'base64')
  if (key.length !== 32) {
    throw new ConfigError('Invalid configuration: DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
  }
  const oldKeys = splitList(env.DATA_ENCRYPTION_OLD_KEYS).map((k) => Buffer.from(k, 'base64'))
  if (oldKeys.some((k) => k.length !== 32)) {
    throw new ConfigError('Invalid configuration: DATA_ENCRYPTION_OLD_KEYS must list 32-byte base64 keys')
  }
  const identityHashKey = Buffer.from(env.IDENTITY_HASH_KEY, 'base64')
  if (identityHashKey.length !== 32) {
    throw new ConfigError('Invalid configuration: IDENTITY_HASH_KEY must be 32 bytes, base64-encoded')
  }
  if (env.IDENTITY_VERIFY === 'portone') {
    for (const name of ['PORTONE_API_SECRET', 'PORTONE_STORE_ID', 'PORTONE_IDENTITY_CHANNEL_KEY'] as const) {
      if (!env[name])
        throw new ConfigError(`Invalid configuration: ${name} is required when IDENTITY_VERIFY=portone`)
    }
  }
  if (env.PAYMENT_PROVIDER === 'portone') {
    for (const name of [
      'PORTONE_API_SECRET',
      'PORTONE_STORE_ID',
      'PORTONE_VA_CHANNEL_KEY',
      'PORTONE_VA_BANK',
      'PORTONE_VA_REMITTEE_NAME',
    ] as const) {
      if (!env[name])
        throw new ConfigError(`Invalid configuration: ${name} is required when PAYMENT_PROVIDER=portone`)
    }
  }
  if (env.KAKAO_VERIFY === 'idtoken' && !env.KAKAO_CLIENT_ID) {
    throw new ConfigError('Invalid configuration: KAKAO_CLIENT_ID is required when KAKAO_VERIFY=idtoken')
  }
  try {
    new Cron(env.REC_CRON, { paused: true, timezone: 'Asia/Seoul' }).stop()
  } catch {
    throw new ConfigError('Invalid configuration: REC_CRON is not a valid cron pattern (e.g. "0 10 * * 1")')
  }
  const storage = storageConfig(env)
  const watermarkText = photoWatermarkText(env.PHOTO_WATERMARK_TEXT)
  const externalTypes = env.NOTIFY_EXTERNAL_TYPES === 'none' ? [] : splitList(env.NOTIFY_EXTERNAL_TYPES)
  const unknownTypes = externalTypes.filter((t) => !(NOTIFICATION_TYPES as readonly string[]).includes(t))
  if (unknownTypes.length > 0) {
    throw new ConfigError(
      `Invalid configuration: NOTIFY_EXTERNAL_TYPES lists unknown types (${unknownTypes.join(', ')}); known: ${NOTIFICATION_TYPES.join(', ')}`,
    )
  }
  const solapi =
    env.NOTIFY_PROVIDER === 'solapi' ? solapiConfig(env, externalTypes as NotificationType[]) : undefined
  const corsOrigins = splitList(env.CORS_ORIGINS)
  if (corsOrigins.includes('*')) {
    throw new ConfigError('Invalid configuration: CORS_ORIGINS must list origins, not "*"')
  }

  const config: Config = {
    env: env.APP_ENV,
    appSecret: env.APP_SECRET,
    basePath: normaliseBasePath(env.API_BASE_PATH),
    corsOrigins,
    logLevel: logLevel as LogLevel,
    port: env.PORT,
    host: env.HOST,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    databaseUrl: env.DATABASE_URL ?? databaseUrlFromParts(env),
    dbPoolMax: env.DB_POOL_MAX,
    redisUrl: env.REDIS_URL,
    jwt: { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, expireMinutes: env.JWT_EXPIRE_MINUTES },
    kakao: {
      verify: env.KAKAO_VERIFY,
      clientId: env.KAKAO_CLIENT_ID,
      jwksUrl: env.KAKAO_JWKS_URL,
      syncSharedSecret: env.SYNC_SHARED_SECRET,
      clientSecret: env.KAKAO_CLIENT_SECRET,
      issuer: env.KAKAO_ISSUER,
    },
    console: {
      baseUrl: env.CONSOLE_BASE_URL?.replace(/\/+$/, ''),
      disabledReason: consoleDisabledReason(env),
    },
    adminKakaoIds: new Set(splitList(env.ADMIN_KAKAO_IDS)),
    dataEncryptionKey: key,
    dataEncryptionOldKeys: oldKeys,
    identityHashKey,
    identity: {
      verify: env.IDENTITY_VERIFY,
      // Production asks everyone to verify unless told otherwise; dev and test keep the old flow.
      required: env.IDENTITY_REQUIRED ?? env.APP_ENV === 'prod',
    },
    portone: {
      apiSecret: env.PORTONE_API_SECRET,
      storeId: env.PORTONE_STORE_ID,
      identityChannelKey: env.PORTONE_IDENTITY_CHANNEL_KEY,
      apiBase: env.PORTONE_API_BASE.replace(/\/$/, ''),
      timeoutMs: env.PORTONE_TIMEOUT_MS,
      vaChannelKey: env.PORTONE_VA_CHANNEL_KEY,
      vaBank: env.PORTONE_VA_BANK,
      vaRemitteeName: env.PORTONE_VA_REMITTEE_NAME,
      webhookSecret: env.PORTONE_WEBHOOK_SECRET,
      recheckMinutes: env.PORTONE_RECHECK_MINUTES,
      webhookRetentionDays: env.PORTONE_WEBHOOK_RETENTION_DAYS,
    },
    payment: {
      amountKrw: env.PAYMENT_AMOUNT_KRW,
      expireDays: env.PAYMENT_EXPIRE_DAYS,
      bank: { name: env.BANK_NAME, account: env.BANK_ACCOUNT, holder: env.BANK_ACCOUNT_HOLDER },
      autoActivateOnVerify: env.AUTO_ACTIVATE_ON_VERIFY,
      provider: env.PAYMENT_PROVIDER,
    },
    rateLimit: { max: env.RATE_LIMIT_MAX, strictMax: env.RATE_LIMIT_STRICT_MAX },
    metricsToken: env.METRICS_TOKEN,
    docsPublic: env.DOCS_PUBLIC ?? env.APP_ENV !== 'prod',
    scheduler: {
      enabled: env.SCHEDULER_ENABLED && env.APP_ENV !== 'test',
      cron: env.REC_CRON,
      k: env.REC_K,
      activeDays: env.REC_ACTIVE_DAYS,
    },
    consentVersions: parseConsentVersions(env.CONSENT_VERSIONS ?? DEV_CONSENT_VERSIONS),
    storage,
    photos: {
      maxBytes: env.PHOTO_MAX_BYTES,
      maxCount: env.PHOTO_MAX_COUNT,
      maxPixels: env.PHOTO_MAX_PIXELS,
      moderation: env.PHOTO_MODERATION,
      watermarkText,
      concurrency: env.PHOTO_CONCURRENCY,
    },
    matchPaymentDays: env.MATCH_PAYMENT_DAYS,
    notifications: {
      retentionDays: env.NOTIFICATION_RETENTION_DAYS,
      externalTypes: new Set(externalTypes as NotificationType[]),
      provider: env.NOTIFY_PROVIDER,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: env.NOTIFY_RETRY_BASE_SECONDS * 1000,
      linkUrl: env.NOTIFY_LINK_URL,
      solapi,
    },
  }
  if (config.env === 'prod') assertProductionSafe(config, env)
  return config
}

/** NOTIFY_PROVIDER=solapi needs every Solapi variable and a template for each external type. */
function solapiConfig(env: Env, externalTypes: NotificationType[]): SolapiConfig {
  const vars = env as unknown as Record<string, string | undefined>
  const required = ['SOLAPI_API_KEY', 'SOLAPI_API_SECRET', 'SOLAPI_PFID', 'SOLAPI_SENDER'] as const
  const missing = [
    ...required.filter((name) => !vars[name]),
    ...externalTypes.map(templateVariable).filter((name) => !vars[name]),
  ]
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: NOTIFY_PROVIDER=solapi needs ${missing.join(', ')}`)
  }
  return {
    apiBase: env.SOLAPI_API_BASE.replace(/\/+$/, ''),
    apiKey: vars.SOLAPI_API_KEY as string,
    apiSecret: vars.SOLAPI_API_SECRET as string,
    pfId: vars.SOLAPI_PFID as string,
    sender: vars.SOLAPI_SENDER as string,
    timeoutMs: env.SOLAPI_TIMEOUT_MS,
    templates: Object.fromEntries(
      externalTypes.map((type) => [type, vars[templateVariable(type)] as string]),
    ),
  }
}

/**
 * Dev sign-in (KAKAO_VERIFY=none) needs nothing; Kakao sign-in needs the redirect URI's base, and in
 * production the client secret too. Production still starts without them, with the console off.
 */
function consoleDisabledReason(env: Env): string | null {
  if (env.KAKAO_VERIFY === 'none') return null
  if (!env.CONSOLE_BASE_URL) return 'CONSOLE_BASE_URL is not set (the Kakao sign-in redirect URI needs it)'
  if (env.APP_ENV === 'prod' && !env.CONSOLE_BASE_URL.startsWith('https://'))
    return 'CONSOLE_BASE_URL must be an https:// URL in production'
  if (env.APP_ENV === 'prod' && !env.KAKAO_CLIENT_SECRET) return 'KAKAO_CLIENT_SECRET is not set'
  return null
}

/**
 * A floor against secrets typed by hand ("aaaa…", "abab…"): at least this many distinct characters.
 * Random secrets clear it with room to spare (32 random hex characters have 8 or more distinct ones
 * in every one of 200,000 draws); it is no entropy estimate, the 32-character minimum does that work.
 */
const MIN_DISTINCT_SECRET_CHARACTERS = 8

/** The settings that are fine on a laptop and dangerous in production. */
function assertProductionSafe(config: Config, env: Env): void {
  const refuse = (message: string) => {
    throw new ConfigError(`Refusing to start with APP_ENV=prod: ${message}`)
  }
  const lowVariety = (secret: string) => new Set(secret).size < MIN_DISTINCT_SECRET_CHARACTERS
  if (env.APP_SECRET === DEV_APP_SECRET || env.APP_SECRET.startsWith('replace-with')) {
    refuse('APP_SECRET is the default; set a random secret of at least 32 characters')
  }
  if (env.APP_SECRET.length < 32) refuse('APP_SECRET is shorter than 32 characters')
  if (lowVariety(env.APP_SECRET)) {
    refuse(
      `APP_SECRET has fewer than ${MIN_DISTINCT_SECRET_CHARACTERS} distinct characters; generate a random one`,
    )
  }
  if (config.kakao.verify === 'none') refuse('KAKAO_VERIFY=none would let anyone sign in as anyone')
  if (config.trustProxy === true) {
    refuse(
      'TRUST_PROXY=true lets a client choose its own address (and rate-limit bucket) with X-Forwarded-For; ' +
        "set the hop count (e.g. 1) or the proxies' addresses/CIDRs",
    )
  }
  if (!config.kakao.jwksUrl.startsWith('https://')) refuse('KAKAO_JWKS_URL must be an https:// URL')
  if (!config.kakao.syncSharedSecret) refuse('SYNC_SHARED_SECRET is missing')
  else if (config.kakao.syncSharedSecret.length < 32)
    refuse('SYNC_SHARED_SECRET is shorter than 32 characters')
  else if (lowVariety(config.kakao.syncSharedSecret)) {
    refuse(
      `SYNC_SHARED_SECRET has fewer than ${MIN_DISTINCT_SECRET_CHARACTERS} distinct characters; generate a random one`,
    )
  }
  if (env.DATA_ENCRYPTION_KEY === DEV_DATA_ENCRYPTION_KEY) {
    refuse('DATA_ENCRYPTION_KEY is the development key; generate 32 random bytes (base64)')
  }
  const devKey = Buffer.from(DEV_DATA_ENCRYPTION_KEY, 'base64')
  if (config.dataEncryptionOldKeys.some((key) => key.equals(devKey))) {
    refuse(
      'DATA_ENCRYPTION_OLD_KEYS lists the development key: anything written under it is readable by anyone',
    )
  }
  if (env.IDENTITY_HASH_KEY === DEV_IDENTITY_HASH_KEY) {
    refuse('IDENTITY_HASH_KEY is missing or the development key; generate 32 random bytes (base64), once')
  }
  if (config.identityHashKey.equals(config.dataEncryptionKey)) {
    refuse('IDENTITY_HASH_KEY must differ from DATA_ENCRYPTION_KEY (it is never rotated)')
  }
  if (env.BANK_ACCOUNT === SAMPLE_BANK_ACCOUNT) refuse('BANK_ACCOUNT is the sample account')
  if (!env.CONSENT_VERSIONS) {
    refuse(
      'CONSENT_VERSIONS is missing; name the published version of each document (terms=…,privacy=…,refund=…,adult=…)',
    )
  }
  if (config.identity.required && config.identity.verify === 'none') {
    refuse(
      'IDENTITY_REQUIRED=true (the default in prod) needs IDENTITY_VERIFY=portone; ' +
        'set IDENTITY_REQUIRED=false to run without identity verification',
    )
  }
  if (config.payment.provider === 'portone' && !config.portone.webhookSecret) {
    refuse(
      'PORTONE_WEBHOOK_SECRET is missing: with PAYMENT_PROVIDER=portone no deposit could be confirmed by webhook',
    )
  }
  const usesPortOne = config.identity.verify === 'portone' || config.payment.provider === 'portone'
  if (usesPortOne && !config.portone.apiBase.startsWith('https://')) {
    refuse('PORTONE_API_BASE must be an https:// URL')
  }
  // Photos are shown on https pages: an http origin would be blocked as mixed content.
  if (config.storage.kind === 's3' && !config.storage.publicBaseUrl.startsWith('https://')) {
    refuse('S3_PUBLIC_BASE_URL must be an https:// URL')
  }
  const solapi = config.notifications.solapi
  if (solapi && !solapi.apiBase.startsWith('https://')) refuse('SOLAPI_API_BASE must be an https:// URL')
  if (solapi && !config.notifications.linkUrl.startsWith('https://')) {
    refuse('NOTIFY_LINK_URL must be an https:// URL (it is sent to people)')
  }
}

/** STORAGE=s3 cannot work half-configured, in any environment: the missing variables are named. */
function storageConfig(env: Env): StorageConfig {
  if (env.STORAGE === 'local') return { kind: 'local', dir: env.MEDIA_DIR }
  const missing = (['S3_BUCKET', 'S3_REGION', 'S3_PUBLIC_BASE_URL'] as const).filter((name) => !env[name])
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: STORAGE=s3 needs ${missing.join(', ')}`)
  }
  return {
    kind: 's3',
    bucket: env.S3_BUCKET as string,
    region: env.S3_REGION as string,
    endpoint: env.S3_ENDPOINT?.replace(/\/$/, ''),
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicBaseUrl: (env.S3_PUBLIC_BASE_URL as string).replace(/\/+$/, ''),
    timeoutMs: env.S3_TIMEOUT_MS,
  }
}

/**
 * The watermark is drawn with the font the project ships (DejaVu Sans, Latin, Greek and Cyrillic):
 * text it has no glyphs for (Hangul) would come out as empty boxes, so it is refused here.
 */
function photoWatermarkText(text: string): string {
  if (!/^[\u0020-\u007E\u00A0-\u00FF]*$/.test(text)) {
    throw new ConfigError(
      'Invalid configuration: PHOTO_WATERMARK_TEXT must be Latin text (letters, digits, punctuation): the ' +
        'font shipped for the watermark has no Korean glyphs (a CJK font such as Noto Sans KR would have to be shipped)',
    )
  }
  return text.trim()
}

/** proxy-addr's names for address ranges, which Fastify accepts in a trustProxy list. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY as Fastify's trustProxy takes it: `false`/`true`, a hop count (`1` behind one load
 * balancer: the address it saw is the client), or a comma-separated list of the proxies' addresses
 * and CIDRs (also `loopback`, `linklocal`, `uniquelocal`).
 */
function parseTrustProxy(value: string): TrustProxy {
  const lower = value.toLowerCase()
  if (lower === 'false') return false
  if (lower === 'true') return true
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    if (hops > 20)
      throw new ConfigError('Invalid configuration: TRUST_PROXY counts more hops than any deployment has')
    return hops === 0 ? false : hops
  }
  const entries = splitList(value)
  const bad = entries.filter((e) => !isAddressOrCidr(e))
  if (entries.length === 0 || bad.length > 0) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY must be false, true, a hop count or a list of addresses/CIDRs (not ${bad.join(', ') || 'empty'})`,
    )
  }
  return entries
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed === '' ? '' : trimmed
}

function databaseUrlFromParts(env: Env): string {
  if (!env.DB_HOST) return 'pglite://./data/pglite'
  const auth = `${encodeURIComponent(env.DB_USER)}${env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ''}`
  return `postgres://${auth}@${env.DB_HOST}:${env.DB_PORT}/${encodeURIComponent(env.DB_NAME)}`
}
