import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

export interface ReceivedSpan {
  service: string
  scope: string
  name: string
  traceId: string
  spanId: string
  parentSpanId: string
  /** SpanKind as OTLP numbers it: 2 server, 3 client. */
  kind: number
  attributes: Record<string, string | number | boolean>
}

/**
 * A stand-in OpenTelemetry collector on 127.0.0.1: accepts OTLP/HTTP trace exports on /v1/traces,
 * protobuf (the SDK's default) or JSON, gzipped or not, and keeps them; `spans` decodes what has arrived (decoding
 * waits until asked, so that a benchmark's collector costs little while it is measuring). `hang`
 * makes it accept and never answer.
 */
export class OtlpReceiver {
  readonly contentTypes: string[] = []
  /** Content-Encoding of each export that arrived (`gzip` or `identity`). */
  readonly encodings: string[] = []
  /** The request headers of each export that arrived. */
  readonly headers: IncomingHttpHeaders[] = []
  private readonly received: Array<{ json: boolean; body: Buffer }> = []
  private readonly decoded: ReceivedSpan[] = []

  private constructor(private readonly server: Server) {}

  static async start(options: { hang?: boolean } = {}): Promise<OtlpReceiver> {
    const server = createServer()
    const receiver = new OtlpReceiver(server)
    server.on('request', (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        if (options.hang) return
        const type = String(req.headers['content-type'])
        receiver.contentTypes.push(type)
        if (req.method !== 'POST' || req.url !== '/v1/traces') {
          res.writeHead(404).end()
          return
        }
        const body = Buffer.concat(chunks)
        const gzipped = req.headers['content-encoding'] === 'gzip'
        receiver.encodings.push(gzipped ? 'gzip' : 'identity')
        receiver.headers.push(req.headers)
        receiver.received.push({ json: type.includes('json'), body: gzipped ? gunzipSync(body) : body })
        res.writeHead(200, { 'content-type': type }).end(type.includes('json') ? '{}' : '')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return receiver
  }

  get spans(): ReceivedSpan[] {
    for (const { json, body } of this.received.splice(0)) {
      this.decoded.push(...(json ? fromJson(body) : fromProtobuf(body)))
    }
    return this.decoded
  }

  /** Forgets what has arrived. */
  clear(): void {
    this.received.length = 0
    this.decoded.length = 0
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

type Field = [number, bigint | Buffer]

/** Protobuf wire format, enough of it for ExportTraceServiceRequest (opentelemetry-proto). */
function fields(buf: Buffer): Field[] {
  const out: Field[] = []
  let i = 0
  const varint = (): bigint => {
    let value = 0n
    for (let shift = 0n; ; shift += 7n) {
      const byte = buf[i++] as number
      value |= BigInt(byte & 0x7f) << shift
      if (!(byte & 0x80)) return value
    }
  }
  while (i < buf.length) {
    const key = Number(varint())
    const wire = key & 7
    if (wire === 0) out.push([key >> 3, varint()])
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4
      out.push([key >> 3, buf.subarray(i, i + size)])
      i += size
    } else if (wire === 2) {
      const length = Number(varint())
      out.push([key >> 3, buf.subarray(i, i + length)])
      i += length
    } else throw new Error(`unexpected protobuf wire type ${wire}`)
  }
  return out
}

const messages = (buf: Buffer, field: number) =>
  fields(buf)
    .filter(([f, v]) => f === field && Buffer.isBuffer(v))
    .map(([, v]) => v as Buffer)
const text = (buf: Buffer, field: number) => messages(buf, field)[0]?.toString('utf8') ?? ''
const hex = (buf: Buffer, field: number) => messages(buf, field)[0]?.toString('hex') ?? ''

function keyValues(buf: Buffer, field: number): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const kv of messages(buf, field)) {
    const value = messages(kv, 2)[0]
    const [[kind, raw] = [0, 0n]] = value ? fields(value) : []
    out[text(kv, 1)] =
      kind === 1
        ? (raw as Buffer).toString('utf8')
        : kind === 2
          ? raw === 1n
          : kind === 3
            ? Number(raw)
            : kind === 4
              ? (raw as Buffer).readDoubleLE()
              : `[${kind}]`
  }
  return out
}

function fromProtobuf(body: Buffer): ReceivedSpan[] {
  const spans: ReceivedSpan[] = []
  for (const resourceSpans of messages(body, 1)) {
    const resource = messages(resourceSpans, 1)[0]
    const service = String(resource ? (keyValues(resource, 1)['service.name'] ?? '') : '')
    for (const scopeSpans of messages(resourceSpans, 2)) {
      const scope = messages(scopeSpans, 1)[0]
      for (const span of messages(scopeSpans, 2)) {
        spans.push({
          service,
          scope: scope ? text(scope, 1) : '',
          name: text(span, 5),
          traceId: hex(span, 1),
          spanId: hex(span, 2),
          parentSpanId: hex(span, 4),
          kind: Number(fields(span).find(([f]) => f === 6)?.[1] ?? 0),
          attributes: keyValues(span, 9),
        })
      }
    }
  }
  return spans
}

interface JsonKeyValue {
  key: string
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number }
}

function fromJson(body: Buffer): ReceivedSpan[] {
  const attributes = (list: JsonKeyValue[] = []) =>
    Object.fromEntries(
      list.map(({ key, value }) => [
        key,
        value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue),
      ]),
    )
  const request = JSON.parse(body.toString('utf8')) as {
    resourceSpans: Array<{
      resource?: { attributes?: JsonKeyValue[] }
      scopeSpans: Array<{
        scope?: { name?: string }
        spans: Array<{
          name: string
          traceId: string
          spanId: string
          parentSpanId?: string
          kind?: number
          attributes?: JsonKeyValue[]
        }>
      }>
    }>
  }
  return request.resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((span) => ({
        service: String(attributes(rs.resource?.attributes)['service.name'] ?? ''),
        scope: ss.scope?.name ?? '',
        name: span.name,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        kind: span.kind ?? 0,
        attributes: attributes(span.attributes),
      })),
    ),
  )
}
