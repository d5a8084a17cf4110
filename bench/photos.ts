/**
 * npm run bench:photos — photos processed per second and peak memory for 12-megapixel JPEGs, and
 * the upload-to-visible latency through the HTTP API.
 *
 *   npm run bench:photos                         # tuned settings (the API's defaults), both parts
 *   npm run bench:photos -- --effort 4 --concurrency 1 --threads 0   # sharp's defaults (threads 0: sharp's own)
 *   npm run bench:photos -- --part throughput --photos 40
 *
 * Throughput: `--photos` JPEGs of 4000×3000 (made once, cached under .cache/bench-photos) through
 * the API's own pipeline (content checks, decode, orientation, 1440 px + 360 px WebP, watermark),
 * `--concurrency` at a time; peak RSS is the process's high-water mark (VmHWM). Latency: the API on
 * PGlite with local storage and PHOTO_MODERATION=post, one person at a time asks for an upload,
 * PUTs the file, claims it, and another person's recommendations show it: each step timed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/core/config.js'
import { openDatabase } from '../src/core/db/client.js'
import { runMigrations } from '../src/core/db/migrate.js'
import { weekOf } from '../src/core/time.js'
import { createPhotoProcessor, setImageThreads } from '../src/modules/photos/photo-image.js'

const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    photos: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '2' },
    threads: { type: 'string', default: '1' },
    effort: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '10' },
  },
})
const PHOTOS = Number(args.photos)
const CONCURRENCY = Number(args.concurrency)
const THREADS = Number(args.threads)
const EFFORT = Number(args.effort)
const PORT = Number(process.env.BENCH_PHOTOS_PORT ?? 57171)

/** Camera-like 12 MP JPEGs: texture, gradients and shapes, quality 90, with EXIF (≈ 3–4 MB each). */
async function samples(): Promise<Buffer[]> {
  const dir = join(process.cwd(), '.cache', 'bench-photos')
  mkdirSync(dir, { recursive: true })
  const out: Buffer[] = []
  for (let i = 0; i < 3; i++) {
    const path = join(dir, `sample-${i}.jpg`)
    if (!existsSync(path)) {
      const w = 4000
      const h = 3000
      const shapes = Array.from({ length: 40 }, (_, k) => {
        const x = (k * 977 + i * 331) % w
        const y = (k * 613 + i * 197) % h
        const hue = (k * 37 + i * 90) % 360
        return `<circle cx="${x}" cy="${y}" r="${120 + ((k * 53) % 500)}" fill="hsl(${hue},60%,55%)" fill-opacity="0.6"/>`
      }).join('')
      const base = await sharp({
        create: {
          width: w,
          height: h,
          channels: 3,
          background: '#777',
          noise: { type: 'gaussian', mean: 128, sigma: 45 },
        },
      })
        .png()
        .toBuffer()
      const image = await sharp(base)
        .blur(1.2)
        .composite([
          { input: Buffer.from(`<svg width="${w}" height="${h}">${shapes}</svg>`), blend: 'overlay' },
        ])
        .withExif({ IFD0: { Make: 'BenchCam', Model: 'M12' } })
        .jpeg({ quality: 90 })
        .toBuffer()
      writeFileSync(path, image)
    }
    out.push(readFileSync(path))
  }
  return out
}

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

async function throughput(images: Buffer[]) {
  if (THREADS > 0) setImageThreads(THREADS)
  const processor = createPhotoProcessor({
    maxPixels: 60_000_000,
    watermarkText: 'SHH Match',
    concurrency: CONCURRENCY,
    effort: EFFORT,
  })
  // One photo first: the font and libvips warm up outside the timed part.
  await processor.processPhoto(images[0] as Buffer)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: PHOTOS }, (_, i) => processor.processPhoto(images[i % images.length] as Buffer)),
  )
  const seconds = (performance.now() - started) / 1000
  return { photosPerSecond: PHOTOS / seconds, seconds, peakRssMb: peakRssMb() }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

