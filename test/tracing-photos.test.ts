import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SpanKind } from '@opentelemetry/api'
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace'
import type { FastifyInstance } from 'fastify'
import { startTracing } from '../src/core/observability/tracing.js'
import type { TestContext } from './helpers/context.js'
import type { TestS3 as TestS3Type } from './helpers/s3.js'

/**
 * Photos on S3 with tracing on (the SDK started before the app's modules, as the preload does):
 * storage calls are outbound spans under the request, and none of them names an object key (keys
 * hold user ids) or the pre-signed URL.
 */
const exporter = new InMemorySpanExporter()
await startTracing({}, { spanProcessors: [new SimpleSpanProcessor({ exporter })] })
const { createTestContext, signIn } = await import('./helpers/context.js')
const { TestS3 } = await import('./helpers/s3.js')
const { claim, jpeg, startUpload } = await import('./helpers/photos.js')

let ctx: TestContext
let s3: TestS3Type
let app: FastifyInstance
before(async () => {
  s3 = await TestS3.start()
  ctx = await createTestContext()
  ctx.clock.set(new Date())
  app = await ctx.build(s3.env())
})
after(async () => {
  await ctx.close()
  await s3.stop()
})

function textsOf(span: ReadableSpan): string[] {
  const values = (attributes: object | undefined) =>
    Object.entries(attributes ?? {}).flatMap(([key, value]) => [key, JSON.stringify(value)])
  return [
    span.name,
    ...values(span.attributes),
    ...span.events.flatMap((e) => [e.name, ...values(e.attributes)]),
  ]
}

describe('tracing photos on S3', () => {
  it('records storage calls under the request by origin only: no key, user id or upload id', async () => {
    const user = await signIn(app, '4242')
    const bytes = await jpeg(400, 300)
    const upload = await startUpload(app, user, bytes.length)
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: new Uint8Array(bytes),
    })
    assert.equal(put.status, 200)
    const res = await claim(app, user, upload.uploadId)
    assert.equal(res.statusCode, 201, res.body)
    const photo = res.json()
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/photos/${photo.id}`, headers: user.headers })).statusCode,
      204,
    )

    const spans = exporter.getFinishedSpans()
    // The API's traces (the test's own fetch above is a trace of its own).
    const apiTraces = new Set(
      spans.filter((s) => s.kind === SpanKind.SERVER).map((s) => s.spanContext().traceId),
    )
    const api = spans.filter((s) => apiTraces.has(s.spanContext().traceId))
    const storage = api.filter(
      (s) => s.kind === SpanKind.CLIENT && String(s.attributes['url.full'] ?? '').startsWith(s3.endpoint),
    )
    // GET of the upload, PUT of both files, deletion of the upload, deletion of the photo.
    assert.ok(storage.length >= 4, `storage spans: ${storage.length}`)
    for (const span of storage) assert.equal(span.attributes['url.full'], s3.endpoint)
    for (const span of api) {
      for (const text of textsOf(span)) {
        for (const secret of [
          user.userId,
          upload.uploadId,
          photo.id,
          'X-Amz-Signature',
          'X-Amz-Credential',
        ]) {
          assert.ok(!text.includes(secret), `${span.name}: ${text} holds ${secret}`)
        }
      }
    }
  })
})
