import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess } from '../engine/assess.js'
import { buildBriefs } from '../engine/hiring/build-briefs.js'
import { anExample, thePlaybook } from '../../test/engine-builders.js'
import { renderBriefs } from './render-briefs.js'

const CHROMIUM = '/usr/bin/chromium'
const available = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext')
if (!available) {
  console.warn(
    'Skipping the seat brief print test: it needs /usr/bin/chromium and pdftotext (apt-get install -y chromium poppler-utils).',
  )
}

describe.skipIf(!available)('seat briefs printed from Chromium', () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-brief-'))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('prints the 200-person fintech’s briefs one seat per page, with nothing cut at the edge', async () => {
    const playbook = thePlaybook()
    const doc = buildBriefs(assess(anExample('fintech-200.yaml'), playbook), playbook)!
    const file = join(dir, 'briefs.html')
    await writeFile(file, renderBriefs(doc, 'html'))
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const problems: string[] = []
    page.on('console', (m) => problems.push(m.text()))
    await page.goto(pathToFileURL(file).href)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    )
    const pdf = join(dir, 'briefs.pdf')
    await page.pdf({ path: pdf, format: 'A4', printBackground: true })
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f')
    const cto = pages.findIndex((p) => p.includes('CTO (full-time): kept'))
    const caio = pages.findIndex((p) => p.includes('CAIO (full-time): kept'))
    expect({
      overflow,
      problems,
      firstPageHasOrganization: pages[0]?.includes('Northwind Payments'),
    }).toEqual({
      overflow: false,
      problems: [],
      firstPageHasOrganization: true,
    })
    // Each seat starts a page of its own.
    expect(cto).toBe(0)
    expect(caio).toBeGreaterThan(cto)
    expect(pages[caio]?.includes('CTO (full-time): kept')).toBe(false)
    await page.close()
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const playbook = thePlaybook()
    const doc = buildBriefs(assess(anExample('fit/keep-the-cto.yaml'), playbook), playbook)!
    const file = join(dir, 'phone.html')
    await writeFile(file, renderBriefs(doc, 'html'))
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
    await page.goto(pathToFileURL(file).href)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true)
    await page.screenshot({ path: '/tmp/brief-375.png', fullPage: false })
    await page.close()
  })
})
