/** `npm run openapi`: writes openapi.json and contract/api.d.ts (commit both). */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { CONTRACT_FILES, generateContract } from './lib/contract.js'

const { openapi, types } = await generateContract()
for (const [file, text] of [
  [CONTRACT_FILES.openapi, openapi],
  [CONTRACT_FILES.types, types],
] as const) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
  console.log(`wrote ${file}`)
}
