/**
 * OpenTelemetry tracing. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: then
 * nothing below the first check runs and no SDK module is loaded. On, it exports OTLP over HTTP and
 * is configured by the standard OTEL_* variables (README, "Operations").
 *
 * The SDK must start before fastify, pg and ioredis are imported (their instrumentations patch them
 * as they load): `src/instrument.ts` calls startTracing() from `node --import`, ahead of the server.
 */
import {
  type Attributes,
  type Context,
  context,
  type Link,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api'
import type { FastifyRequest } from 'fastify'

type SpanProcessor = import('@opentelemetry/sdk-trace').SpanProcessor
type SdkSpan = import('@opentelemetry/sdk-trace').Span
type Sampler = import('@opentelemetry/sdk-trace').Sampler
type Env = Record<string, string | undefined>

export const SERVICE_NAME = 'shh-match-api'
/** Flushing the last spans may take this long at shutdown (a collector that is down cannot hold us). */
const SHUTDOWN_BUDGET_MS = 3_000
/** Probes are polled every few seconds by load balancers: traced, they would only be noise. */
const PROBES = /^\/(?:.*\/)?(?:livez|healthz|readyz|metrics)(?:\?.*)?$/

let sdk: { shutdown(): Promise<void> } | null = null

/** Whether the environment asks for tracing (an OTLP endpoint, and the SDK not disabled). */
export function tracingRequested(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim())
}

/** Whether the SDK runs in this process (the app then adds trace ids to log lines). */
export function tracingActive(): boolean {
  return sdk !== null
}

export interface StartTracingOptions {
  /** Replace the OTLP exporter (tests export to memory). The privacy guard always comes first. */
  spanProcessors?: SpanProcessor[]
  /** Replace the sampler the OTEL_TRACES_SAMPLER variables choose (tests watch its decisions). */
  sampler?: Sampler
}

/**
 * Starts the SDK when the environment asks for it (or when tests hand their own span processors).
 * Returns whether tracing is now on.
 */
export async function startTracing(
  env: Env = process.env,
  options: StartTracingOptions = {},
): Promise<boolean> {
  if (sdk) return true
  if (!options.spanProcessors && !tracingRequested(env)) return false

  const [{ NodeSDK }, { BatchSpanProcessor }, { FastifyOtelInstrumentation }, instrumentations] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/sdk-trace'),
      import('@fastify/otel'),
      loadInstrumentations(),
    ])
  await hookImports(
    instrumentations.flatMap((i) => i.getModuleDefinitions().map((definition) => definition.name)),
  )
  const exporting = options.spanProcessors ?? [new BatchSpanProcessor({ exporter: await otlpExporter(env) })]
  const named =
    Boolean(env.OTEL_SERVICE_NAME?.trim()) ||
    /(^|,)\s*service\.name=/.test(env.OTEL_RESOURCE_ATTRIBUTES ?? '')
  const started = new NodeSDK({
    ...(named ? {} : { serviceName: SERVICE_NAME }),
    ...(options.sampler ? { sampler: options.sampler } : {}),
    spanProcessors: [privacyGuard, ...exporting],
    // Metrics stay with Prometheus (/metrics) and logs with pino; only traces go out.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        // One span per request: hook and handler spans would triple the cost and say little.
        instrumentHooks: false,
        instrumentHandler: false,
        // An error's message can quote SQL and its parameters (Drizzle's does).
        recordExceptions: false,
        ignorePaths: (route) => PROBES.test(route.url),
        requestHook: (span, request) => nameRequestSpan(span, request),
      }),
      ...instrumentations,
    ],
  })
  started.start()
  sdk = started
  return true
}

/**
 * Modules imported as ESM are patched through import-in-the-middle's loader hooks, only `modules`
 * (those an instrumentation asks for). In-thread (`module.registerHooks`) where this Node allows it:
 * the off-thread loader (`module.register`) starts a thread of its own and exchanges messages with
 * it for every module the app imports.
 */
async function hookImports(modules: string[]): Promise<void> {
  const inThread = await import('import-in-the-middle/register-hooks.mjs')
  if (inThread.supportsSyncHooks()) {
    inThread.register({ include: modules })
  } else {
    const { register } = await import('node:module')
    register('import-in-the-middle/hook.mjs', import.meta.url, { data: { include: modules } })
  }
}

