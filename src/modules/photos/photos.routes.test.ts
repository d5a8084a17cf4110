import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validProfile,
} from '../../../test/helpers/context.js'
import { createPerson, recommend } from '../../../test/helpers/factories.js'
import {
  addPhoto,
  claim,
  filesIn,
  heic,
  jpeg,
  png,
  pngBomb,
  putBytes,
  redLeftBlueRight,
  startUpload,
  webp,
} from '../../../test/helpers/photos.js'
import { adminActions, photos, photoUploads, profiles } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'
import { applyPhotoModeration } from './photos.service.js'

let ctx: TestContext
let app: FastifyInstance
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  app = ctx.app
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  admin = await signIn(app, '1')
  minsu = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
})

const media = () => filesIn(ctx.mediaDir)
const get = (url: string, who: SignedIn | null = null) =>
  app.inject({ method: 'GET', url, headers: who ? who.headers : {} })
const fileOf = (url: string) => join(ctx.mediaDir, url.replace(/^\/media\//, ''))

async function expectRefused(res: Awaited<ReturnType<typeof app.inject>>, code: string, message?: RegExp) {
  assert.equal(res.statusCode, 400, res.body)
  assert.equal(res.json().error.code, code)
  if (message) assert.match(res.json().error.message, message)
  assert.deepEqual(media(), [], 'no file kept')
  assert.equal((await ctx.database.db.select().from(photos)).length, 0, 'no photo row')
}

describe('POST /photos: a JPEG from a phone', () => {
  it('comes out as WebP of at most 1440 px with a 360 px thumbnail, no metadata at all, served at its URL', async () => {
    const original = await jpeg(2000, 1500, { exif: true })
    const exif = (await sharp(original).metadata()).exif as Buffer
    assert.ok(exif.includes('PhoneCo'), 'the test image carries EXIF')
    assert.ok(
      exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])),
      'and a GPS IFD',
    )

    const res = await addPhoto(app, minsu, original)
    assert.equal(res.statusCode, 201, res.body)
    const photo = res.json()
    assert.equal(photo.status, 'pending')
    assert.equal(photo.width, 1440)
    assert.equal(photo.height, 1080)
    assert.equal(photo.url, `/media/photos/${minsu.userId}/${photo.id}.webp`)
    assert.equal(photo.thumbUrl, `/media/photos/${minsu.userId}/${photo.id}-360.webp`)

    const served = await get(photo.url)
    assert.equal(served.statusCode, 200)
    assert.equal(served.headers['content-type'], 'image/webp')
    assert.equal(served.headers['x-content-type-options'], 'nosniff')
    assert.equal(served.headers['cross-origin-resource-policy'], 'cross-origin')
    const meta = await sharp(served.rawPayload).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.exif, undefined)
    assert.equal(meta.xmp, undefined)
    assert.equal(meta.icc, undefined)
    for (const text of ['EXIF', 'XMP ', 'PhoneCo', 'Pocket']) {
      assert.equal(served.rawPayload.includes(text), false, `${text} in the output`)
    }
    const thumb = await sharp((await get(photo.thumbUrl)).rawPayload).metadata()
    assert.deepEqual([thumb.width, thumb.height, thumb.exif], [360, 270, undefined])
    // The raw upload is gone: only the two published files remain.
    assert.deepEqual(media(), [
      `photos/${minsu.userId}/${photo.id}-360.webp`,
      `photos/${minsu.userId}/${photo.id}.webp`,
    ])
  })

  it('applies the EXIF orientation: a sideways photo comes out upright', async () => {
    // Stored 400×200 (red left, blue right) with orientation 6: shown rotated 90° clockwise, so
    // upright it is 200×400 with red on top.
    const res = await addPhoto(app, minsu, await redLeftBlueRight(400, 200, 6))
    assert.equal(res.statusCode, 201, res.body)
    const { url, width, height } = res.json()
    assert.deepEqual([width, height], [200, 400])
    const { data, info } = await sharp((await get(url)).rawPayload)
      .raw()
      .toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ]
    const [r1, , b1] = pixel(100, 40)
    const [r2, , b2] = pixel(100, 360)
    assert.ok((r1 as number) > 200 && (b1 as number) < 60, `top is red: ${pixel(100, 40)}`)
    assert.ok((b2 as number) > 200 && (r2 as number) < 60, `bottom is blue: ${pixel(100, 360)}`)
  })

  it('accepts PNG and WebP (by their content, whatever type the upload announced)', async () => {
    for (const [bytes, type] of [
      [await png(), 'image/png'],
      [await webp(), 'image/webp'],
      [await png(), 'image/jpeg'],
    ] as const) {
      const res = await addPhoto(app, minsu, bytes, type)
      assert.equal(res.statusCode, 201, res.body)
      assert.deepEqual([res.json().width, res.json().height], [300, 200])
    }
  })

  it('puts a subtle watermark in the bottom-right corner', async () => {
    const flat = await sharp({ create: { width: 1000, height: 800, channels: 3, background: '#777777' } })
      .jpeg()
      .toBuffer()
    const { url } = (await addPhoto(app, minsu, flat)).json()
    const image = sharp((await get(url)).rawPayload)
    const spread = async (left: number, top: number) => {
      const region = await image
        .clone()
        .extract({ left, top, width: 300, height: 60 })
        .greyscale()
        .raw()
        .toBuffer()
      return Math.max(...region) - Math.min(...region)
    }
    const plain = await spread(0, 0)
    assert.ok(plain < 8, `top-left is plain (spread ${plain})`)
    const corner = await spread(1000 - 300, 800 - 60)
    assert.ok(corner > 40, `bottom-right has text drawn on it (spread ${corner})`)
  })
})

