import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { CONTRACT_FILES, generateContract } from '../scripts/lib/contract.js'

describe('the front-end contract', () => {
  it('committed openapi.json and contract/api.d.ts match the running app (run npm run openapi after API changes)', async () => {
    const { openapi, types } = await generateContract()
    assert.equal(readFileSync(CONTRACT_FILES.openapi, 'utf8'), openapi, 'openapi.json is out of date')
    assert.equal(readFileSync(CONTRACT_FILES.types, 'utf8'), types, 'contract/api.d.ts is out of date')
    assert.match(types, /"\/auth\/sync-kakao"/)
  })
})
