import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type Attributes,
  context,
  type Link,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer'
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace'
import { protobufSpanExporter, protobufSpanSerializer } from '../src/core/observability/otlp-protobuf.js'
import { OtlpReceiver } from './helpers/otlp-receiver.js'

/**
 * The exporter's encoder must write exactly the bytes of the maintained one (`ProtobufTraceSerializer`),
 * whatever the spans hold: every field of the span, event, link and status messages, every attribute
 * type, strings whose lengths cross each varint boundary, several resources and scopes.
 */
function same(spans: ReadableSpan[]): void {
  const ours = Buffer.from(protobufSpanSerializer.serializeRequest(spans) as Uint8Array)
  const stock = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans) as Uint8Array)
  if (!ours.equals(stock)) {
    let at = 0
    while (at < ours.length && ours[at] === stock[at]) at++
    assert.fail(
      `encodings differ at byte ${at} of ${stock.length} (ours ${ours.length}): ` +
        `ours ${ours.subarray(at, at + 16).toString('hex')}, stock ${stock.subarray(at, at + 16).toString('hex')}`,
    )
  }
}

function recorder(limits = {}) {
  const exporter = new InMemorySpanExporter()
  const provider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    spanLimits: limits,
  })
  return { exporter, tracer: provider.getTracer('shh-test', '1.2.3') }
}

const lengths = [0, 1, 127, 128, 129, 16_383, 16_384, 16_385, 2_097_152]