describe('POST /photos: refused with 400 and nothing kept', () => {
  it('a HEIC photo, with a message saying what to do', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/photos/uploads',
      headers: minsu.headers,
      payload: { contentType: 'image/heic', size: 1000 },
    })
    assert.equal(asked.statusCode, 400)
    assert.equal(asked.json().error.code, 'VALIDATION_ERROR')
    await expectRefused(await addPhoto(app, minsu, heic()), 'INVALID_PHOTO', /HEIC.*JPEG/)
  })

  it('a text file sent as a JPEG', async () => {
    await expectRefused(
      await addPhoto(app, minsu, Buffer.from('hello, this is not a picture\n'.repeat(40))),
      'INVALID_PHOTO',
      /not a JPEG, PNG or WebP/,
    )
  })

  it('a polyglot: a real JPEG with an HTML page or a ZIP archive appended', async () => {
    const image = await jpeg(300, 200)
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 1)])
    for (const tail of [html, zip]) {
      await expectRefused(
        await addPhoto(app, minsu, Buffer.concat([image, tail])),
        'INVALID_PHOTO',
        /after it/,
      )
    }
  })

  it('a 30000×30000 PNG bomb, before anything is decoded', async () => {
    const bomb = pngBomb()
    assert.ok(bomb.length < 200_000)
    await expectRefused(await addPhoto(app, minsu, bomb, 'image/png'), 'INVALID_PHOTO', /30000×30000/)
  })

  it('a truncated JPEG', async () => {
    const image = await jpeg(300, 200)
    await expectRefused(await addPhoto(app, minsu, image.subarray(0, image.length - 200)), 'INVALID_PHOTO')
  })

  it('an 11 MiB file, when asking for the upload', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/photos/uploads',
      headers: minsu.headers,
      payload: { contentType: 'image/jpeg', size: 11 * 1024 * 1024 },
    })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    assert.equal((await ctx.database.db.select().from(photoUploads)).length, 0)
  })

  it('an upload with more bytes than the limit (PHOTO_MAX_BYTES smaller than the file)', async () => {
    const small = await ctx.build({ PHOTO_MAX_BYTES: '2048' })
    const upload = await startUpload(small, minsu, 2048)
    await ctx.database.db.update(photoUploads).set({ size: 5000 })
    const big = await jpeg(200, 200)
    // Written behind the API's back, as a bucket without the size check would let it.
    const { writeFileSync, mkdirSync } = await import('node:fs')
    mkdirSync(join(ctx.mediaDir, 'uploads', minsu.userId), { recursive: true })
    writeFileSync(
      join(ctx.mediaDir, 'uploads', minsu.userId, upload.uploadId),
      Buffer.concat([big, Buffer.alloc(5000)]),
    )
    await expectRefused(await claim(small, minsu, upload.uploadId), 'INVALID_PHOTO', /at most/)
  })
})

