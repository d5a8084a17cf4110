import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { type AddressInfo, connect, createServer } from 'node:net'
import { after, before, describe, it } from 'node:test'

/** The real server process: SIGTERM stops it accepting, lets in-flight requests finish, exits 0. */
let child: ChildProcess
let port: number
let output = ''

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port: free } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return free
}

before(async () => {
  port = await freePort()
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      APP_ENV: 'test',
      DATABASE_URL: 'pglite://memory',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  // A cold start (tsx compiling, migrations, sharp's libvips) can take most of a minute on a loaded CI box.
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/livez`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server did not start:\n${output}`)
})
after(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
})

describe('start-up', () => {
  it('logs the Node version it runs on with the ready line', async () => {
    const ready = /"node":"v24\.\d+\.\d+"[^\n]*"msg":"SHH Match API ready"/
    // The line and the answer to /livez reach this process through different pipes, in either order.
    for (let i = 0; i < 100 && !ready.test(output); i++)
      await new Promise((resolve) => setTimeout(resolve, 50))
    assert.match(output, ready, output)
  })
})

describe('SIGTERM', () => {
  it('lets a request in flight complete, refuses new connections, and exits 0', async () => {
    const body = JSON.stringify({ kakaoUserId: '4242' })
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    // Half a request: the server is now reading it when the signal arrives.
    socket.write(
      `POST /auth/sync-kakao HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.equal(child.exitCode, null, 'still running while a request is in flight')
    await assert.rejects(fetch(`http://127.0.0.1:${port}/livez`), 'no new connections once shutting down')

    let response = ''
    socket.on('data', (chunk) => {
      response += chunk
    })
    socket.write(body.slice(5))
    await once(socket, 'close')
    assert.match(response, /^HTTP\/1\.1 200/, response)
    assert.match(response, /"jwt"/)

    const [code] = (await once(child, 'exit')) as [number | null]
    assert.equal(code, 0, output)
    assert.match(output, /shutting down/)
  })
})
