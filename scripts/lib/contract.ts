import openapiTS, { astToString } from 'openapi-typescript'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/core/config.js'
import { openDatabase } from '../../src/core/db/client.js'

/**
 * The front-end contract: the OpenAPI document the app serves, and TypeScript types generated from
 * it. Built from the app itself (no database is queried), so the committed copies cannot drift
 * unnoticed (test/contract.test.ts).
 */
export async function generateContract(): Promise<{ openapi: string; types: string }> {
  const database = await openDatabase('pglite://memory')
  const app = await buildApp({ config: loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent' }), database })
  try {
    await app.ready()
    const spec = app.swagger() as Record<string, unknown>
    const openapi = `${JSON.stringify(spec, null, 2)}\n`
    const ast = await openapiTS(structuredClone(spec) as unknown as Parameters<typeof openapiTS>[0])
    const header =
      '/**\n * SHH Match API types for the front end, generated from openapi.json by `npm run openapi`.\n' +
      ' * Do not edit by hand.\n */\n\n'
    return { openapi, types: header + astToString(ast) }
  } finally {
    await app.close()
    await database.close()
  }
}

export const CONTRACT_FILES = { openapi: 'openapi.json', types: 'contract/api.d.ts' } as const
