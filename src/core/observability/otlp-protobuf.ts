/**
 * The OTLP/HTTP protobuf span exporter, with a faster encoder than the stock one.
 *
 * Everything but the encoding is the maintained exporter's: the OTEL_EXPORTER_OTLP_* variables
 * (endpoint, headers, timeout, compression), the HTTP transport, retries, the bounded queue of
 * exports and the decoding of the collector's answer. The encoding writes the same bytes as
 * `ProtobufTraceSerializer` from `@opentelemetry/otlp-transformer` (the test compares them byte for
 * byte), in one pass with Node's native string encoder: the stock writer measures every string,
 * then checks it and copies it one character at a time, so a span carrying a 1.5 KB statement
 * costs more to encode than to record (bench/README.md, "Tracing").
 *
 * Loaded only when tracing is on (tracing.ts imports it lazily).
 */

import type { Attributes, HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api'
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base'
import {
  convertLegacyHttpOptions,
  createOtlpHttpExportDelegate,
} from '@opentelemetry/otlp-exporter-base/node-http'
import {
  type IExportTraceServiceResponse,
  type ISerializer,
  ProtobufTraceSerializer,
  TraceExporterMetricsHelper,
} from '@opentelemetry/otlp-transformer'
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace'

type Resource = ReadableSpan['resource']
type Scope = ReadableSpan['instrumentationScope']

/** OTLP/HTTP protobuf to `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, as the stock proto exporter does. */
export function protobufSpanExporter(): SpanExporter {
  return new OTLPExporterBase<ReadableSpan[]>(
    createOtlpHttpExportDelegate(
      convertLegacyHttpOptions({}, 'TRACES', 'v1/traces', { 'Content-Type': 'application/x-protobuf' }),
      protobufSpanSerializer,
      // The component type the stock exporter reports itself as (semantic conventions).
      'otlp_http_span_exporter',
      TraceExporterMetricsHelper,
      undefined,
    ),
  )
}

export const protobufSpanSerializer: ISerializer<ReadableSpan[], IExportTraceServiceResponse> = {
  serializeRequest: (spans) => encodeExportRequest(spans),
  deserializeResponse: (data) => ProtobufTraceSerializer.deserializeResponse(data),
}

// Wire types.
const VARINT = 0
const FIXED64 = 1
const LENGTH_DELIMITED = 2
const FIXED32 = 5

/** Span flags (opentelemetry-proto): the parent's remoteness is known, and whether it was remote. */
const HAS_IS_REMOTE = 0x100
const IS_REMOTE = 0x200

const MIN_INT64 = -(2 ** 63)
const MAX_INT64 = 2 ** 63

/**
 * A growing buffer. A message's length comes before it, so one byte is reserved for it (most are
 * short) and the message is moved up when its length needs more.
 */
class Writer {
  buf: Buffer
  pos = 0

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size)
  }

  ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.pos + bytes) size *= 2
    const grown = Buffer.allocUnsafe(size)
    this.buf.copy(grown, 0, 0, this.pos)
    this.buf = grown
  }

  varint(value: number): void {
    this.ensure(10)
    const buf = this.buf
    if (value >= 0 && value <= 0xffffffff) {
      let v = value >>> 0
      while (v > 127) {
        buf[this.pos++] = (v & 127) | 128
        v >>>= 7
      }
      buf[this.pos++] = v
      return
    }
    // Outside uint32: 64-bit two's complement, ten bytes for a negative number.
    const abs = Math.abs(value)
    let low = abs >>> 0
    let high = (abs / 4294967296) >>> 0
    if (value < 0) {
      low = ~low >>> 0
      high = ~high >>> 0
      low = (low + 1) >>> 0
      if (low === 0) high = (high + 1) >>> 0
    }
    while (high > 0 || low > 127) {
      buf[this.pos++] = (low & 127) | 128
      low = ((low >>> 7) | (high << 25)) >>> 0
      high >>>= 7
    }
    buf[this.pos++] = low & 127
  }

  tag(field: number, wireType: number): void {
    this.varint((field << 3) | wireType)
  }

  string(value: string): void {
    // Short ASCII strings (names, keys, ids) are copied here: cheaper than a call into the encoder.
    const chars = value.length
    if (chars < 64) {
      this.ensure(chars + 1)
      const buf = this.buf
      const start = this.pos
      buf[start] = chars
      let i = 0
      for (; i < chars; i++) {
        const code = value.charCodeAt(i)
        if (code > 127) break
        buf[start + 1 + i] = code
      }
      if (i === chars) {
        this.pos = start + 1 + chars
        return
      }
    }
    const length = Buffer.byteLength(value, 'utf8')
    this.varint(length)
    this.ensure(length)
    this.pos += this.buf.write(value, this.pos, length, 'utf8')
  }

  bytes(value: Uint8Array): void {
    this.varint(value.length)
    this.ensure(value.length)
    this.buf.set(value, this.pos)
    this.pos += value.length
  }

  /** A trace or span id, hex in the API, bytes on the wire (decoded as the stock encoder does). */
  hexId(hex: string): void {
    const length = hex.length >>> 1
    this.varint(length)
    this.ensure(length)
    for (let i = 0; i < length; i++) {
      this.buf[this.pos++] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1))
    }
  }

  fixed32(value: number): void {
    this.ensure(4)
    this.buf.writeUInt32LE(value >>> 0, this.pos)
    this.pos += 4
  }

  double(value: number): void {
    this.ensure(8)
    this.buf.writeDoubleLE(value, this.pos)
    this.pos += 8
  }

  /** Nanoseconds since the epoch as fixed64, from [seconds, nanoseconds] (exact beyond 2^53). */
  time([seconds, nanos]: HrTime): void {
    const lowSeconds = seconds & 0xffff
    const highSeconds = (seconds / 0x10000) >>> 0
    const fromLow = lowSeconds * 1e9
    const fromHigh = highSeconds * 1e9
    const low32 = (fromLow >>> 0) + (((fromHigh & 0xffff) * 0x10000) >>> 0) + nanos
    const high32 =
      (Math.floor(fromLow / 4294967296) + ((fromHigh / 0x10000) >>> 0) + Math.floor(low32 / 4294967296)) >>> 0
    this.ensure(8)
    this.buf.writeUInt32LE(low32 >>> 0, this.pos)
    this.buf.writeUInt32LE(high32, this.pos + 4)
    this.pos += 8
  }

  /** Starts a length-delimited message; `end` with what this returns writes its length. */
  begin(): number {
    this.ensure(1)
    return ++this.pos
  }

  end(start: number): void {
    const length = this.pos - start
    if (length < 128) {
      this.buf[start - 1] = length
      return
    }
    const extra = length < 16384 ? 1 : length < 2097152 ? 2 : length < 268435456 ? 3 : 4
    this.ensure(extra)
    this.buf.copy(this.buf, start + extra, start, this.pos)
    this.pos += extra
    let at = start - 1
    let v = length
    while (v > 127) {
      this.buf[at++] = (v & 127) | 128
      v >>>= 7
    }
    this.buf[at] = v
  }
}