async function latency(images: Buffer[]) {
  const mediaDir = await mkdtemp(join(tmpdir(), 'bench-photos-media-'))
  const database = await openDatabase('pglite://memory')
  await runMigrations(database)
  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    MEDIA_DIR: mediaDir,
    PHOTO_MODERATION: 'post',
    PHOTO_CONCURRENCY: String(CONCURRENCY),
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_STRICT_MAX: '1000000',
  })
  if (THREADS > 0) setImageThreads(THREADS)
  const app = await buildApp({ config, database })
  await app.listen({ port: PORT, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.status === 204 ? null : res.json()
  }
  const signIn = async (kakaoUserId: string) =>
    (await call('POST', '/auth/sync-kakao', undefined, { kakaoUserId })) as {
      jwt: string
      user: { id: string }
    }
  const viewer = await signIn('900000')
  await call('PUT', '/profile', viewer.jwt, { nickname: '보는사람', gender: 'F', birthYear: 1995 })
  const week = weekOf(new Date())
  const steps: Record<'ask' | 'put' | 'claim' | 'visible' | 'total', number[]> = {
    ask: [],
    put: [],
    claim: [],
    visible: [],
    total: [],
  }
  const rounds = Number(args.rounds)
  for (let i = 0; i < rounds; i++) {
    const owner = await signIn(String(910000 + i))
    await call('PUT', '/profile', owner.jwt, { nickname: `사람${i}`, gender: 'M', birthYear: 1993 })
    // The owner joins the end of the viewer's list for the week.
    await database.db.execute(sql`
      INSERT INTO recommendation_lists AS l (user_id, batch_week, targets, scores)
      SELECT ${viewer.user.id}::uuid, ${week}, ARRAY[seq], ARRAY[500]::smallint[] FROM users WHERE id = ${owner.user.id}::uuid
      ON CONFLICT (user_id, batch_week) DO UPDATE
      SET targets = l.targets || excluded.targets, scores = l.scores || excluded.scores`)
    const bytes = images[i % images.length] as Buffer
    const t0 = performance.now()
    const upload = (await call('POST', '/photos/uploads', owner.jwt, {
      contentType: 'image/jpeg',
      size: bytes.length,
    })) as {
      uploadId: string
      url: string
      headers: Record<string, string>
    }
    const t1 = performance.now()
    const put = await fetch(`${base}${upload.url}`, {
      method: 'PUT',
      headers: upload.headers,
      body: new Uint8Array(bytes),
    })
    if (put.status !== 204) throw new Error(`PUT ${put.status}`)
    const t2 = performance.now()
    const photo = (await call('POST', '/photos', owner.jwt, { uploadId: upload.uploadId })) as { url: string }
    const t3 = performance.now()
    const list = (await call('GET', `/recommendations?week=${week}`, viewer.jwt)) as Array<{
      targetUserId: string
      profile: { photos: string[] }
    }>
    const shown = list.find((r) => r.targetUserId === owner.user.id)?.profile.photos.includes(photo.url)
    const served = await fetch(`${base}${photo.url}`)
    await served.arrayBuffer()
    if (!shown || served.status !== 200) throw new Error('photo not visible')
    const t4 = performance.now()
    steps.ask.push(t1 - t0)
    steps.put.push(t2 - t1)
    steps.claim.push(t3 - t2)
    steps.visible.push(t4 - t3)
    steps.total.push(t4 - t0)
  }
  await app.close()
  await database.close()
  await rm(mediaDir, { recursive: true, force: true })
  return Object.fromEntries(
    Object.entries(steps).map(([k, v]) => [
      k,
      { p50: Math.round(percentile(v, 50)), p95: Math.round(percentile(v, 95)) },
    ]),
  )
}

const images = await samples()
const settings = { concurrency: CONCURRENCY, threads: THREADS || 'sharp default', effort: EFFORT }
console.log(
  `12 MP JPEGs of ${images.map((b) => (b.length / 1e6).toFixed(1)).join(', ')} MB; settings ${JSON.stringify(settings)}`,
)
if (args.part === 'all' || args.part === 'throughput') {
  const t = await throughput(images)
  console.log(
    `throughput: ${t.photosPerSecond.toFixed(2)} photos/s (${PHOTOS} photos in ${t.seconds.toFixed(1)} s), peak RSS ${t.peakRssMb} MB`,
  )
}
if (args.part === 'all' || args.part === 'latency') {
  const l = await latency(images)
  console.log(`upload-to-visible latency (ms, p50/p95 over ${args.rounds}): ${JSON.stringify(l)}`)
}
