import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fintechAssessment } from '../../test/fixtures/assessment-fintech.js'
import { startupAssessment } from '../../test/fixtures/assessment-startup.js'
import { assess } from '../engine/assess.js'
import { anExample, thePlaybook } from '../../test/engine-builders.js'
import { renderHtml } from './render-html.js'

const CHROMIUM = '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available) {
  console.warn(
    `Skipping the HTML report browser test: ${CHROMIUM} is missing (apt-get install -y chromium enables it).`,
  )
}

const SECTIONS = [
  '#recommendation',
  '#questions',
  '#stakes',
  '#anti-patterns',
  '#charter',
  '#cadence',
  '#counterfactuals',
  '#roadmap',
] as const

const TITLE = available
  ? 'renderHtml in headless Chromium'
  : 'renderHtml in headless Chromium (skipped: apt-get install -y chromium enables it)'

describe.skipIf(!available)(TITLE, () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-report-'))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function open(
    name: string,
    html: string,
    width: number,
  ): Promise<{ page: Page; problems: string[] }> {
    const file = join(dir, name)
    await writeFile(file, html)
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) {
        problems.push(`network request: ${request.url()}`)
      }
    })
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    return { page, problems }
  }

  it('shows every section without console errors or requests, and saves a screenshot', async () => {
    const html = renderHtml(assess(anExample('midsize-logistics.yaml'), thePlaybook()))
    const { page, problems } = await open('report.html', html, 1280)
    for (const selector of SECTIONS) {
      await expect.poll(() => page.locator(selector).isVisible()).toBe(true)
    }
    expect(await page.locator('h1').textContent()).toBe('Meridian Freight')
    expect(await page.locator('svg.chart').count()).toBe(3)
    await mkdir('screenshots', { recursive: true })
    await page.screenshot({ path: 'screenshots/report.png', fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })

  it('keeps a hostile organization name as text and puts the summary, then the blocking banner, first', async () => {
    const { page, problems } = await open('startup.html', renderHtml(startupAssessment), 1280)
    expect(await page.locator('h1').textContent()).toBe(startupAssessment.profile.name)
    expect(await page.locator('body script').count()).toBe(0)
    const ids = await page.locator('main > section').evaluateAll((all) => all.map((s) => s.id))
    expect(ids.slice(0, 2)).toEqual(['summary', 'blocking'])
    await page.screenshot({ path: 'screenshots/report-blocking.png', fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })

  it.each(['fintech-200.yaml', 'midsize-logistics.yaml', 'startup-seed.yaml', 'growth-plan.yaml'])(
    'opens the report of examples/%s cleanly with every section visible',
    async (file) => {
      const html = renderHtml(assess(anExample(file), thePlaybook()))
      const { page, problems } = await open(file.replace('.yaml', '.html'), html, 1024)
      for (const selector of SECTIONS.filter((s) => s !== '#stakes')) {
        expect(await page.locator(selector).isVisible()).toBe(true)
      }
      expect(problems).toEqual([])
      await page.close()
    },
  )

  it.each([
    ['the fintech fixture', fintechAssessment],
    ['the blocking startup fixture', startupAssessment],
  ])('has no axe-core accessibility violations in %s', async (_name, assessment) => {
    const file = join(dir, 'axe.html')
    await writeFile(file, renderHtml(assessment))
    // The report's CSP forbids scripts, so only this test context bypasses it to inject axe-core.
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await page.goto(pathToFileURL(file).href)
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> }
        }
      ).axe
      return (await axe.run(document)).violations.map((violation) => violation.id)
    })
    expect(violations).toEqual([])
    await context.close()
  })

  it('fits a 375px wide screen without horizontal page scrolling', async () => {
    const { page, problems } = await open('narrow.html', renderHtml(fintechAssessment), 375)
    // The fixture has the widest content: six charter columns, long findings, two use cases.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(375)
    await page.screenshot({ path: 'screenshots/report-375.png', fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })
})