function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 102) return code - 87
  return code - 55
}

/** Most exports are alike in size: start the next one's buffer where the last one ended. */
let lastSize = 64 * 1024

/** ExportTraceServiceRequest: spans grouped by resource, then by instrumentation scope. */
export function encodeExportRequest(spans: ReadableSpan[]): Uint8Array {
  const byResource = new Map<Resource, Map<Scope, ReadableSpan[]>>()
  for (const span of spans) {
    let byScope = byResource.get(span.resource)
    if (!byScope) {
      byScope = new Map()
      byResource.set(span.resource, byScope)
    }
    const group = byScope.get(span.instrumentationScope)
    if (group) group.push(span)
    else byScope.set(span.instrumentationScope, [span])
  }
  const w = new Writer(lastSize + (lastSize >>> 3))
  for (const [resource, byScope] of byResource) {
    w.tag(1, LENGTH_DELIMITED)
    const resourceSpans = w.begin()
    w.tag(1, LENGTH_DELIMITED)
    const res = w.begin()
    attributes(w, resource.attributes, 1)
    w.tag(2, VARINT)
    w.varint(0)
    w.end(res)
    for (const [scope, group] of byScope) {
      w.tag(2, LENGTH_DELIMITED)
      scopeSpans(w, scope, group)
    }
    if (resource.schemaUrl) {
      w.tag(3, LENGTH_DELIMITED)
      w.string(resource.schemaUrl)
    }
    w.end(resourceSpans)
  }
  lastSize = Math.max(1024, w.pos)
  return w.buf.subarray(0, w.pos)
}

function scopeSpans(w: Writer, scope: Scope, spans: ReadableSpan[]): void {
  const start = w.begin()
  w.tag(1, LENGTH_DELIMITED)
  const s = w.begin()
  w.tag(1, LENGTH_DELIMITED)
  w.string(scope.name)
  if (scope.version) {
    w.tag(2, LENGTH_DELIMITED)
    w.string(scope.version)
  }
  const extra = scope as { attributes?: Attributes; droppedAttributesCount?: number }
  if (extra.attributes) attributes(w, extra.attributes, 3)
  if (extra.droppedAttributesCount) {
    w.tag(4, VARINT)
    w.varint(extra.droppedAttributesCount)
  }
  w.end(s)
  for (const span of spans) {
    w.tag(2, LENGTH_DELIMITED)
    encodeSpan(w, span)
  }
  if (scope.schemaUrl) {
    w.tag(3, LENGTH_DELIMITED)
    w.string(scope.schemaUrl)
  }
  w.end(start)
}

function flags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | HAS_IS_REMOTE | (isRemote ? IS_REMOTE : 0)
}

/** trace_id, span_id and trace_state: fields 1 to 3 of both a span and a link. */
function ids(w: Writer, ctx: SpanContext): void {
  w.tag(1, LENGTH_DELIMITED)
  w.hexId(ctx.traceId)
  w.tag(2, LENGTH_DELIMITED)
  w.hexId(ctx.spanId)
  const traceState = ctx.traceState?.serialize()
  if (traceState) {
    w.tag(3, LENGTH_DELIMITED)
    w.string(traceState)
  }
}

