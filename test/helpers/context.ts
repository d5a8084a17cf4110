import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { type BuildAppOptions, buildApp } from '../../src/app.js'
import { type Config, loadConfig } from '../../src/core/config.js'
import type { DbHandle } from '../../src/core/db/client.js'
import { openTestDatabase, truncateAll } from './databases.js'

/** A clock tests can set and move; it starts at a fixed Thursday afternoon in Seoul. */
export class TestClock {
  constructor(private current = new Date('2026-11-26T05:00:00Z')) {}
  now = (): Date => new Date(this.current)
  set(instant: Date | string): void {
    this.current = new Date(instant)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  // Rate limits are tested on their own (test/security.test.ts); elsewhere they would only get in the way.
  return loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_STRICT_MAX: '1000000',
    ...env,
  })
}

/** Collects log lines so tests can check what was (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = []
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    done()
  }
  get text(): string {
    return this.lines.join('\n')
  }
}

export interface TestContext {
  database: DbHandle
  clock: TestClock
  /** MEDIA_DIR of this context's apps (local storage). */
  mediaDir: string
  /** The app built with the default test configuration. */
  app: FastifyInstance
  /** Builds another app on the same database (other configuration, a captured log…). */
  build(env?: Record<string, string>, options?: Partial<BuildAppOptions>): Promise<FastifyInstance>
  reset(): Promise<void>
  close(): Promise<void>
}

/** One database per test file (see databases.ts); call reset() between tests. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  // Photos on local storage go to a folder of this context's own, removed at close.
  const mediaDir = mkdtempSync(join(tmpdir(), 'shh-test-media-'))
  env = { MEDIA_DIR: mediaDir, ...env }
  const database = await openTestDatabase()
  const clock = new TestClock()
  const apps: FastifyInstance[] = []
  const build = async (extra: Record<string, string> = {}, options: Partial<BuildAppOptions> = {}) => {
    const app = await buildApp({
      config: testConfig({ ...env, ...extra }),
      database,
      clock: clock.now,
      ...options,
    })
    apps.push(app)
    return app
  }
  const app = await build()
  return {
    database,
    clock,
    mediaDir,
    app,
    build,
    reset: async () => {
      await truncateAll(database)
      rmSync(mediaDir, { recursive: true, force: true })
      mkdirSync(mediaDir)
    },
    close: async () => {
      for (const a of apps) await a.close()
      await database.close()
      rmSync(mediaDir, { recursive: true, force: true })
    },
  }
}

export interface SignedIn {
  token: string
  userId: string
  headers: { authorization: string }
}

/** Signs in through the real route (KAKAO_VERIFY=none in tests). */
export async function signIn(app: FastifyInstance, kakaoUserId: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { kakaoUserId } })
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
  const body = res.json() as { jwt: string; user: { id: string } }
  return { token: body.jwt, userId: body.user.id, headers: { authorization: `Bearer ${body.jwt}` } }
}

export const validProfile = {
  nickname: '지은',
  gender: 'F',
  birthYear: 1996,
  height: 165,
  region: '서울',
  job: '디자이너',
  intro: '주말엔 등산을 좋아해요',
}

export const validPreferences = {
  targetGender: 'M',
  ageMin: 27,
  ageMax: 36,
  regions: ['서울', '경기'],
  keywords: ['등산', '커피'],
}