describe('OTLP protobuf encoding', () => {
  it('writes the stock encoder’s bytes for a traced request and its statements', () => {
    const { exporter, tracer } = recorder()
    const statement = `select "id", "seq" from "users" where "users"."id" = $1 ${'and true '.repeat(150)}`
    for (let i = 0; i < 300; i++) {
      const request = tracer.startSpan('GET /recommendations', {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': 'GET', 'url.path': '/recommendations' },
      })
      const inside = trace.setSpan(ROOT_CONTEXT, request)
      const query = tracer.startSpan(
        'pg.query:recs_list_newest shh',
        {
          kind: SpanKind.CLIENT,
          attributes: { 'db.query.text': statement, 'server.port': 5432, 'db.system.name': 'postgresql' },
        },
        inside,
      )
      query.end()
      request.setAttributes({ 'http.response.status_code': i % 7 ? 200 : 500, 'http.request.id': `r-${i}` })
      if (i % 7 === 0) request.setStatus({ code: SpanStatusCode.ERROR })
      request.end()
    }
    const spans = exporter.getFinishedSpans()
    assert.equal(spans.length, 600)
    same(spans)
    same(spans.slice(0, 1))
    same([])
  })

  it('writes the stock encoder’s bytes for every attribute type and string length', () => {
    const { exporter, tracer } = recorder()
    const values: Attributes = {
      empty: '',
      korean: '서울 강남구 — 추천 목록',
      emoji: '👩‍❤️‍👨 match',
      loneSurrogate: 'half \ud800 a pair',
      yes: true,
      no: false,
      zero: 0,
      small: 127,
      varint: 300,
      uint32: 4_294_967_295,
      beyond32: 4_294_967_296,
      large: 2 ** 53 - 1,
      negative: -1,
      veryNegative: -(2 ** 40) - 7,
      float: 0.25,
      negativeFloat: -1234.5678,
      huge: 2 ** 70,
      infinite: Number.POSITIVE_INFINITY,
      notANumber: Number.NaN,
      strings: ['a', '', '한국어'],
      numbers: [1, -2, 3.5],
      booleans: [true, false],
      withNulls: ['a', null, 'b'] as unknown as string[],
      emptyArray: [],
    }
    for (const length of lengths) values[`ascii${length}`] = 'x'.repeat(length)
    for (const length of [42, 5_462]) values[`threeBytes${length}`] = '가'.repeat(length)
    const span = tracer.startSpan('attributes', { attributes: values })
    span.end()
    same(exporter.getFinishedSpans())
  })

  it('writes the stock encoder’s bytes for events, links, statuses, trace state and remote parents', () => {
    const { exporter, tracer } = recorder({
      attributeCountLimit: 3,
      eventCountLimit: 2,
      linkCountLimit: 1,
    })
    const carrier = {
      traceparent: '00-5bd66ef5095369c7b0d1f8f4bd33716a-051581bf3cb55c13-01',
      tracestate: 'shh=abc,other=1',
    }
    const remote = new W3CTraceContextPropagator().extract(ROOT_CONTEXT, carrier, {
      get: (c, key) => c[key as keyof typeof c],
      keys: (c) => Object.keys(c),
    })
    const linked: Link = {
      context: {
        traceId: 'a'.repeat(32),
        spanId: 'b'.repeat(16),
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
        traceState: trace.getSpanContext(remote)?.traceState,
      },
      attributes: { reason: 'started by', n: 1 },
    }
    const span = tracer.startSpan(
      'weekly batch',
      {
        kind: SpanKind.INTERNAL,
        links: [linked, { context: linked.context }],
        attributes: { a: 1, b: 2, c: 3, d: 4 },
      },
      remote,
    )
    span.addEvent('phase', { rows: 10, name: 'load' })
    span.addEvent('phase without attributes')
    span.addEvent('dropped')
    span.setStatus({ code: SpanStatusCode.ERROR, message: '실패: timeout' })
    span.end()
    context.with(trace.setSpan(ROOT_CONTEXT, span), () => {
      const child = tracer.startSpan('producer', { kind: SpanKind.PRODUCER })
      child.setStatus({ code: SpanStatusCode.OK })
      child.end()
      tracer.startSpan('consumer', { kind: SpanKind.CONSUMER }).end()
    })
    const spans = exporter.getFinishedSpans()
    assert.equal(spans[0]?.droppedAttributesCount, 1)
    assert.equal(spans[0]?.droppedEventsCount, 1)
    assert.equal(spans[0]?.droppedLinksCount, 1)
    same(spans)
  })

  it('writes the stock encoder’s bytes across several resources and scopes, and for wire-only values', () => {
    const { exporter, tracer } = recorder()
    const other = recorder().tracer
    tracer.startSpan('one').end()
    const first = exporter.getFinishedSpans()[0] as ReadableSpan
    const fake = (overrides: Partial<ReadableSpan>): ReadableSpan => ({
      name: first.name,
      kind: first.kind,
      spanContext: () => first.spanContext(),
      parentSpanContext: first.parentSpanContext,
      startTime: first.startTime,
      endTime: first.endTime,
      status: first.status,
      attributes: first.attributes,
      links: first.links,
      events: first.events,
      duration: first.duration,
      ended: first.ended,
      resource: first.resource,
      instrumentationScope: first.instrumentationScope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
      ...overrides,
    })
    const resource = {
      ...first.resource,
      attributes: { 'service.name': 'elsewhere' },
      schemaUrl: 'https://opentelemetry.io/schemas/1.30.0',
    }
    const scope = { name: 'scoped', version: '', schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' }
    const wireOnly = {
      bytes: new Uint8Array([0, 1, 254, 255]),
      list: { nested: 'yes', depth: { n: 2 } },
    } as unknown as Attributes
    other.startSpan('from another provider').end()
    same([
      first,
      fake({ resource: resource as ReadableSpan['resource'], name: 'moved' }),
      fake({ instrumentationScope: scope }),
      fake({ attributes: wireOnly, startTime: [1_700_000_000, 999_999_999], endTime: [4_102_444_800, 1] }),
      fake({ name: 'late', resource: resource as ReadableSpan['resource'] }),
      fake({ startTime: [0, 0], endTime: [0, 5] }),
      // What the SDK leaves out but another producer may set.
      fake({
        links: [
          { context: first.spanContext(), attributes: { n: 1 }, droppedAttributesCount: 2 },
          // The API takes hex ids in either case.
          { context: { traceId: 'ABCDEF0123456789'.repeat(2), spanId: 'FEDCBA9876543210', traceFlags: 0 } },
        ],
        events: [{ name: 'e', time: [1, 2], attributes: { n: 1 }, droppedAttributesCount: 3 }],
        droppedAttributesCount: 4,
        droppedEventsCount: 5,
        droppedLinksCount: 6,
      }),
    ])
  })

  it('is sent by the exporter with the standard variables, gzip included', async () => {
    const collector = await OtlpReceiver.start()
    const saved = { ...process.env }
    try {
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.endpoint
      process.env.OTEL_EXPORTER_OTLP_HEADERS = 'x-tenant=shh'
      for (const compression of ['none', 'gzip']) {
        process.env.OTEL_EXPORTER_OTLP_COMPRESSION = compression
        const exporter = protobufSpanExporter()
        const { exporter: memory, tracer } = recorder()
        tracer.startSpan(`exported with ${compression}`, { attributes: { n: 1 } }).end()
        const result = await new Promise<{ code: number }>((resolve) =>
          exporter.export(memory.getFinishedSpans(), resolve),
        )
        assert.equal(result.code, 0)
        await exporter.shutdown()
      }
      assert.deepEqual(collector.encodings, ['identity', 'gzip'])
      assert.deepEqual(
        collector.headers.map((h) => h['x-tenant']),
        ['shh', 'shh'],
      )
      assert.deepEqual(
        collector.spans.map((s) => [s.name, s.scope, s.attributes.n]),
        [
          ['exported with none', 'shh-test', 1],
          ['exported with gzip', 'shh-test', 1],
        ],
      )
    } finally {
      process.env = saved
      await collector.stop()
    }
  })
})
