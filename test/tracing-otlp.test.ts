import assert from 'node:assert/strict'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { type AddressInfo, createServer } from 'node:net'
import { describe, it } from 'node:test'
import { OtlpReceiver } from './helpers/otlp-receiver.js'

/**
 * The real server process, started as `npm start` starts it (the tracing preload first), exporting
 * to a collector on 127.0.0.1.
 */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

interface Running {
  child: ChildProcess
  base: string
  output: () => string
}

async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/instrument.ts', 'src/server.ts'],
    {
      env: {
        ...process.env,
        APP_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: 'pglite://memory',
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const base = `http://127.0.0.1:${port}`
  // Connecting before the server listens could pick the same (ephemeral) port as the local end and
  // connect the socket to itself, taking the port: wait for the server to say it listens.
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    if (output.includes('SHH Match API ready')) return { child, base, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`the server did not start:\n${output}`)
}

/** SIGTERM, then how the process ended and how long it took. */
async function terminate(child: ChildProcess): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now()
  const exited = once(child, 'exit') as Promise<[number | null]>
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  const [code] = await exited
  clearTimeout(timer)
  return { code, seconds: (performance.now() - started) / 1000 }
}

describe('tracing through OTLP/HTTP', () => {
  it('exports request and statement spans to the collector, and flushes them at SIGTERM', async () => {
    const collector = await OtlpReceiver.start()
    const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint })
    try {
      const traceId = '5bd66ef5095369c7b0d1f8f4bd33716a'
      const signedIn = await fetch(`${server.base}/auth/sync-kakao`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-051581bf3cb55c13-01` },
        body: JSON.stringify({ kakaoUserId: '4242' }),
      })
      assert.equal(signedIn.status, 200)
      const { jwt } = (await signedIn.json()) as { jwt: string }
      const authorization = `Bearer ${jwt}`
      const me = await fetch(`${server.base}/me`, { headers: { authorization } })
      assert.equal(me.status, 200)
      const missing = '3f2a0c4e-0000-4000-8000-00000000abcd'
      const match = await fetch(`${server.base}/matches/${missing}?from=push`, { headers: { authorization } })
      assert.equal(match.status, 404)

      const { code, seconds } = await terminate(server.child)
      assert.equal(code, 0, server.output())
      assert.ok(seconds < 10, `exited after ${seconds} s`)

      assert.ok(
        collector.contentTypes.every((t) => t === 'application/x-protobuf'),
        collector.contentTypes.join(),
      )
      const requests = collector.spans.filter((s) => s.kind === 2)
      assert.deepEqual(requests.map((s) => s.name).sort(), [
        'GET /matches/:matchId',
        'GET /me',
        'POST /auth/sync-kakao',
      ])
      assert.ok(collector.spans.every((s) => s.service === 'shh-match-api'))
      const signIn = requests.find((s) => s.name === 'POST /auth/sync-kakao')
      assert.equal(signIn?.traceId, traceId, 'the caller’s traceparent is continued')
      assert.equal(signIn?.parentSpanId, '051581bf3cb55c13')
      const statements = collector.spans.filter((s) => typeof s.attributes['db.query.text'] === 'string')
      assert.ok(
        statements.some((s) => s.traceId === traceId && s.parentSpanId === signIn?.spanId),
        'the sign-in’s statements are its children',
      )
      const everything = JSON.stringify(collector.spans)
      for (const secret of [jwt, missing, 'from=push', '4242']) {
        assert.ok(!everything.includes(secret), `${secret.slice(0, 20)} was exported`)
      }

      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg?: string; trace_id?: string; span_id?: string; route?: string })
      const completed = lines.filter((l) => l.msg === 'request completed' && l.route === '/auth/sync-kakao')
      assert.equal(completed[0]?.trace_id, traceId)
      assert.equal(completed[0]?.span_id, signIn?.spanId)
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await collector.stop()
    }
  })

  it('still exits 0 within 10 s at SIGTERM when the collector never answers', async () => {
    const collector = await OtlpReceiver.start({ hang: true })
    const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint })
    try {
      const res = await fetch(`${server.base}/me`)
      assert.equal(res.status, 401)
      const { code, seconds } = await terminate(server.child)
      assert.equal(code, 0, server.output())
      assert.ok(seconds < 10, `exited after ${seconds} s`)
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await collector.stop()
    }
  })

  it('loads nothing and hooks nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
    const probe = `
      const dc = await import('node:diagnostics_channel')
      const { trace } = await import('@opentelemetry/api')
      const tracer = trace.getTracer('probe')
      console.log(JSON.stringify({
        fastifyHooked: dc.hasSubscribers('fastify.initialization'),
        recording: tracer.startSpan('probe').isRecording(),
      }))`
    const run = (env: Record<string, string>) => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--import', './src/instrument.ts', '--input-type=module', '-e', probe],
        { env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', ...env }, encoding: 'utf8' },
      )
      assert.equal(result.status, 0, result.stderr)
      return JSON.parse(result.stdout.trim().split('\n').at(-1) as string)
    }
    assert.deepEqual(run({}), { fastifyHooked: false, recording: false })
    assert.deepEqual(run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }), {
      fastifyHooked: true,
      recording: true,
    })
    assert.deepEqual(run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' }), {
      fastifyHooked: false,
      recording: false,
    })
  })
})
