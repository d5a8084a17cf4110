/**
 * The variables a production configuration needs (APP_ENV=prod refuses to start without them), with
 * test values. Tests spread it and add or override what they are about; the scheduler is off so an
 * app built from it starts no background work.
 */
export const PROD_ENV = {
  APP_ENV: 'prod',
  APP_SECRET: 'a-random-production-secret-of-40-chars!!',
  KAKAO_VERIFY: 'idtoken',
  KAKAO_CLIENT_ID: 'kakao-rest-api-key',
  SYNC_SHARED_SECRET: 'Hq3vX9bT2mKp7Lw4Zr8Nc6Fd1Js5Gy0A',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  IDENTITY_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
  BANK_ACCOUNT: '110-123-456789',
  CONSENT_VERSIONS: 'terms=2026-11,privacy=2026-11,refund=2026-11,adult=1',
  SCHEDULER_ENABLED: 'false',
} as const