describe('PUT /media/uploads/:uploadId (local storage’s pre-signed PUT)', () => {
  let upload: Awaited<ReturnType<typeof startUpload>>
  let bytes: Buffer
  beforeEach(async () => {
    bytes = await jpeg(300, 200)
    upload = await startUpload(app, minsu, bytes.length)
  })
  const tamper = (name: string, value: string) => {
    const url = new URL(upload.url, 'http://api')
    url.searchParams.set(name, value)
    return `${url.pathname}${url.search}`
  }

  it('answers an upload URL with its headers, valid for 10 minutes', () => {
    assert.deepEqual(upload.headers, { 'Content-Type': 'image/jpeg' })
    assert.equal(new Date(upload.expiresAt).getTime() - ctx.clock.now().getTime(), 10 * 60_000)
    assert.match(upload.url, new RegExp(`^/media/uploads/${upload.uploadId}\\?`))
  })

  for (const [what, change, status, code] of [
    ['an expired URL', 'expired', 403, 'UPLOAD_URL_EXPIRED'],
    ['a tampered signature', 'signature', 403, 'UPLOAD_URL_INVALID'],
    ['a larger size than signed', 'size', 403, 'UPLOAD_URL_INVALID'],
    ['another type than signed', 'contentType', 403, 'UPLOAD_URL_INVALID'],
    ["someone else's key", 'user', 403, 'UPLOAD_URL_INVALID'],
    ['a later expiry than signed', 'expires', 403, 'UPLOAD_URL_INVALID'],
    ['another Content-Type header', 'header-type', 400, 'UPLOAD_TYPE_MISMATCH'],
    ['a shorter body', 'short', 400, 'UPLOAD_SIZE_MISMATCH'],
  ] as const) {
    it(`refuses ${what} with ${status} ${code} and stores nothing`, async () => {
      let res: Awaited<ReturnType<typeof app.inject>>
      if (change === 'expired') {
        ctx.clock.advance(10 * 60_000 + 1000)
        res = await putBytes(app, upload, bytes)
      } else if (change === 'header-type') {
        res = await app.inject({
          method: 'PUT',
          url: upload.url,
          headers: { 'content-type': 'image/png' },
          payload: bytes,
        })
      } else if (change === 'short') {
        res = await putBytes(app, upload, bytes.subarray(1))
      } else {
        const value = {
          signature: 'A'.repeat(43),
          size: String(bytes.length + 1),
          contentType: 'image/png',
          user: jieun.userId,
          expires: String(Math.floor(Date.parse(upload.expiresAt) / 1000) + 3600),
        }[change]
        res = await putBytes(app, upload, bytes, tamper(change, value))
      }
      assert.equal(res.statusCode, status, res.body)
      assert.equal(res.json().error.code, code)
      assert.deepEqual(media(), [])
    })
  }

  it('stores exactly the signed bytes', async () => {
    assert.equal((await putBytes(app, upload, bytes)).statusCode, 204)
    assert.deepEqual(media(), [`uploads/${minsu.userId}/${upload.uploadId}`])
    // Raw uploads are never served.
    assert.equal((await get(`/media/uploads/${minsu.userId}/${upload.uploadId}`)).statusCode, 404)
    assert.equal((await get(`/media/photos/../uploads/${minsu.userId}/${upload.uploadId}`)).statusCode, 404)
  })
})

describe('claiming uploads', () => {
  it("is only for the caller's own upload, once, after the bytes arrived", async () => {
    const bytes = await jpeg(300, 200)
    const upload = await startUpload(app, minsu, bytes.length)
    const early = await claim(app, minsu, upload.uploadId)
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().error.code, 'UPLOAD_NOT_RECEIVED')
    await putBytes(app, upload, bytes)
    const stolen = await claim(app, jieun, upload.uploadId)
    assert.equal(stolen.statusCode, 404)
    assert.equal(stolen.json().error.code, 'UPLOAD_NOT_FOUND')
    assert.equal((await claim(app, minsu, upload.uploadId)).statusCode, 201)
    assert.equal((await claim(app, minsu, upload.uploadId)).statusCode, 404)
  })

  it('allows 3 open uploads and PHOTO_MAX_COUNT photos per person', async () => {
    for (let i = 0; i < 3; i++) await startUpload(app, minsu, 1000)
    const fourth = await app.inject({
      method: 'POST',
      url: '/photos/uploads',
      headers: minsu.headers,
      payload: { contentType: 'image/jpeg', size: 1000 },
    })
    assert.equal(fourth.statusCode, 400)
    assert.match(fourth.json().error.message, /At most 3 uploads/)
    // Once the URLs have expired, they no longer count.
    ctx.clock.advance(11 * 60_000)
    const two = await ctx.build({ PHOTO_MAX_COUNT: '2' })
    const bytes = await jpeg(200, 200)
    assert.equal((await addPhoto(two, minsu, bytes)).statusCode, 201)
    assert.equal((await addPhoto(two, minsu, bytes)).statusCode, 201)
    const third = await two.inject({
      method: 'POST',
      url: '/photos/uploads',
      headers: minsu.headers,
      payload: { contentType: 'image/jpeg', size: bytes.length },
    })
    assert.equal(third.statusCode, 400)
    assert.match(third.json().error.message, /At most 2 photos/)
  })
})

