import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { loadConfig } from '../src/core/config.js'
import { photoUploads } from '../src/core/db/schema.js'
import { createTestContext, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { createPerson } from './helpers/factories.js'
import { claim, heic, jpeg, type StartedUpload, startUpload } from './helpers/photos.js'
import { S3_BUCKET, S3_PUBLIC_BASE_URL, TestS3 } from './helpers/s3.js'

let ctx: TestContext
let s3: TestS3
let app: FastifyInstance
let admin: SignedIn
let minsu: SignedIn

before(async () => {
  s3 = await TestS3.start()
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  app = await ctx.build(s3.env())
})
after(async () => {
  await ctx.close()
  await s3.stop()
})
beforeEach(async () => {
  // Pre-signed URLs carry their signing time, and S3 servers compare it with theirs.
  ctx.clock.set(new Date())
  await ctx.reset()
  for (const key of await s3.keys()) await fetch(`${s3.endpoint}/${S3_BUCKET}/${key}`, { method: 'DELETE' })
  admin = await signIn(app, '1')
  minsu = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
})

/** The browser's part: the bytes to the pre-signed URL with exactly the headers returned. */
const put = (upload: StartedUpload, bytes: Buffer) =>
  fetch(upload.url, { method: 'PUT', headers: upload.headers, body: new Uint8Array(bytes) })

async function addPhoto(who: SignedIn, bytes: Buffer) {
  const upload = await startUpload(app, who, bytes.length)
  assert.equal((await put(upload, bytes)).status, 200)
  return claim(app, who, upload.uploadId)
}

describe('photos on S3-compatible storage (s3rver)', () => {
  it('hands out a pre-signed PUT with Content-Type and Content-Length signed, valid 10 minutes, no checksum', async () => {
    const upload = await startUpload(app, minsu, 12345, 'image/png')
    assert.deepEqual(upload.headers, { 'Content-Type': 'image/png' })
    const url = new URL(upload.url)
    assert.equal(
      `${url.origin}${url.pathname}`,
      `${s3.endpoint}/${S3_BUCKET}/uploads/${minsu.userId}/${upload.uploadId}`,
    )
    const q = url.searchParams
    assert.equal(q.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256')
    assert.equal(q.get('X-Amz-SignedHeaders'), 'content-length;content-type;host')
    assert.equal(q.get('X-Amz-Expires'), '600')
    assert.match(q.get('X-Amz-Signature') ?? '', /^[0-9a-f]{64}$/)
    // A checksum the SDK computed over no body at all would make every browser upload fail.
    assert.deepEqual(
      [...q.keys()].filter((k) => /checksum/i.test(k)),
      [],
    )
  })

  it('processes the upload into the bucket, deletes the raw object, and serves from S3_PUBLIC_BASE_URL', async () => {
    const res = await addPhoto(minsu, await jpeg(2000, 1000, { exif: true }))
    assert.equal(res.statusCode, 201, res.body)
    const photo = res.json()
    const main = `photos/${minsu.userId}/${photo.id}.webp`
    const thumb = `photos/${minsu.userId}/${photo.id}-360.webp`
    assert.equal(photo.url, `${S3_PUBLIC_BASE_URL}/${main}`)
    assert.equal(photo.thumbUrl, `${S3_PUBLIC_BASE_URL}/${thumb}`)
    assert.deepEqual(await s3.keys(), [thumb, main].sort())
    const meta = await sharp((await s3.get(main)) as Buffer).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height, meta.exif], ['webp', 1440, 720, undefined])
  })

  it('refuses what is not an image, keeping nothing in the bucket', async () => {
    const res = await addPhoto(minsu, heic())
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'INVALID_PHOTO')
    assert.deepEqual(await s3.keys(), [])
  })

  it("claims only the caller's own upload", async () => {
    const bytes = await jpeg(300, 200)
    const upload = await startUpload(app, minsu, bytes.length)
    await put(upload, bytes)
    const other = await signIn(app, '300')
    assert.equal((await claim(app, other, upload.uploadId)).statusCode, 404)
    assert.deepEqual(await s3.keys(), [`uploads/${minsu.userId}/${upload.uploadId}`])
  })

  it('deletes the objects of a deleted photo, a rejected photo and a deleted account', async () => {
    const a = (await addPhoto(minsu, await jpeg(300, 200))).json()
    const b = (await addPhoto(minsu, await jpeg(300, 200))).json()
    const c = (await addPhoto(minsu, await jpeg(300, 200))).json()
    assert.equal((await s3.keys()).length, 6)
    await app.inject({ method: 'DELETE', url: `/photos/${a.id}`, headers: minsu.headers })
    assert.equal(
      (await s3.keys()).some((k) => k.includes(a.id)),
      false,
    )
    await app.inject({
      method: 'POST',
      url: `/admin/photos/${b.id}/reject`,
      headers: admin.headers,
      payload: { reason: '다른 사람 사진' },
    })
    assert.deepEqual(await s3.keys(), [
      `photos/${minsu.userId}/${c.id}-360.webp`,
      `photos/${minsu.userId}/${c.id}.webp`,
    ])
    await app.inject({ method: 'DELETE', url: '/me', headers: minsu.headers })
    assert.deepEqual(await s3.keys(), [])
  })

  it('allows the photo origin for images in the CSP, and nothing else from it', async () => {
    const csp = (await app.inject({ method: 'GET', url: '/livez' })).headers[
      'content-security-policy'
    ] as string
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    )
    assert.deepEqual(directives['img-src'], ["'self'", 'data:', S3_PUBLIC_BASE_URL])
    for (const [name, values] of Object.entries(directives)) {
      if (name !== 'img-src') assert.ok(!(values as string[]).includes(S3_PUBLIC_BASE_URL), name)
    }
    const local = (await ctx.app.inject({ method: 'GET', url: '/livez' })).headers['content-security-policy']
    assert.match(local as string, /img-src 'self' data:;/)
  })

  it('needs its settings: STORAGE=s3 names what is missing; prod wants an https public URL', () => {
    assert.throws(
      () => loadConfig({ APP_ENV: 'test', STORAGE: 's3', S3_REGION: 'auto' }),
      /S3_BUCKET, S3_PUBLIC_BASE_URL/,
    )
    assert.throws(
      () => loadConfig({ APP_ENV: 'test', ...s3.env({ PHOTO_WATERMARK_TEXT: '쉿매치' }) }),
      /PHOTO_WATERMARK_TEXT.*Korean/,
    )
  })
})

