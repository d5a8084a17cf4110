import pg from 'pg'

const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:55415/postgres' })
await c.connect()
await c.query('DROP DATABASE IF EXISTS nb15')
await c.query('CREATE DATABASE nb15')
await c.end()
const d = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:55415/nb15' })
await d.connect()
await d.query('CREATE EXTENSION IF NOT EXISTS pgcrypto').catch(() => {})
await d.query(`CREATE TABLE u AS SELECT gen_random_uuid() AS id FROM generate_series(1,100000)`)
const ids: string[] = (await d.query('SELECT id::text FROM u')).rows.map((r: any) => r.id)
const variants: Record<string, string[]> = {
  three: [
    'CREATE INDEX ON n (user_id, id)',
    'CREATE INDEX ON n (user_id) WHERE read_at IS NULL',
    'CREATE INDEX ON n USING brin (created_at)',
  ],
  include: ['CREATE INDEX ON n (user_id, id) INCLUDE (read_at)', 'CREATE INDEX ON n USING brin (created_at)'],
  one: ['CREATE INDEX ON n (user_id, id)', 'CREATE INDEX ON n USING brin (created_at)'],
}
for (const [name, idx] of Object.entries(variants)) {
  for (const sorted of [false, true]) {
    await d.query('DROP TABLE IF EXISTS n')
    await d.query(
      `CREATE TABLE n (id bigserial primary key, user_id uuid not null, type text not null, data jsonb not null, created_at timestamptz not null default now(), read_at timestamptz, CHECK (type IN ('recs.ready','x')))`,
    )
    for (const q of idx) await d.query(q)
    // warm: 6 weeks of history
    const times: number[] = []
    for (let w = 0; w < 8; w++) {
      const list = sorted ? [...ids].sort() : ids
      const t = performance.now()
      for (let i = 0; i < list.length; i += 10000) {
        await d.query('BEGIN')
        await d.query(
          `INSERT INTO n (user_id, type, data, created_at) SELECT u, 'recs.ready', $2::jsonb, now() FROM unnest($1::uuid[]) u`,
          [list.slice(i, i + 10000), JSON.stringify({ week: '2026-W01' })],
        )
        await d.query('COMMIT')
      }
      times.push(performance.now() - t)
    }
    console.log(name, sorted ? 'sorted' : 'unsorted', times.map((x) => Math.round(x)).join(' '))
  }
}
await d.end()
