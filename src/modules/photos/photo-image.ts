import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import sharp, { type Metadata, type OutputInfo } from 'sharp'
import { extraContent, IMAGE_TYPES, type ImageType, sniffImageType } from './photo-format.js'

/** The long side of a photo as shown, and of its thumbnail. */
export const PHOTO_SIZE = 1440
export const THUMB_SIZE = 360

/** Why a file is not taken as a photo (400 INVALID_PHOTO), in words for the person who sent it. */
export class InvalidPhoto extends Error {
  override name = 'InvalidPhoto'
}

export interface ProcessedPhoto {
  /** The photo as shown: WebP, at most PHOTO_SIZE px on its long side, upright, watermarked, no metadata. */
  main: Buffer
  thumb: Buffer
  width: number
  height: number
  /** What the upload turned out to be (by its content). */
  sourceType: ImageType
}

export interface PhotoProcessorOptions {
  /** Refused above this many pixels, before anything is decoded (a decompression bomb). */
  maxPixels: number
  /** Empty: no watermark. */
  watermarkText: string
  /** Photos processed at once; more wait their turn. */
  concurrency: number
  /** WebP effort 0–6 (slower is a little smaller). */
  effort?: number
  quality?: number
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * The watermark is SVG text drawn by librsvg, which finds fonts through fontconfig. To draw the same
 * text on every machine (slim container images have no fonts at all), fontconfig is pointed at the
 * font the project ships (DejaVu Sans, from the dejavu-fonts-ttf package) and nothing else.
 */
function useShippedFont(): void {
  const require = createRequire(import.meta.url)
  const fontDir = dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))
  const dir = join(tmpdir(), `shh-match-fontconfig-${process.getuid?.() ?? 0}`)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${xml(fontDir)}</dir>\n  <cachedir>${xml(join(dir, 'cache'))}</cachedir>\n</fontconfig>\n`,
  )
  process.env.FONTCONFIG_FILE = file
}

/** Subtle: small, translucent white with a faint outline, in the bottom-right corner. */
function watermark(text: string, width: number, height: number): Buffer | null {
  if (!text) return null
  const fontSize = Math.max(11, Math.round(Math.min(width, height) * 0.04))
  const margin = Math.round(fontSize * 0.7)
  const boxWidth = Math.ceil(fontSize * 0.72 * text.length + margin * 2)
  const boxHeight = Math.ceil(fontSize * 1.4 + margin)
  if (boxWidth > width || boxHeight > height) return null
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${boxWidth}" height="${boxHeight}">` +
      `<text x="${boxWidth - margin}" y="${boxHeight - margin}" text-anchor="end" font-family="DejaVu Sans" ` +
      `font-weight="bold" font-size="${fontSize}" fill="#ffffff" fill-opacity="0.45" stroke="#000000" ` +
      `stroke-opacity="0.2" stroke-width="${Math.max(1, fontSize / 18).toFixed(1)}" paint-order="stroke">` +
      `${xml(text)}</text></svg>`,
  )
}

/** A simple counting semaphore: libvips is already multi-threaded, so photos queue rather than pile up. */
function limiter(slots: number) {
  let free = slots
  const waiting: Array<() => void> = []
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free--
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else free++
    }
  }
}

export function createPhotoProcessor(options: PhotoProcessorOptions) {
  useShippedFont()
  // The operation cache keeps decoded images around for reuse that never comes here: memory for nothing.
  sharp.cache(false)
  const quality = options.quality ?? 80
  const effort = options.effort ?? 2
  const run = limiter(options.concurrency)

  async function encode(
    pixels: Buffer,
    raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 },
    size: number,
  ): Promise<{ data: Buffer; width: number; height: number }> {
    let image = sharp(pixels, { raw })
    let { width, height } = raw
    if (Math.max(width, height) > size) {
      const scale = size / Math.max(width, height)
      width = Math.max(1, Math.round(width * scale))
      height = Math.max(1, Math.round(height * scale))
      image = image.resize(width, height, { fit: 'fill' })
    }
    const mark = watermark(options.watermarkText, width, height)
    if (mark) image = image.composite([{ input: mark, gravity: 'southeast' }])
    const data = await image.webp({ quality, effort }).toBuffer()
    return { data, width, height }
  }

  /**
   * Checks the upload by its content and turns it into the published WebP files. Throws InvalidPhoto
   * for anything that is not exactly one JPEG, PNG or WebP image within the pixel limit.
   */
  async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
    const sniffed = sniffImageType(bytes)
    if (!sniffed.ok) throw new InvalidPhoto(sniffed.reason)
    const extra = extraContent(bytes, sniffed.type)
    if (extra) throw new InvalidPhoto(extra)
    return run(async () => {
      let meta: Metadata
      try {
        // Headers only: the pixel count is known before anything is decoded.
        meta = await sharp(bytes, { limitInputPixels: false }).metadata()
      } catch {
        throw new InvalidPhoto(`The ${sniffed.type.toUpperCase()} image cannot be read`)
      }
      if (meta.format !== sniffed.type) {
        throw new InvalidPhoto(`The file is not a readable ${IMAGE_TYPES[sniffed.type]} image`)
      }
      const pixels = (meta.width ?? 0) * (meta.height ?? 0)
      if (pixels > options.maxPixels) {
        throw new InvalidPhoto(
          `The image has ${meta.width}×${meta.height} pixels; at most ${(options.maxPixels / 1e6).toFixed(0)} million are accepted`,
        )
      }
      let decoded: { data: Buffer; info: OutputInfo }
      try {
        decoded = await sharp(bytes, {
          limitInputPixels: options.maxPixels,
          failOn: 'error',
          autoOrient: true,
        })
          .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'inside', withoutEnlargement: true })
          .toColourspace('srgb')
          .raw({ depth: 'uchar' })
          .toBuffer({ resolveWithObject: true })
      } catch {
        throw new InvalidPhoto(`The ${sniffed.type.toUpperCase()} image is damaged and cannot be decoded`)
      }
      const raw = {
        width: decoded.info.width,
        height: decoded.info.height,
        channels: decoded.info.channels as 1 | 2 | 3 | 4,
      }
      const [main, thumb] = await Promise.all([
        encode(decoded.data, raw, PHOTO_SIZE),
        encode(decoded.data, raw, THUMB_SIZE),
      ])
      return {
        main: main.data,
        thumb: thumb.data,
        width: main.width,
        height: main.height,
        sourceType: sniffed.type,
      }
    })
  }

  return { processPhoto }
}

export type PhotoProcessor = ReturnType<typeof createPhotoProcessor>

/** libvips threads per image: set once for the process (sharp's setting is global). */
export function setImageThreads(threads: number): void {
  sharp.concurrency(threads)
}