/** What Jieun sees of Minsu: his profile in her recommendations. */
async function photosSeenByJieun(): Promise<string[]> {
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, jieun, minsu, week)
  const list = (await get(`/recommendations?week=${week}`, jieun)).json()
  return list[0].profile.photos
}

describe('moderation', () => {
  it('pre (default): others see only approved photos; a rejection hides the photo, deletes its files and is audited', async () => {
    const first = (await addPhoto(app, minsu, await jpeg(300, 200))).json()
    ctx.clock.advance(1000)
    const second = (await addPhoto(app, minsu, await jpeg(300, 200))).json()
    assert.deepEqual(await photosSeenByJieun(), [])
    // The owner sees both in their profile.
    assert.deepEqual((await get('/me', minsu)).json().profile.photos, [first.url, second.url])

    const queue = (await get('/admin/photos', admin)).json()
    assert.equal(queue.total, 2)
    assert.deepEqual(
      queue.items.map((p: { id: string; ownerId: string; thumbUrl: string }) => [
        p.id,
        p.ownerId,
        p.thumbUrl,
      ]),
      [
        [first.id, minsu.userId, first.thumbUrl],
        [second.id, minsu.userId, second.thumbUrl],
      ],
    )
    assert.equal((await get('/admin/photos', minsu)).statusCode, 403)

    const approved = await app.inject({
      method: 'POST',
      url: `/admin/photos/${second.id}/approve`,
      headers: admin.headers,
    })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().status, 'approved')
    assert.deepEqual(await photosSeenByJieun(), [second.url])
    const again = await app.inject({
      method: 'POST',
      url: `/admin/photos/${second.id}/approve`,
      headers: admin.headers,
    })
    assert.equal(again.statusCode, 409)

    const rejected = await app.inject({
      method: 'POST',
      url: `/admin/photos/${second.id}/reject`,
      headers: admin.headers,
      payload: { reason: '얼굴이 보이지 않아요' },
    })
    assert.equal(rejected.statusCode, 200, rejected.body)
    assert.deepEqual(await photosSeenByJieun(), [])
    assert.equal(existsSync(fileOf(second.url)), false)
    assert.equal(existsSync(fileOf(second.thumbUrl)), false)
    assert.equal((await get(second.url)).statusCode, 404)
    const mine = (await get('/photos', minsu)).json()
    assert.deepEqual(
      mine.map((p: { id: string; status: string; url: string | null; rejectionReason: string | null }) => [
        p.id,
        p.status,
        p.url,
        p.rejectionReason,
      ]),
      [
        [first.id, 'pending', first.url, null],
        [second.id, 'rejected', null, '얼굴이 보이지 않아요'],
      ],
    )
    const actions = await ctx.database.db.select().from(adminActions)
    assert.deepEqual(actions.map((a) => [a.action, a.targetId, a.adminId]).sort(), [
      ['photo.approve', second.id, admin.userId],
      ['photo.reject', second.id, admin.userId],
    ])
    assert.deepEqual(
      (await get('/admin/photos?status=rejected', admin)).json().items.map((p: { id: string }) => p.id),
      [second.id],
    )
    // The owner is told, in their feed, which photo and why; nobody else is.
    const feed = (await get('/notifications', minsu)).json()
    assert.deepEqual(
      feed.items
        .filter((n: { type: string }) => n.type === 'photo.rejected')
        .map((n: { data: unknown }) => n.data),
      [{ photoId: second.id, reason: '얼굴이 보이지 않아요' }],
    )
    const others = (await get('/notifications', jieun)).json()
    assert.equal(others.items.filter((n: { type: string }) => n.type === 'photo.rejected').length, 0)
  })

  it('post: others see pending photos too, until rejected', async () => {
    const post = await ctx.build({ PHOTO_MODERATION: 'post' })
    const photo = (await addPhoto(post, minsu, await jpeg(300, 200))).json()
    const week = weekOf(ctx.clock.now())
    await recommend(ctx.database, jieun, minsu, week)
    const seen = async () =>
      (
        await post.inject({ method: 'GET', url: `/recommendations?week=${week}`, headers: jieun.headers })
      ).json()[0].profile.photos
    assert.deepEqual(await seen(), [photo.url])
    await post.inject({
      method: 'POST',
      url: `/admin/photos/${photo.id}/reject`,
      headers: admin.headers,
      payload: { reason: 'x' },
    })
    assert.deepEqual(await seen(), [])
  })

  it('switching PHOTO_MODERATION updates what others see at start-up', async () => {
    const photo = (await addPhoto(app, minsu, await jpeg(300, 200))).json()
    assert.deepEqual(await photosSeenByJieun(), [])
    // What server.ts does at start-up.
    await applyPhotoModeration(ctx.database.db, 'post')
    const [row] = await ctx.database.db.select().from(profiles).where(eq(profiles.userId, minsu.userId))
    assert.deepEqual(row?.photos, [`photos/${minsu.userId}/${photo.id}.webp`])
  })

  it('refuses to reject twice and answers 404 for an unknown photo', async () => {
    const photo = (await addPhoto(app, minsu, await jpeg(300, 200))).json()
    const reject = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/admin/photos/${id}/reject`,
        headers: admin.headers,
        payload: { reason: '부적절' },
      })
    assert.equal((await reject(photo.id)).statusCode, 200)
    assert.equal((await reject(photo.id)).json().error.code, 'PHOTO_NOT_PENDING')
    assert.equal((await reject('00000000-0000-4000-8000-000000000000')).statusCode, 404)
    const blank = await app.inject({
      method: 'POST',
      url: `/admin/photos/${photo.id}/reject`,
      headers: admin.headers,
      payload: { reason: '  ' },
    })
    assert.equal(blank.statusCode, 400)
  })
})

describe('order, deletion and the profile', () => {
  let a: { id: string; url: string; thumbUrl: string }
  let b: { id: string; url: string; thumbUrl: string }
  let c: { id: string; url: string; thumbUrl: string }
  beforeEach(async () => {
    const post = await ctx.build({ PHOTO_MODERATION: 'post' })
    app = post
    a = (await addPhoto(app, minsu, await jpeg(200, 200))).json()
    b = (await addPhoto(app, minsu, await jpeg(200, 200))).json()
    c = (await addPhoto(app, minsu, await jpeg(200, 200))).json()
  })
  after(() => {
    app = ctx.app
  })
  const putProfile = (payload: object, who = minsu) =>
    app.inject({ method: 'PUT', url: '/profile', headers: who.headers, payload })

  it('PUT /photos/order puts the listed photos first; others follow', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/photos/order',
      headers: minsu.headers,
      payload: { ids: [c.id, a.id] },
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(
      res.json().map((p: { id: string }) => p.id),
      [c.id, a.id, b.id],
    )
    assert.deepEqual(await photosSeenByJieunOn(app), [c.url, a.url, b.url])
    const foreign = await app.inject({
      method: 'PUT',
      url: '/photos/order',
      headers: jieun.headers,
      payload: { ids: [a.id] },
    })
    assert.equal(foreign.statusCode, 400)
    assert.equal(foreign.json().error.code, 'PHOTO_NOT_OWNED')
  })

  it('PUT /profile without photos leaves them; with photos it reorders; any other URL is PHOTO_NOT_OWNED and changes nothing', async () => {
    assert.deepEqual((await putProfile({ ...validProfile, gender: 'M', nickname: '민수' })).json().photos, [
      a.url,
      b.url,
      c.url,
    ])
    const reordered = await putProfile({ ...validProfile, gender: 'M', photos: [b.url, c.url, a.url] })
    assert.equal(reordered.statusCode, 200, reordered.body)
    assert.deepEqual(reordered.json().photos, [b.url, c.url, a.url])
    assert.deepEqual(await photosSeenByJieunOn(app), [b.url, c.url, a.url])

    const jieuns = (await addPhoto(app, jieun, await jpeg(200, 200))).json()
    for (const bad of [
      'https://tracker.example.com/pixel.gif',
      'https://user:pass@cdn.example.com/a.jpg',
      jieuns.url,
      a.thumbUrl,
    ]) {
      const res = await putProfile({ ...validProfile, gender: 'M', nickname: '바뀜', photos: [a.url, bad] })
      assert.equal(res.statusCode, 400, bad)
      assert.equal(res.json().error.code, 'PHOTO_NOT_OWNED')
      assert.deepEqual(res.json().error.details, [
        { field: 'body/photos/1', message: 'is not one of your photos' },
      ])
      const me = (await app.inject({ method: 'GET', url: '/me', headers: minsu.headers })).json()
      assert.equal(me.profile.nickname, validProfile.nickname, 'profile unchanged')
      assert.deepEqual(me.profile.photos, [b.url, c.url, a.url], 'order unchanged')
    }
  })

  it("DELETE /photos/:photoId removes the photo and its files; someone else's is 404", async () => {
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/photos/${b.id}`, headers: jieun.headers })).statusCode,
      404,
    )
    const res = await app.inject({ method: 'DELETE', url: `/photos/${b.id}`, headers: minsu.headers })
    assert.equal(res.statusCode, 204)
    assert.equal(existsSync(fileOf(b.url)), false)
    assert.equal(existsSync(fileOf(b.thumbUrl)), false)
    assert.deepEqual(
      (await app.inject({ method: 'GET', url: '/photos', headers: minsu.headers }))
        .json()
        .map((p: { id: string }) => p.id),
      [a.id, c.id],
    )
    assert.deepEqual(await photosSeenByJieunOn(app), [a.url, c.url])
  })

  it('deleting the account deletes every object of the person', async () => {
    const upload = await startUpload(app, minsu, 100)
    await putBytes(app, upload, Buffer.alloc(100, 1))
    assert.equal(media().filter((f) => f.includes(minsu.userId)).length, 7)
    assert.equal((await app.inject({ method: 'DELETE', url: '/me', headers: minsu.headers })).statusCode, 204)
    assert.deepEqual(
      media().filter((f) => f.includes(minsu.userId)),
      [],
    )
    assert.equal(
      (await ctx.database.db.select().from(photos).where(eq(photos.userId, minsu.userId))).length,
      0,
    )
  })
})

