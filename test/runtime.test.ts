import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'

/**
 * npm scripts put node_modules/.bin first on PATH, so they run on the Node of the `node` package
 * (Node 24) whatever the machine's own Node is; the test runner starts each file on that same binary.
 */
describe('runtime', () => {
  it('is Node 24 LTS, inside the range package.json states in engines', () => {
    const engines = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string
    const floor = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(engines)
    assert.ok(floor, `engines.node is a caret range: ${engines}`)
    const [major, minor, patch] = process.versions.node.split('.').map(Number)
    assert.equal(major, 24, `npm test runs on ${process.version}`)
    assert.equal(major, Number(floor[1]))
    assert.ok(
      (minor ?? 0) * 1e6 + (patch ?? 0) >= Number(floor[2]) * 1e6 + Number(floor[3]),
      `${process.version} is below ${engines}`,
    )
  })

  it('is the Node version the lockfile pins for the node package', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
    assert.equal(process.version, `v${lock.packages['node_modules/node'].version}`)
  })
})
