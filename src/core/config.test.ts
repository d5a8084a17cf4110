import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { PROD_ENV } from '../../test/helpers/prod-env.js'
import {
  ConfigError,
  DEV_DATA_ENCRYPTION_KEY,
  DEV_IDENTITY_HASH_KEY,
  ENV_VARIABLES,
  loadConfig,
} from './config.js'

const SAFE_PROD = {
  ...PROD_ENV,
  DATABASE_URL: 'postgres://app:pw@db:5432/kakao_match',
  IDENTITY_VERIFY: 'portone',
  PORTONE_API_SECRET: 'portone-api-secret',
  PORTONE_STORE_ID: 'store-4b3a1c2d-0000-4000-8000-0123456789ab',
  PORTONE_IDENTITY_CHANNEL_KEY: 'channel-key-9f8e7d6c-0000-4000-8000-0123456789ab',
}

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (err) {
    assert.ok(err instanceof ConfigError)
    return err.message
  }
  assert.fail('expected the configuration to be refused')
}

describe('configuration', () => {
  it('works with no variables at all in dev, on the embedded database', () => {
    const config = loadConfig({})
    assert.equal(config.env, 'dev')
    assert.equal(config.port, 8000)
    assert.equal(config.databaseUrl, 'pglite://./data/pglite')
    assert.equal(config.kakao.verify, 'none')
    assert.equal(config.basePath, '')
    assert.equal(config.dataEncryptionKey.length, 32)
    assert.equal(config.jwt.expireMinutes, 10080)
    assert.equal(config.scheduler.k, 10)
  })

  it('reads CONSENT_VERSIONS as type=version for each required document, with dev versions by default', () => {
    assert.deepEqual(loadConfig({}).consentVersions, {
      terms: 'v1',
      privacy: 'v1',
      refund: 'v1',
      adult: 'v1',
    })
    assert.deepEqual(
      loadConfig({ CONSENT_VERSIONS: ' terms=2026-11, privacy=2026-11 ,refund=2026-11,adult=1' })
        .consentVersions,
      { terms: '2026-11', privacy: '2026-11', refund: '2026-11', adult: '1' },
    )
    for (const [value, why] of [
      ['terms=1,privacy=1,refund=1', /no version for adult/],
      ['terms=1,privacy=1,refund=1,adult=1,contactShare=1', /names "contactShare"/],
      ['terms=1,terms=2,privacy=1,refund=1,adult=1', /names terms twice/],
      ['terms=1,privacy=,refund=1,adult=1', /privacy the version ""/],
      ['terms=a b,privacy=1,refund=1,adult=1', /terms the version "a b"/],
      ['terms=1=2,privacy=1,refund=1,adult=1', /terms the version/],
      ['terms', /terms the version ""/],
    ] as const) {
      assert.match(refusal({ CONSENT_VERSIONS: value }), why, value)
      assert.match(refusal({ CONSENT_VERSIONS: value }), /^Invalid configuration: CONSENT_VERSIONS/)
    }
  })

  it("builds the URL from SPEC's DB_* variables", () => {
    const config = loadConfig({
      DB_HOST: 'postgres',
      DB_USER: 'app',
      DB_PASSWORD: 'p@ss',
      DB_NAME: 'kakao_match',
    })
    assert.equal(config.databaseUrl, 'postgres://app:p%40ss@postgres:5432/kakao_match')
  })

  it("accepts the spec's upper-case log levels and pino's names", () => {
    assert.equal(loadConfig({ LOG_LEVEL: 'INFO' }).logLevel, 'info')
    assert.equal(loadConfig({ LOG_LEVEL: 'WARNING' }).logLevel, 'warn')
    assert.equal(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug')
    assert.match(refusal({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/)
  })

  it('normalises API_BASE_PATH and parses lists', () => {
    assert.equal(loadConfig({ API_BASE_PATH: '/api/v1/' }).basePath, '/api/v1')
    const config = loadConfig({ ADMIN_KAKAO_IDS: ' 1, 2 ,,3', CORS_ORIGINS: 'https://a.kr,https://b.kr' })
    assert.deepEqual([...config.adminKakaoIds], ['1', '2', '3'])
    assert.deepEqual(config.corsOrigins, ['https://a.kr', 'https://b.kr'])
  })

  it('takes TRUST_PROXY as Fastify does: a boolean, a hop count, or addresses and CIDRs', () => {
    assert.equal(loadConfig({}).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true)
    assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2)
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8,loopback' }).trustProxy, [
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      'loopback',
    ])
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.300', 'proxy.internal', '-1', '1.5', '999']) {
      assert.match(refusal({ TRUST_PROXY: bad }), /TRUST_PROXY/, bad)
    }
    assert.equal(loadConfig({ ...SAFE_PROD, TRUST_PROXY: '1' }).trustProxy, 1)
  })

  it('runs the weekly schedule except in tests or when SCHEDULER_ENABLED=false', () => {
    assert.equal(loadConfig({}).scheduler.enabled, true)
    assert.equal(loadConfig({}).scheduler.cron, '0 10 * * 1')
    assert.equal(loadConfig({ APP_ENV: 'test' }).scheduler.enabled, false)
    assert.equal(loadConfig({ SCHEDULER_ENABLED: 'false' }).scheduler.enabled, false)
  })

  it('names the variable that is wrong', () => {
    assert.match(refusal({ PORT: 'eighty' }), /PORT/)
    assert.match(refusal({ PORT: '70000' }), /PORT/)
    assert.match(refusal({ PORT: '-1' }), /PORT/)
    assert.match(refusal({ APP_ENV: 'staging' }), /APP_ENV/)
    assert.match(refusal({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/)
    assert.match(refusal({ KAKAO_VERIFY: 'maybe' }), /KAKAO_VERIFY/)
    assert.match(refusal({ JWT_ALG: 'none' }), /JWT_ALG/)
    assert.match(refusal({ DATA_ENCRYPTION_KEY: 'c2hvcnQ=' }), /DATA_ENCRYPTION_KEY/)
    assert.match(refusal({ IDENTITY_HASH_KEY: 'c2hvcnQ=' }), /IDENTITY_HASH_KEY/)
    assert.match(refusal({ KAKAO_VERIFY: 'idtoken' }), /KAKAO_CLIENT_ID/)
    assert.match(refusal({ REC_CRON: 'every monday' }), /REC_CRON/)
    assert.match(refusal({ REC_K: '0' }), /REC_K/)
    assert.match(refusal({ CORS_ORIGINS: '*' }), /CORS_ORIGINS/)
    assert.match(refusal({ API_BASE_PATH: 'api' }), /API_BASE_PATH/)
  })

  it('accepts a production configuration with real secrets', () => {
    const config = loadConfig(SAFE_PROD)
    assert.equal(config.env, 'prod')
    assert.equal(config.kakao.verify, 'idtoken')
    assert.equal(config.docsPublic, false, '/docs is off in prod by default')
    assert.equal(loadConfig({ ...SAFE_PROD, DOCS_PUBLIC: 'true' }).docsPublic, true)
    assert.equal(loadConfig({}).docsPublic, true, 'and on in dev')
    // Random secrets as the README says to make them pass the variety floor.
    for (let i = 0; i < 200; i++) {
      const hex = randomBytes(16).toString('hex')
      const base64 = randomBytes(48).toString('base64')
      assert.equal(loadConfig({ ...SAFE_PROD, APP_SECRET: base64, SYNC_SHARED_SECRET: hex }).env, 'prod')
    }
  })

  it('refuses to run as dev when APP_ENV is unset but NODE_ENV=production, naming APP_ENV', () => {
    const { APP_ENV: _unset, ...rest } = SAFE_PROD
    assert.match(refusal({ ...rest, NODE_ENV: 'production' }), /APP_ENV/)
    assert.equal(loadConfig({ ...SAFE_PROD, NODE_ENV: 'production' }).env, 'prod')
    assert.equal(
      loadConfig({ APP_ENV: 'dev', NODE_ENV: 'production' }).env,
      'dev',
      'an explicit choice is kept',
    )
  })

  describe('APP_ENV=prod refuses', () => {
    const cases: Array<[string, Record<string, string | undefined>, RegExp]> = [
      ['the default APP_SECRET', { APP_SECRET: undefined }, /APP_SECRET/],
      [
        "the spec's placeholder secret",
        { APP_SECRET: 'replace-with-32-bytes-secret-xxxxxxxx' },
        /APP_SECRET/,
      ],
      ['a short APP_SECRET', { APP_SECRET: 'short-secret' }, /APP_SECRET/],
      ['KAKAO_VERIFY=none', { KAKAO_VERIFY: 'none' }, /KAKAO_VERIFY/],
      ['a missing SYNC_SHARED_SECRET', { SYNC_SHARED_SECRET: undefined }, /SYNC_SHARED_SECRET/],
      ['a missing DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: undefined }, /DATA_ENCRYPTION_KEY/],
      [
        'the dev DATA_ENCRYPTION_KEY',
        { DATA_ENCRYPTION_KEY: DEV_DATA_ENCRYPTION_KEY },
        /DATA_ENCRYPTION_KEY/,
      ],
      ['a missing IDENTITY_HASH_KEY', { IDENTITY_HASH_KEY: undefined }, /IDENTITY_HASH_KEY/],
      ['the dev IDENTITY_HASH_KEY', { IDENTITY_HASH_KEY: DEV_IDENTITY_HASH_KEY }, /IDENTITY_HASH_KEY/],
      [
        'an IDENTITY_HASH_KEY equal to DATA_ENCRYPTION_KEY',
        { IDENTITY_HASH_KEY: Buffer.alloc(32, 7).toString('base64') },
        /IDENTITY_HASH_KEY/,
      ],
      ['the sample bank account', { BANK_ACCOUNT: undefined }, /BANK_ACCOUNT/],
      ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }, /TRUST_PROXY/],
      ['no CONSENT_VERSIONS (the dev versions)', { CONSENT_VERSIONS: undefined }, /CONSENT_VERSIONS/],
      [
        'a KAKAO_JWKS_URL over plain http',
        { KAKAO_JWKS_URL: 'http://kauth.kakao.com/.well-known/jwks.json' },
        /KAKAO_JWKS_URL/,
      ],
      ['an APP_SECRET of one repeated character', { APP_SECRET: 'x'.repeat(48) }, /APP_SECRET.*distinct/],
      [
        'an APP_SECRET of a short repeated pattern',
        { APP_SECRET: 'abc1'.repeat(12) },
        /APP_SECRET.*distinct/,
      ],
      [
        'a SYNC_SHARED_SECRET of one repeated character',
        { SYNC_SHARED_SECRET: 's'.repeat(40) },
        /SYNC_SHARED_SECRET/,
      ],
      [
        'IDENTITY_VERIFY=none while IDENTITY_REQUIRED is true (its default in prod)',
        { IDENTITY_VERIFY: undefined },
        /IDENTITY_REQUIRED.*IDENTITY_VERIFY=portone/,
      ],
      [
        'IDENTITY_VERIFY=none with IDENTITY_REQUIRED=true',
        { IDENTITY_VERIFY: 'none', IDENTITY_REQUIRED: 'true' },
        /IDENTITY_VERIFY/,
      ],
      [
        'a PORTONE_API_BASE over plain http',
        { PORTONE_API_BASE: 'http://api.portone.io' },
        /PORTONE_API_BASE/,
      ],
      [
        'the dev key among DATA_ENCRYPTION_OLD_KEYS',
        { DATA_ENCRYPTION_OLD_KEYS: `${Buffer.alloc(32, 3).toString('base64')},${DEV_DATA_ENCRYPTION_KEY}` },
        /DATA_ENCRYPTION_OLD_KEYS/,
      ],
    ]
    for (const [what, change, variable] of cases) {
      it(what, () => {
        const env: Record<string, string> = {}
        for (const [k, v] of Object.entries({ ...SAFE_PROD, ...change })) if (v !== undefined) env[k] = v
        assert.match(refusal(env), variable)
      })
    }
  })

  describe('identity verification', () => {
    it('is off and not required by default in dev and test, required by default in prod', () => {
      const dev = loadConfig({})
      assert.deepEqual(dev.identity, { verify: 'none', required: false })
      assert.equal(dev.portone.apiBase, 'https://api.portone.io')
      assert.equal(loadConfig({ APP_ENV: 'test' }).identity.required, false)
      const prod = loadConfig(SAFE_PROD)
      assert.deepEqual(prod.identity, { verify: 'portone', required: true })
      assert.equal(prod.portone.storeId, SAFE_PROD.PORTONE_STORE_ID)
      assert.equal(prod.portone.timeoutMs, 5_000)
    })

    it('runs prod without it only when IDENTITY_REQUIRED=false', () => {
      const { IDENTITY_VERIFY: _, ...rest } = SAFE_PROD
      const config = loadConfig({ ...rest, IDENTITY_REQUIRED: 'false' })
      assert.deepEqual(config.identity, { verify: 'none', required: false })
    })

    it('needs the PortOne secret, store and channel with IDENTITY_VERIFY=portone, in any environment', () => {
      for (const name of ['PORTONE_API_SECRET', 'PORTONE_STORE_ID', 'PORTONE_IDENTITY_CHANNEL_KEY']) {
        const env: Record<string, string> = {
          IDENTITY_VERIFY: 'portone',
          PORTONE_API_SECRET: 's',
          PORTONE_STORE_ID: 'store',
          PORTONE_IDENTITY_CHANNEL_KEY: 'channel',
        }
        delete env[name]
        assert.match(refusal(env), new RegExp(name))
      }
    })

    it('takes an origin as PORTONE_API_BASE (the SDK drops any path) and a bounded timeout', () => {
      assert.equal(
        loadConfig({ PORTONE_API_BASE: 'http://127.0.0.1:5714/' }).portone.apiBase,
        'http://127.0.0.1:5714',
      )
      assert.match(refusal({ PORTONE_API_BASE: 'https://api.portone.io/v2' }), /PORTONE_API_BASE/)
      assert.match(refusal({ PORTONE_TIMEOUT_MS: '0' }), /PORTONE_TIMEOUT_MS/)
      assert.match(refusal({ IDENTITY_VERIFY: 'kcb' }), /IDENTITY_VERIFY/)
      assert.match(refusal({ IDENTITY_REQUIRED: 'maybe' }), /IDENTITY_REQUIRED/)
    })
  })

  it('configures notifications: log by default, Solapi only with everything it needs', () => {
    const dev = loadConfig({})
    assert.equal(dev.notifications.provider, 'log')
    assert.deepEqual(
      [...dev.notifications.externalTypes],
      ['match.created', 'payment.verified', 'match.activated'],
    )
    assert.equal(dev.notifications.retentionDays, 90)
    assert.equal(dev.matchPaymentDays, 7)
    assert.match(
      refusal({ NOTIFY_EXTERNAL_TYPES: 'match.created,match.deleted' }),
      /NOTIFY_EXTERNAL_TYPES.*match\.deleted/,
    )
    assert.deepEqual([...loadConfig({ NOTIFY_EXTERNAL_TYPES: 'none' }).notifications.externalTypes], [])
    const solapi = {
      NOTIFY_PROVIDER: 'solapi',
      SOLAPI_API_KEY: 'NCSKEY',
      SOLAPI_API_SECRET: 'secret',
      SOLAPI_PFID: 'KA01PF',
      SOLAPI_SENDER: '0212345678',
      NOTIFY_TEMPLATE_MATCH_CREATED: 'T1',
      NOTIFY_TEMPLATE_PAYMENT_VERIFIED: 'T2',
      NOTIFY_TEMPLATE_MATCH_ACTIVATED: 'T3',
    }
    const config = loadConfig(solapi)
    assert.equal(config.notifications.solapi?.apiBase, 'https://api.solapi.com')
    assert.deepEqual(config.notifications.solapi?.templates, {
      'match.created': 'T1',
      'payment.verified': 'T2',
      'match.activated': 'T3',
    })
    for (const name of ['SOLAPI_API_KEY', 'SOLAPI_SENDER', 'NOTIFY_TEMPLATE_MATCH_ACTIVATED']) {
      assert.match(refusal({ ...solapi, [name]: '' }), new RegExp(`NOTIFY_PROVIDER=solapi needs ${name}`))
    }
    assert.match(
      refusal({ ...solapi, NOTIFY_EXTERNAL_TYPES: 'like.received' }),
      /NOTIFY_TEMPLATE_LIKE_RECEIVED/,
      'a template for every external type',
    )
    assert.match(refusal({ ...solapi, SOLAPI_SENDER: '+82-2-1234' }), /SOLAPI_SENDER/)
    assert.match(refusal({ ...SAFE_PROD, ...solapi }), /NOTIFY_LINK_URL must be an https/)
    assert.match(
      refusal({
        ...SAFE_PROD,
        ...solapi,
        NOTIFY_LINK_URL: 'https://shh.example/n',
        SOLAPI_API_BASE: 'http://x',
      }),
      /SOLAPI_API_BASE must be an https/,
    )
    assert.equal(
      loadConfig({ ...SAFE_PROD, ...solapi, NOTIFY_LINK_URL: 'https://shh.example/n' }).env,
      'prod',
    )
  })

  describe('virtual accounts (PAYMENT_PROVIDER)', () => {
    const PORTONE_PAYMENTS = {
      PAYMENT_PROVIDER: 'portone',
      PORTONE_API_SECRET: 's',
      PORTONE_STORE_ID: 'store',
      PORTONE_VA_CHANNEL_KEY: 'channel-va',
      PORTONE_VA_BANK: 'SHINHAN',
      PORTONE_VA_REMITTEE_NAME: '쉿매치',
    }

    it('is off by default; portone takes its settings and rechecks after 30 minutes', () => {
      assert.equal(loadConfig({}).payment.provider, 'none')
      const config = loadConfig(PORTONE_PAYMENTS)
      assert.equal(config.payment.provider, 'portone')
      assert.equal(config.portone.vaBank, 'SHINHAN')
      assert.equal(config.portone.vaRemitteeName, '쉿매치')
      assert.equal(config.portone.recheckMinutes, 30)
      assert.equal(config.portone.webhookSecret, undefined)
    })

    it('needs the secret, store, channel, bank and remittee name with portone, in any environment', () => {
      for (const name of Object.keys(PORTONE_PAYMENTS).filter((k) => k !== 'PAYMENT_PROVIDER')) {
        const env: Record<string, string> = { ...PORTONE_PAYMENTS }
        delete env[name]
        assert.match(refusal(env), new RegExp(`${name} is required when PAYMENT_PROVIDER=portone`))
      }
    })

    it('refuses a bank PortOne does not name, an unknown provider and a recheck of 0 minutes', () => {
      assert.match(refusal({ ...PORTONE_PAYMENTS, PORTONE_VA_BANK: 'KB' }), /PORTONE_VA_BANK/)
      assert.match(refusal({ PAYMENT_PROVIDER: 'toss' }), /PAYMENT_PROVIDER/)
      assert.match(refusal({ PORTONE_RECHECK_MINUTES: '0' }), /PORTONE_RECHECK_MINUTES/)
    })

    it('prod refuses portone without PORTONE_WEBHOOK_SECRET, and starts with it', () => {
      const prod = { ...SAFE_PROD, ...PORTONE_PAYMENTS }
      assert.match(refusal(prod), /APP_ENV=prod.*PORTONE_WEBHOOK_SECRET/)
      const secret = `whsec_${randomBytes(32).toString('base64')}`
      const config = loadConfig({ ...prod, PORTONE_WEBHOOK_SECRET: secret })
      assert.equal(config.portone.webhookSecret, secret)
      assert.match(
        refusal({
          ...prod,
          PORTONE_WEBHOOK_SECRET: secret,
          IDENTITY_VERIFY: 'none',
          IDENTITY_REQUIRED: 'false',
          PORTONE_API_BASE: 'http://api.portone.io',
        }),
        /PORTONE_API_BASE/,
      )
    })
  })

  it('documents every variable in .env.example, and nothing else', () => {
    const documented = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => line.split('=')[0])
    assert.deepEqual([...documented].sort(), [...ENV_VARIABLES].sort())
    // The example must itself be a valid configuration.
    const env = Object.fromEntries(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
    assert.equal(loadConfig(env).env, 'dev')
  })

  it('stops the server at start-up with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, ...SAFE_PROD, APP_SECRET: 'short', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    assert.equal(result.status, 1)
    assert.match(result.stderr, /APP_SECRET/)
  })
})
