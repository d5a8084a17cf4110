/**
 * What an uploaded file really is, read from its bytes (never from its name or Content-Type), and
 * whether it is one image and nothing else.
 */
export type ImageType = 'jpeg' | 'png' | 'webp'

export const IMAGE_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

export type Sniffed = { ok: true; type: ImageType } | { ok: false; reason: string }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'])

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1')

/** The file's type by its leading bytes. */
export function sniffImageType(bytes: Buffer): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { ok: true, type: 'jpeg' }
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { ok: true, type: 'png' }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { ok: true, type: 'webp' }
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) {
    return {
      ok: false,
      reason:
        'HEIC/HEIF photos are not accepted: upload a JPEG (iPhones convert to JPEG when a browser uploads; otherwise set the camera to "Most Compatible")',
    }
  }
  return { ok: false, reason: 'The file is not a JPEG, PNG or WebP image' }
}

/**
 * Where the image stream that starts the file ends, by walking its structure (JPEG markers, PNG
 * chunks, the RIFF length). Null when the structure is broken.
 */
export function imageEnd(bytes: Buffer, type: ImageType, start = 0): number | null {
  if (type === 'png') return pngEnd(bytes, start)
  if (type === 'webp') return webpEnd(bytes, start)
  return jpegEnd(bytes, start)
}

function pngEnd(bytes: Buffer, start: number): number | null {
  let at = start + 8
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = ascii(bytes, at + 4, at + 8)
    const next = at + 12 + length
    if (next > bytes.length) return null
    if (type === 'IEND') return next
    at = next
  }
  return null
}

function webpEnd(bytes: Buffer, start: number): number | null {
  if (start + 12 > bytes.length) return null
  const size = bytes.readUInt32LE(start + 4)
  const end = start + 8 + size + (size % 2)
  return end <= bytes.length ? end : null
}

function jpegEnd(bytes: Buffer, start: number): number | null {
  let at = start + 2
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] as number
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9) return at + 2 // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (at + 4 > bytes.length) return null
    const length = bytes.readUInt16BE(at + 2)
    if (length < 2) return null
    at += 2 + length
    if (marker !== 0xda) continue
    // Entropy-coded data after a start of scan runs to the next marker that is not a stuffed 0xFF00
    // or a restart marker.
    for (;;) {
      const ff = bytes.indexOf(0xff, at)
      if (ff < 0 || ff + 1 >= bytes.length) return null
      const next = bytes[ff + 1] as number
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        at = ff + (next === 0xff ? 1 : 2)
        continue
      }
      at = ff
      break
    }
  }
  return null
}

/** An ISO-BMFF file (MP4) laid out as boxes that end exactly at the end of `bytes`. */
function isIsoBmff(bytes: Buffer, start: number): boolean {
  if (ascii(bytes, start + 4, start + 8) !== 'ftyp') return false
  let at = start
  while (at + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(at)
    if (size === 1) {
      if (at + 16 > bytes.length) return false
      size = Number(bytes.readBigUInt64BE(at + 8))
    }
    if (size < 8) return false
    at += size
  }
  return at === bytes.length
}

/**
 * Null when the file is exactly one image; else why not. After the image may come only what phones
 * write there themselves: further JPEG images (Multi-Picture Format: Ultra HDR gain maps, depth
 * maps), a Motion Photo's MP4, zero padding. Anything else (an archive, HTML, a script: a polyglot)
 * refuses the file.
 */
export function extraContent(bytes: Buffer, type: ImageType): string | null {
  const end = imageEnd(bytes, type)
  if (end === null) return `The ${type.toUpperCase()} image is damaged or incomplete`
  let at = end
  while (at < bytes.length) {
    if (type === 'jpeg' && bytes[at] === 0xff && bytes[at + 1] === 0xd8 && bytes[at + 2] === 0xff) {
      const next = jpegEnd(bytes, at)
      if (next === null) break
      at = next
      continue
    }
    if (type === 'jpeg' && isIsoBmff(bytes, at)) return null
    if (bytes.subarray(at).every((b) => b === 0)) return null
    break
  }
  return at >= bytes.length
    ? null
    : 'The file holds something other than the image after it (another file appended to it); upload the photo alone'
}