function encodeSpan(w: Writer, span: ReadableSpan): void {
  const start = w.begin()
  const ctx = span.spanContext()
  ids(w, ctx)
  const parent = span.parentSpanContext
  if (parent?.spanId) {
    w.tag(4, LENGTH_DELIMITED)
    w.hexId(parent.spanId)
  }
  w.tag(5, LENGTH_DELIMITED)
  w.string(span.name)
  // OTLP counts kinds from SPAN_KIND_UNSPECIFIED = 0, the API from INTERNAL = 0.
  if (span.kind != null) {
    w.tag(6, VARINT)
    w.varint(span.kind + 1)
  }
  w.tag(7, FIXED64)
  w.time(span.startTime)
  w.tag(8, FIXED64)
  w.time(span.endTime)
  if (span.attributes) attributes(w, span.attributes, 9)
  w.tag(10, VARINT)
  w.varint(span.droppedAttributesCount)
  for (const event of span.events) {
    w.tag(11, LENGTH_DELIMITED)
    encodeEvent(w, event)
  }
  w.tag(12, VARINT)
  w.varint(span.droppedEventsCount)
  for (const link of span.links) {
    w.tag(13, LENGTH_DELIMITED)
    encodeLink(w, link)
  }
  w.tag(14, VARINT)
  w.varint(span.droppedLinksCount)
  w.tag(15, LENGTH_DELIMITED)
  encodeStatus(w, span.status)
  w.tag(16, FIXED32)
  w.fixed32(flags(ctx.traceFlags, parent?.isRemote))
  w.end(start)
}

function encodeEvent(w: Writer, event: TimedEvent): void {
  const start = w.begin()
  w.tag(1, FIXED64)
  w.time(event.time)
  w.tag(2, LENGTH_DELIMITED)
  w.string(event.name)
  if (event.attributes) attributes(w, event.attributes, 3)
  w.tag(4, VARINT)
  w.varint(event.droppedAttributesCount || 0)
  w.end(start)
}

function encodeLink(w: Writer, link: Link): void {
  const start = w.begin()
  const ctx = link.context
  ids(w, ctx)
  if (link.attributes) attributes(w, link.attributes, 4)
  w.tag(5, VARINT)
  w.varint(link.droppedAttributesCount || 0)
  w.tag(6, FIXED32)
  w.fixed32(flags(ctx.traceFlags, ctx.isRemote))
  w.end(start)
}

function encodeStatus(w: Writer, status: SpanStatus): void {
  const start = w.begin()
  if (status.message) {
    w.tag(2, LENGTH_DELIMITED)
    w.string(status.message)
  }
  w.tag(3, VARINT)
  w.varint(status.code)
  w.end(start)
}

/** Repeated KeyValue, in the attributes' own order. */
function attributes(w: Writer, attrs: Attributes, field: number): void {
  for (const key in attrs) {
    if (!Object.hasOwn(attrs, key)) continue
    w.tag(field, LENGTH_DELIMITED)
    keyValue(w, key, attrs[key])
  }
}

function keyValue(w: Writer, key: string, value: unknown): void {
  const kv = w.begin()
  w.tag(1, LENGTH_DELIMITED)
  w.string(key)
  w.tag(2, LENGTH_DELIMITED)
  const inner = w.begin()
  anyValue(w, value)
  w.end(inner)
  w.end(kv)
}

/** AnyValue, for every type the stock encoder writes (an unknown one leaves it empty, as there). */
function anyValue(w: Writer, value: unknown): void {
  if (typeof value === 'string') {
    w.tag(1, LENGTH_DELIMITED)
    w.string(value)
  } else if (typeof value === 'boolean') {
    w.tag(2, VARINT)
    w.varint(value ? 1 : 0)
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= MIN_INT64 && value < MAX_INT64) {
      w.tag(3, VARINT)
      w.varint(value)
    } else {
      w.tag(4, FIXED64)
      w.double(value)
    }
  } else if (value instanceof Uint8Array) {
    w.tag(7, LENGTH_DELIMITED)
    w.bytes(value)
  } else if (Array.isArray(value)) {
    w.tag(5, LENGTH_DELIMITED)
    const array = w.begin()
    for (const item of value) {
      w.tag(1, LENGTH_DELIMITED)
      const element = w.begin()
      anyValue(w, item)
      w.end(element)
    }
    w.end(array)
  } else if (typeof value === 'object' && value !== null) {
    // A key-value list: the API's attribute types have none, but the wire format (and the stock
    // encoder) does.
    w.tag(6, LENGTH_DELIMITED)
    const list = w.begin()
    const entries = value as Record<string, unknown>
    for (const key in entries) {
      if (!Object.hasOwn(entries, key)) continue
      w.tag(1, LENGTH_DELIMITED)
      keyValue(w, key, entries[key])
    }
    w.end(list)
  }
}
