import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { SignedIn } from './context.js'

/** A photo-like JPEG: a gradient with some texture, `width`×`height`. */
export async function jpeg(
  width = 800,
  height = 600,
  options: { exif?: boolean; orientation?: number } = {},
) {
  let image = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#6688aa',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .blur(1)
    .jpeg({ quality: 85 })
  if (options.exif) {
    image = image.withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Pocket 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '37/1 33/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 58/1 4321/100',
      },
    })
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  return image.toBuffer()
}

/** Left half red, right half blue: which way up it came out shows in its pixels. */
export async function redLeftBlueRight(width: number, height: number, orientation: number) {
  const half = Math.round(width / 2)
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([
      {
        input: await sharp({ create: { width: half, height, channels: 3, background: '#ff0000' } })
          .png()
          .toBuffer(),
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .withMetadata({ orientation })
    .toBuffer()
}

export const png = (width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.8 } } })
    .png()
    .toBuffer()

export const webp = (width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: '#223344' } })
    .webp()
    .toBuffer()

/** What an iPhone writes: an ISO-BMFF file of brand heic (sharp's prebuilt libvips cannot decode it). */
export function heic(): Buffer {
  const ftyp = Buffer.alloc(24)
  ftyp.writeUInt32BE(24, 0)
  ftyp.write('ftypheic', 4, 'latin1')
  ftyp.write('mif1heic', 16, 'latin1')
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)])
}

/**
 * A decompression bomb: a PNG that declares 30000×30000 pixels (2.7 GB once decoded) in a few
 * hundred bytes (its few rows of data are enough for a decoder to start allocating).
 */
export function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(30_000, 0)
  header.writeUInt32BE(30_000, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = deflateSync(Buffer.alloc((1 + 3 * 30_000) * 4))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** Every file under `dir`, relative to it. */
export function filesIn(dir: string): string[] {
  const out: string[] = []
  const walk = (at: string) => {
    let names: string[]
    try {
      names = readdirSync(at)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path))
    }
  }
  walk(dir)
  return out.sort()
}

export interface StartedUpload {
  uploadId: string
  url: string
  headers: Record<string, string>
  expiresAt: string
}

export async function startUpload(
  app: FastifyInstance,
  who: SignedIn,
  size: number,
  contentType = 'image/jpeg',
): Promise<StartedUpload> {
  const res = await app.inject({
    method: 'POST',
    url: '/photos/uploads',
    headers: who.headers,
    payload: { contentType, size },
  })
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return res.json() as StartedUpload
}

/** The browser's part on local storage: the bytes to the pre-signed URL with exactly its headers. */
export function putBytes(app: FastifyInstance, upload: StartedUpload, bytes: Buffer, url = upload.url) {
  return app.inject({ method: 'PUT', url, headers: upload.headers, payload: bytes })
}

export function claim(app: FastifyInstance, who: SignedIn, uploadId: string) {
  return app.inject({ method: 'POST', url: '/photos', headers: who.headers, payload: { uploadId } })
}

/** Upload (local storage) and claim: the POST /photos response. */
export async function addPhoto(
  app: FastifyInstance,
  who: SignedIn,
  bytes: Buffer,
  contentType = 'image/jpeg',
) {
  const upload = await startUpload(app, who, bytes.length, contentType)
  const put = await putBytes(app, upload, bytes)
  if (put.statusCode !== 204) throw new Error(`PUT: ${put.statusCode} ${put.body}`)
  return claim(app, who, upload.uploadId)
}