type Patch = (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown

/** Whether the active span records: a span the sampler kept, whose children it keeps too. */
function sampled(): boolean {
  return trace.getSpan(context.active())?.isRecording() === true
}

/**
 * Sampling is decided once, at the request's span (or the batch run's). The pg and ioredis
 * instrumentations would still wrap every statement and command of an unsampled request in a span
 * that records nothing (`requireParentSpan` asks for a parent span, not a sampled one): instead, the
 * patch `method` makes hands those calls straight to the library. No standard sampler keeps the
 * child of a span it dropped, so no span is lost.
 */
function onlyWhenSampled(instrumentation: object, method: string): void {
  const target = instrumentation as Record<string, unknown>
  const makePatch = target[method]
  if (typeof makePatch !== 'function') {
    throw new Error(`${instrumentation.constructor.name} has no ${method} any more (see tracing.ts)`)
  }
  target[method] = (...args: unknown[]): Patch => {
    const patch = makePatch.apply(instrumentation, args) as Patch
    return (original) => {
      const traced = patch(original)
      return function whenSampled(this: unknown, ...callArgs: unknown[]) {
        return sampled() ? traced.apply(this, callArgs) : original.apply(this, callArgs)
      }
    }
  }
}

async function loadInstrumentations() {
  const [
    { PgInstrumentation },
    { IORedisInstrumentation },
    { UndiciInstrumentation },
    { HttpInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-http'),
  ])
  return [
    // Statement text only (Drizzle sends parameters separately; they are never recorded). Statements
    // outside a traced request or batch (migrations, the activity flush) make no spans.
    pgStatements(
      new PgInstrumentation({
        requireParentSpan: true,
        ignoreConnectSpans: true,
        enhancedDatabaseReporting: false,
      }),
    ),
    // Rate-limit keys hold user ids and IP addresses: the command name only.
    redisCommands(
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ),
    // Outbound calls (fetch: Kakao's key set; node:http: SDKs that use it). Queries can carry keys.
    new UndiciInstrumentation({
      startSpanHook: (request) => {
        const url = new URL(request.path, request.origin)
        return { 'url.full': `${url.origin}${url.pathname}`, 'url.query': undefined }
      },
    }),
    new HttpInstrumentation({
      // Requests coming in are Fastify's (named by route); this one would record the raw URL.
      disableIncomingRequestInstrumentation: true,
      startOutgoingSpanHook: (request) => {
        const port = request.port ? `:${request.port}` : ''
        // Storage calls (AWS SDK, signed) name objects by key, and keys hold user ids: the origin only.
        const headers = (request.headers ?? {}) as Record<string, unknown>
        const signedForS3 = Object.keys(headers).some((name) => name.toLowerCase() === 'x-amz-content-sha256')
        const path = signedForS3 ? '' : (request.path ?? '/').split('?')[0]
        return {
          'url.full': `${request.protocol ?? 'http:'}//${request.hostname ?? request.host}${port}${path}`,
        }
      },
    }),
  ]
}

function pgStatements<T extends object>(instrumentation: T): T {
  onlyWhenSampled(instrumentation, '_getClientQueryPatch')
  // pool.query() waits for a free connection with a callback that pg-pool calls from the request that
  // releases one: the statement would join that request's trace. Bound to its caller's context, it stays
  // in its own (the instrumentation binds it only when it makes connect spans, which we leave out).
  const patches = instrumentation as unknown as Record<string, unknown>
  patches._getPoolConnectPatch = (): Patch => (original) =>
    function connect(this: unknown, callback?: unknown) {
      return original.call(
        this,
        typeof callback === 'function' ? context.bind(context.active(), callback) : callback,
      )
    }
  return instrumentation
}

function redisCommands<T extends object>(instrumentation: T): T {
  onlyWhenSampled(instrumentation, '_patchSendCommand')
  return instrumentation
}

/**
 * OTLP over HTTP: protobuf (the standard default) or JSON, per OTEL_EXPORTER_OTLP_PROTOCOL. Protobuf
 * goes through the maintained exporter with a faster encoder of the same bytes (otlp-protobuf.ts).
 */
async function otlpExporter(env: Env) {
  const protocol = (
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ||
    env.OTEL_EXPORTER_OTLP_PROTOCOL ||
    'http/protobuf'
  ).trim()
  if (protocol === 'http/json')
    return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter()
  return (await import('./otlp-protobuf.js')).protobufSpanExporter()
}

/** The request span is named by the route pattern; the raw path and query string never leave. */
function nameRequestSpan(span: Span, request: FastifyRequest): void {
  if (!span.isRecording()) return
  const route = request.routeOptions.url
  span.updateName(route ? `${request.method} ${route}` : request.method)
  span.setAttributes({ 'url.path': route ?? 'unmatched', 'http.request.id': String(request.id) })
}

/**
 * Runs before the exporters see a span: error texts (status messages, exception messages and stack
 * traces) can quote SQL parameters or input, so only the error's type is kept. A request that ended
 * in a 5xx gets the `error.type` the HTTP conventions ask for (@fastify/otel sets only the status).
 */
const privacyGuard: SpanProcessor = {
  onStart() {},
  onEnding(span: SdkSpan) {
    if (span.status.message !== undefined) span.setStatus({ code: span.status.code })
    const status = span.attributes['http.response.status_code']
    if (span.kind === SpanKind.SERVER && typeof status === 'number' && status >= 500) {
      span.setAttribute('error.type', String(status))
    }
    for (const event of span.events) {
      if (!event.attributes) continue
      for (const key of Object.keys(event.attributes)) {
        if (key !== 'exception.type') delete event.attributes[key]
      }
    }
  },
  onEnd() {},
  forceFlush: async () => {},
  shutdown: async () => {},
}

/** Flushes the spans still queued and stops the SDK, within the shutdown budget. */
export async function stopTracing(): Promise<void> {
  const running = sdk
  if (!running) return
  sdk = null
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    running.shutdown().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_BUDGET_MS)
    }),
  ])
  clearTimeout(timer)
}

