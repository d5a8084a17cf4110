import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

export const S3_BUCKET = 'shh-photos-test'
export const S3_PUBLIC_BASE_URL = 'https://photos.example.test'

/**
 * A real S3-compatible server on 127.0.0.1 (s3rver: PUT, GET, DELETE, multi-object delete, listing;
 * it does not check signatures). The SDK finds its credentials in the environment, as in production.
 */
export class TestS3 {
  private constructor(
    private readonly server: S3rver,
    private readonly dir: string,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<TestS3> {
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
    const dir = mkdtempSync(join(tmpdir(), 'shh-s3rver-'))
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: S3_BUCKET, configs: [] }],
    })
    const { port } = (await server.run()) as { port: number }
    return new TestS3(server, dir, `http://127.0.0.1:${port}`)
  }

  /** The API's settings for this server. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      STORAGE: 's3',
      S3_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: this.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_BASE_URL,
      ...extra,
    }
  }

  /** Every key in the bucket. */
  async keys(): Promise<string[]> {
    const res = await fetch(`${this.endpoint}/${S3_BUCKET}?list-type=2`)
    const xml = await res.text()
    return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1] as string).sort()
  }

  /** An object's bytes (s3rver serves them without a signature), or null. */
  async get(key: string): Promise<Buffer | null> {
    const res = await fetch(`${this.endpoint}/${S3_BUCKET}/${key}`)
    return res.ok ? Buffer.from(await res.arrayBuffer()) : null
  }

  async stop(): Promise<void> {
    await this.server.close()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