describe('when storage fails', () => {
  let silent: Server
  let closedPort: number
  const sockets = new Set<import('node:net').Socket>()
  before(async () => {
    // Accepts connections and never answers (a storage that hangs).
    silent = createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    closedPort = (probe.address() as { port: number }).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
  })
  after(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => silent.close(() => resolve()))
  })

  for (const [what, endpoint] of [
    ['refuses connections', () => `http://127.0.0.1:${closedPort}`],
    ['does not answer', () => `http://127.0.0.1:${(silent.address() as { port: number }).port}`],
  ] as const) {
    it(`answers 503 STORAGE_UNAVAILABLE when storage ${what}, and the upload can be claimed later`, async () => {
      const bytes = await jpeg(300, 200)
      const upload = await startUpload(app, minsu, bytes.length)
      await put(upload, bytes)
      const down = await ctx.build(s3.env({ S3_ENDPOINT: endpoint(), S3_TIMEOUT_MS: '300' }))
      const started = Date.now()
      const res = await claim(down, minsu, upload.uploadId)
      assert.equal(res.statusCode, 503, res.body)
      assert.equal(res.json().error.code, 'STORAGE_UNAVAILABLE')
      assert.ok(Date.now() - started < 10_000)
      const [row] = await ctx.database.db.select().from(photoUploads)
      assert.equal(row?.claimedAt, null)
      assert.equal((await claim(app, minsu, upload.uploadId)).statusCode, 201)
    })
  }

  it('answers 503 STORAGE_UNAVAILABLE for an upload when the SDK finds no credentials to sign with', async () => {
    const names = [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SHARED_CREDENTIALS_FILE',
      'AWS_CONFIG_FILE',
      'AWS_EC2_METADATA_DISABLED',
    ]
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]))
    delete process.env.AWS_ACCESS_KEY_ID
    delete process.env.AWS_SECRET_ACCESS_KEY
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials'
    process.env.AWS_CONFIG_FILE = '/nonexistent/config'
    process.env.AWS_EC2_METADATA_DISABLED = 'true'
    try {
      const unsigned = await ctx.build(s3.env())
      const res = await unsigned.inject({
        method: 'POST',
        url: '/photos/uploads',
        headers: minsu.headers,
        payload: { contentType: 'image/jpeg', size: 1000 },
      })
      assert.equal(res.statusCode, 503, res.body)
      assert.equal(res.json().error.code, 'STORAGE_UNAVAILABLE')
    } finally {
      for (const name of names) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  })
})
