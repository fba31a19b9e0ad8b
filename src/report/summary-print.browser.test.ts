import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assess } from '../engine/assess.js'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { renderHtml } from './render-html.js'

// The executive summary on the first screen of the HTML report at 1440×900, and alone on the first
// page when it is printed to PDF (Chromium's print-to-PDF, then pdftotext and pdftoppm on page 1).

const CHROMIUM = '/usr/bin/chromium'
const available = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm')

const assessment = () =>
  assess(
    aProfile({
      name: 'Harbor Health',
      employees: 45,
      engineers: 12,
      products: 2,
      industry: 'healthcare',
      ai: {
        centrality: 'important',
        functions: ['sales', 'operations'],
        useCases: [
          { name: 'Patient triage', point: '5d', role: 'deployer' },
          { name: 'Support chatbot', interactsWithPeople: true },
        ],
      },
      budget: { fullTimeLeaders: 1 },
      current: {
        seats: [
          {
            title: 'CTO',
            name: 'Dana Reyes',
            engagement: 'full-time',
            ledTechOrg: true,
            shippedAiSystems: false,
            responsibilities: 17,
          },
        ],
        roleCharter: false,
        aiPilots: 12,
        aiInProduction: 0,
        roiMeasured: false,
      },
    }),
    thePlaybook(),
  )

describe.skipIf(!available)('the summary of the HTML report in Chromium', () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-summary-'))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('puts the whole summary within the first screen at 1440×900, first of the sections', async () => {
    const file = join(dir, 'report.html')
    await writeFile(file, renderHtml(assessment()))
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(pathToFileURL(file).href)
    const box = await page.locator('#summary').boundingBox()
    expect(box).not.toBeNull()
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(900)
    const first = await page.evaluate(() => document.querySelector('main section')?.id)
    expect(first).toBe('summary')
    await page.screenshot({ path: join('screenshots', 'report-summary-1440.png') }).catch(() => {})
    await page.setViewportSize({ width: 375, height: 812 })
    await page.screenshot({ path: join('screenshots', 'report-summary-375.png') }).catch(() => {})
    await page.close()
  })

  it('prints to a PDF whose first page holds the summary and nothing after it', async () => {
    const a = assessment()
    const file = join(dir, 'print.html')
    await writeFile(file, renderHtml(a))
    const page = await browser.newPage()
    await page.goto(pathToFileURL(file).href)
    const pdf = join(dir, 'report.pdf')
    await page.pdf({ path: pdf, format: 'A4', printBackground: true })
    await page.close()
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], {
      encoding: 'utf8',
    })
    const flat = first.replace(/\s+/g, ' ')
    expect(flat).toContain('Summary')
    expect(flat).toContain(a.summary.disclaimer.replace(/\s+/g, ' '))
    for (const step of a.summary.nextSteps) expect(flat).toContain(step.slice(0, 40))
    expect(flat).toContain('Dana Reyes')
    // The summary ends the first page: the next section starts on page 2.
    expect(flat).not.toContain('The five questions')
    const prefix = join(dir, 'page')
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-png', '-r', '60', pdf, prefix])
    const png = readFileSync(`${prefix}.png`)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    await writeFile(join('screenshots', 'report-print-page-1.png'), png).catch(() => {})
  })
})
