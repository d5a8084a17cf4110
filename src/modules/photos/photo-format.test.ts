import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { heic, jpeg, png, webp } from '../../../test/helpers/photos.js'
import { extraContent, sniffImageType } from './photo-format.js'

/** An MP4 as a Motion Photo carries it: boxes (ftyp, then mdat) that end where the file ends. */
function mp4(): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(8 + body.length)
    head.write(type, 4, 'latin1')
    return Buffer.concat([head, body])
  }
  return Buffer.concat([
    box('ftyp', Buffer.from('mp42\0\0\0\0isommp42', 'latin1')),
    box('mdat', Buffer.alloc(500, 9)),
  ])
}

describe('what a file is, by its bytes', () => {
  it('knows JPEG, PNG and WebP, and names HEIC', async () => {
    assert.deepEqual(sniffImageType(await jpeg(20, 20)), { ok: true, type: 'jpeg' })
    assert.deepEqual(sniffImageType(await png(20, 20)), { ok: true, type: 'png' })
    assert.deepEqual(sniffImageType(await webp(20, 20)), { ok: true, type: 'webp' })
    const refused = sniffImageType(heic())
    assert.equal(refused.ok, false)
    assert.match((refused as { reason: string }).reason, /HEIC/)
    assert.equal(sniffImageType(Buffer.from('GIF89a....')).ok, false)
    assert.equal(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).ok, false)
  })
})

describe('one image and nothing else', () => {
  it('accepts a plain JPEG, PNG and WebP', async () => {
    assert.equal(extraContent(await jpeg(50, 40), 'jpeg'), null)
    assert.equal(extraContent(await png(50, 40), 'png'), null)
    assert.equal(extraContent(await webp(50, 40), 'webp'), null)
  })

  it('accepts what phones append: further JPEGs (Ultra HDR gain map, MPF), a Motion Photo MP4, zero padding', async () => {
    const main = await jpeg(60, 40)
    assert.equal(extraContent(Buffer.concat([main, await jpeg(30, 20)]), 'jpeg'), null)
    assert.equal(extraContent(Buffer.concat([main, mp4()]), 'jpeg'), null)
    assert.equal(extraContent(Buffer.concat([main, await jpeg(30, 20), mp4()]), 'jpeg'), null)
    assert.equal(extraContent(Buffer.concat([main, Buffer.alloc(64)]), 'jpeg'), null)
  })

  it('refuses anything else after the image, and broken structure', async () => {
    const main = await jpeg(60, 40)
    for (const tail of [
      Buffer.from('<script>alert(1)</script>'),
      Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(50, 1)]),
      Buffer.concat([mp4(), Buffer.from('<html>')]),
      Buffer.concat([Buffer.alloc(10), Buffer.from('x')]),
    ]) {
      assert.match(extraContent(Buffer.concat([main, tail]), 'jpeg') ?? '', /after it/)
    }
    assert.match(
      extraContent(Buffer.concat([await png(20, 20), Buffer.from('<html>')]), 'png') ?? '',
      /after it/,
    )
    assert.match(
      extraContent(Buffer.concat([await webp(20, 20), Buffer.from('<html>')]), 'webp') ?? '',
      /after it/,
    )
    assert.match(extraContent(main.subarray(0, main.length - 10), 'jpeg') ?? '', /damaged/)
    assert.match(extraContent((await png(20, 20)).subarray(0, 30), 'png') ?? '', /damaged/)
  })
})
