import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why the browser tests cannot run here, or false. A developer without Chromium gets the rest of the
 * suite; CI (CI=true, where .ci/run installs it) never skips them.
 */
export const noBrowser: string | false =
  !existsSync(CHROMIUM) && process.env.CI !== 'true'
    ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`
    : false

/** Debian's Chromium, driven by playwright-core (as `npm run check:docs` does). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Everything a page reported that a person would call broken: console errors, uncaught exceptions,
 * CSP violations (collected in the page, as securitypolicyviolation events) and dialogs (an alert
 * is what an injected script would open).
 */
export function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    // A page answering 403 or 409 on purpose (a refusal) is not broken: tests check its status.
    if (message.text().startsWith('Failed to load resource') && message.location().url === page.url()) return
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()} (on ${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  void page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
  })
  return problems
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

/**
 * axe-core's serious and critical violations on the current page. axe runs through the DevTools
 * protocol (page.evaluate), which the page's CSP does not govern, so the CSP stays strict under test.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const result = (await page.evaluate(
    `(async () => { if (!window.axe) { ${axeSource}\n }; const r = await window.axe.run(document, { resultTypes: ['violations'] }); return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })) })()`,
  )) as AxeViolation[]
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** At 390 px nothing but the tables' own scroll regions may be wider than the screen. */
export async function overflowsAt390(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1')) as boolean
}

/** Screenshots at 1280 and 390 px under $CONSOLE_SCREENSHOTS, when it is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CONSOLE_SCREENSHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}-1280.png`), fullPage: true })
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(dir, `${name}-390.png`), fullPage: true })
  if (size) await page.setViewportSize(size)
}
