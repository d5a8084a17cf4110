import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { traceStatement, tracingActive } from '../observability/tracing.js'
import { type Schema, schema } from './schema.js'

export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** What a repository function accepts: the database, or the transaction a service opened. */
export type Executor = Database | Tx

/** Runs raw SQL and returns its rows (both drivers answer raw SQL with `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

/**
 * Makes statements once per database and remembers them: a prepared statement is then planned once
 * per connection by PostgreSQL instead of on every call (for the queries every request makes).
 */
export function preparedPerDatabase<T>(prepare: (db: Database) => T): (db: Database) => T {
  const made = new WeakMap<Database, T>()
  return (db) => {
    let statements = made.get(db)
    if (!statements) {
      statements = prepare(db)
      made.set(db, statements)
    }
    return statements
  }
}

export interface DbHandle {
  db: Database
  kind: 'pg' | 'pglite'
  /** Runs `SELECT 1`; throws when the database cannot answer. */
  ping(): Promise<void>
  close(): Promise<void>
  /** The PGlite instance, when embedded (tests snapshot it). */
  pglite?: PGlite
  /** The pg pool, when on a server. */
  pool?: pg.Pool
  /** The connection string, when on a server (the batch opens its own connections with it). */
  url?: string
}

export interface OpenDbOptions {
  poolMax?: number
  /** Called when an idle pooled connection fails (the server restarted, the network dropped). */
  onPoolError?: (err: Error) => void
  /** A PGlite data directory snapshot to start from (tests). */
  loadDataDir?: Blob
  /** Told the duration of every query on a PostgreSQL server (metrics). */
  onQuery?: (seconds: number) => void
  /** Per-statement bound on a server (default 30 s, meant for requests). */
  statementTimeoutMs?: number
  /** How long a query may wait for a free pooled connection (default 5 s). */
  connectionTimeoutMs?: number
  /** Shown in pg_stat_activity. */
  applicationName?: string
}

/** Spans for PGlite's statements, in and out of transactions (pg has its instrumentation). */
function traceStatements(client: PGlite): void {
  type Queries = Pick<PGlite, 'query'>
  const wrap = (target: Queries) => {
    const query = target.query.bind(target)
    target.query = ((text: string, ...rest: unknown[]) =>
      traceStatement(text, () =>
        (query as (...args: unknown[]) => Promise<unknown>)(text, ...rest),
      )) as Queries['query']
  }
  wrap(client)
  const transaction = client.transaction.bind(client)
  client.transaction = (run) =>
    transaction((tx) => {
      wrap(tx)
      return run(tx)
    })
}

/** Opens `postgres://…`, `pglite://<dir>` or `pglite://memory`. */
export async function openDatabase(url: string, options: OpenDbOptions = {}): Promise<DbHandle> {
  if (url.startsWith('pglite://')) {
    const location = url.slice('pglite://'.length)
    const inMemory = location === '' || location === 'memory'
    if (!inMemory) mkdirSync(resolve(location), { recursive: true })
    const client = new PGlite({
      ...(inMemory ? {} : { dataDir: resolve(location) }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    })
    await client.waitReady
    if (tracingActive()) traceStatements(client)
    const db = drizzlePglite({ client, schema }) as unknown as Database
    return {
      db,
      kind: 'pglite',
      pglite: client,
      ping: async () => {
        await client.query('SELECT 1')
      },
      close: async () => {
        if (!client.closed) await client.close()
      },
    }
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // A statement that hangs must not hold a request forever.
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  })
  pool.on('error', (err) => options.onPoolError?.(err))
  const onQuery = options.onQuery
  if (onQuery) {
    // Every query, pooled or in a transaction, goes through a connected client's query().
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown
      ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const started = performance.now()
        const result = query(...args)
        if (result instanceof Promise) {
          const done = () => onQuery((performance.now() - started) / 1000)
          result.then(done, done)
        }
        return result
      }
    })
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Database
  return {
    db,
    kind: 'pg',
    pool,
    url,
    ping: async () => {
      await db.execute(sql`SELECT 1`)
    },
    close: async () => {
      await pool.end()
    },
  }
}