/** pino mixin: the ids of the span a log line is written under. */
export function traceLogFields(): Record<string, string> {
  const span = trace.getSpan(context.active())
  if (!span) return {}
  const { traceId, spanId, traceFlags } = span.spanContext()
  return { trace_id: traceId, span_id: spanId, trace_flags: traceFlags.toString(16).padStart(2, '0') }
}

const tracer = () => trace.getTracer(SERVICE_NAME)

/**
 * A background job (the weekly batch) as a trace of its own, linked to the request that started it
 * if any. Without tracing, `run` is simply called.
 */
export function traceJob<T>(name: string, attributes: Attributes, run: () => Promise<T>): Promise<T> {
  if (!sdk) return run()
  const started = trace.getSpan(context.active())
  const links: Link[] = started ? [{ context: started.spanContext() }] : []
  return tracer().startActiveSpan(name, { root: true, links, attributes }, (span) => settle(span, run))
}

export interface Phase {
  /** Runs `work` with this phase as the parent of the spans it makes (its statements). */
  within<T>(work: () => Promise<T>): Promise<T>
  /** Ends the phase, recording its counts. */
  end(counts?: Attributes): void
}

const idle: Phase = { within: (work) => work(), end: () => {} }

/** A phase of the current job (load, compute, write): a child span that carries counts. */
export function startPhase(name: string): Phase {
  if (!sdk) return idle
  const parent: Context = context.active()
  const span = tracer().startSpan(name, {}, parent)
  const inside = trace.setSpan(parent, span)
  return {
    within: (work) =>
      context.with(inside, work).catch((err: unknown) => {
        failed(span, err)
        span.end()
        throw err
      }),
    end: (counts) => {
      if (counts) span.setAttributes(counts)
      span.end()
    },
  }
}

/**
 * A statement on the embedded database (PGlite has no instrumentation of its own), shaped like the
 * pg instrumentation's: text without parameters, only under a sampled request or job.
 */
export function traceStatement<T>(text: string, run: () => Promise<T>): Promise<T> {
  const parent = context.active()
  if (!sdk || !trace.getSpan(parent)?.isRecording()) return run()
  const operation = text.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? ''
  const span = tracer().startSpan(
    `pg.query:${operation} pglite`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'pglite', 'db.query.text': text },
    },
    parent,
  )
  return settle(span, () => context.with(trace.setSpan(parent, span), run))
}

async function settle<T>(span: Span, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    failed(span, err)
    throw err
  } finally {
    span.end()
  }
}

function failed(span: Span, err: unknown): void {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (err as { code?: unknown })?.code
  span.setStatus({ code: SpanStatusCode.ERROR })
  span.setAttribute('error.type', typeof code === 'string' ? code : err instanceof Error ? err.name : 'error')
}