async function photosSeenByJieunOn(on: FastifyInstance): Promise<string[]> {
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, jieun, minsu, week)
  return (
    await on.inject({ method: 'GET', url: `/recommendations?week=${week}`, headers: jieun.headers })
  ).json()[0].profile.photos
}

describe('housekeeping', () => {
  it('deletes uploads never claimed within a day, and bytes put again after a claim', async () => {
    const bytes = await jpeg(200, 200)
    const unclaimed = await startUpload(app, minsu, bytes.length)
    await putBytes(app, unclaimed, bytes)
    const claimed = await startUpload(app, minsu, bytes.length)
    await putBytes(app, claimed, bytes)
    const photo = (await claim(app, minsu, claimed.uploadId)).json()
    // The URL still works for its 10 minutes: the same bytes again, after the claim.
    assert.equal((await putBytes(app, claimed, bytes)).statusCode, 204)

    ctx.clock.advance(23 * 3_600_000)
    assert.deepEqual(await app.photoHousekeeping.runOnce(), { uploadsRetired: 0, objectsDeleted: 0 })
    ctx.clock.advance(2 * 3_600_000)
    const report = await app.photoHousekeeping.runOnce()
    assert.equal(report?.uploadsRetired, 2)
    assert.deepEqual(media(), [
      `photos/${minsu.userId}/${photo.id}-360.webp`,
      `photos/${minsu.userId}/${photo.id}.webp`,
    ])
    assert.equal((await ctx.database.db.select().from(photoUploads)).length, 0)
    assert.equal((await claim(app, minsu, unclaimed.uploadId)).statusCode, 404)
  })
})
