/**
 * `npm run check:docs`: serves the API, opens /docs in headless Chromium (Debian's, driven by
 * playwright-core) and fails unless the operations render with no Content-Security-Policy violation.
 * CHROMIUM_PATH overrides /usr/bin/chromium; a screenshot goes to .cache/docs.png.
 */
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/core/config.js'
import { openDatabase } from '../src/core/db/client.js'

const database = await openDatabase('pglite://memory')
const app = await buildApp({ config: loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'warn' }), database })
const address = await app.listen({ port: 0, host: '127.0.0.1' })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
})
const problems: string[] = []
try {
  const page = await browser.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // Runs in the page (a string: this file is compiled without the DOM library).
  await page.addInitScript({
    content:
      "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => " +
      "window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))",
  })
  const response = await page.goto(`${address}/docs/`, { waitUntil: 'networkidle' })
  if (!response?.ok()) problems.push(`GET /docs/ answered ${response?.status()}`)
  await page.waitForSelector('.opblock', { timeout: 15_000 })
  const operations = await page.locator('.opblock').count()
  const title = (await page.locator('.info .title').first().textContent()) ?? ''
  const violations = (await page.evaluate('window.cspViolations')) as string[]
  problems.push(...violations.map((v) => `CSP violation: ${v}`))
  mkdirSync('.cache', { recursive: true })
  await page.screenshot({ path: '.cache/docs.png', fullPage: false })
  console.log(
    `/docs rendered "${title.trim()}" with ${operations} operations; CSP violations: ${violations.length}`,
  )
  if (operations < 30) problems.push(`only ${operations} operations are listed`)
} finally {
  await browser.close()
  await app.close()
  await database.close()
}
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
