import type { AddressInfo } from 'node:net'
import { connect, createServer, type Server, type Socket } from 'node:net'

/** A TCP proxy on 127.0.0.1 that a test can cut (every connection dropped, new ones refused) and restore. */
export class TcpProxy {
  private readonly sockets = new Set<Socket>()
  private cut = false
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined
    const server = createServer((client) => {
      if (!proxy || proxy.cut) {
        client.destroy()
        return
      }
      const upstream = connect(target.port, target.host)
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        proxy.sockets.add(a)
        a.on('error', () => b.destroy())
        a.on('close', () => {
          proxy?.sockets.delete(a)
          b.destroy()
        })
        a.pipe(b)
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    proxy = new TcpProxy(server, (server.address() as AddressInfo).port)
    return proxy
  }

  /** The database "goes away": open connections drop, new ones are refused. */
  disconnect(): void {
    this.cut = true
    for (const socket of this.sockets) socket.destroy()
  }

  reconnect(): void {
    this.cut = false
  }

  async stop(): Promise<void> {
    this.disconnect()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
