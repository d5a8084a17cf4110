import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'

/**
 * docs/nextjs-integration.md shows the example app's code (examples/nextjs/, type-checked in CI
 * against contract/api.d.ts): each block that names a file must be in that file, word for word.
 */
describe('the Next.js guide', () => {
  it('shows only code that is in the example app', () => {
    const guide = readFileSync('docs/nextjs-integration.md', 'utf8')
    const blocks = [...guide.matchAll(/```ts\n\/\/ (examples\/nextjs\/[^\n]+)\n([\s\S]*?)\n```/g)]
    assert.ok(blocks.length >= 5, `${blocks.length} blocks`)
    for (const [, file, code] of blocks) {
      const source = readFileSync(file as string, 'utf8')
      assert.ok(source.includes(code as string), `the guide's block for ${file} is not in that file`)
    }
    const unnamed = [...guide.matchAll(/```tsx?\n(?!\/\/ examples\/nextjs\/)/g)]
    assert.equal(unnamed.length, 0, 'every TypeScript block names its file in the example')
  })
})
