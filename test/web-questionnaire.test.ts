import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/build-app.js'
import { loadConfig } from '../src/server/config.js'
import { createStore, openDatabase } from '../src/store/index.js'
import { aUser, aWorkspace, testPlaybook } from './server-harness.js'

// The questionnaire and the forms by keyboard and as a newcomer types (issue 15 items 3 and 4, issue
// 11 item 6): Enter advances, focus follows, numbers refuse letters, cross-field checks as typed, no
// answer chosen in advance, quotes only where they are the article's, today's leaders, use cases
// through the classifier's questions. Chromium at 1440 and 375 px, axe, no console errors;
// screenshots in screenshots/questionnaire-*.png.

const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let app: FastifyInstance
let database: { close(): Promise<void> }
let dataDir: string
let browser: Browser
let base: string
let ws: string
let owner: { email: string; password: string }
const problems: string[] = []

describe.skipIf(!HAVE_CHROMIUM)('the questionnaire in a browser', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-quest-'))
    const webRoot = join(dataDir, 'web')
    await buildWeb(webRoot)
    mkdirSync('screenshots', { recursive: true })
    const db = await openDatabase({ kind: 'sqlite', path: join(dataDir, 'tandem.db') })
    database = db
    const store = createStore({ db })
    const config = loadConfig({ TANDEM_LOG_LEVEL: 'silent' })
    app = await buildApp({ store, playbook: testPlaybook(), config, webRoot })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    base = `http://127.0.0.1:${address.port}`
    const user = await aUser(store, 'quinn@example.com')
    owner = user
    ws = await aWorkspace(store, user, 'Quinn Advisory')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await database?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it.each([1440, 375])(
    'walks the questionnaire by keyboard at %i px, asks about today and lands on the assessment',
    async (width) => {
      const page = await signIn(width)
      await page.goto(`${base}/#/w/${ws}/wizard`)
      const name = page.getByLabel('What is the organization called?')
      await name.waitFor()
      // Help that is not the article's is plain help, not a quote.
      expect(await page.locator('.wizard blockquote').count()).toBe(0)
      expect(await page.locator('.wizard .help-text').first().textContent()).toBe(
        'Used in the report only.',
      )
      await shoot(page, `questionnaire-name-${width}`)
      await name.focus()
      await page.keyboard.type(`Harbor Health ${width}`)
      await page.keyboard.press('Enter')

      // Enter advanced, and the next answer typed goes to the next question.
      const employees = page.getByLabel('How many people work there?')
      await employees.waitFor()
      expect(await focusedLabel(page)).toBe('How many people work there?')
      await page.keyboard.type('forty five')
      expect(await employees.inputValue()).toBe('')
      await page.getByText('Digits only, such as 45.').waitFor()
      await page.keyboard.type('45')
      expect(await employees.inputValue()).toBe('45')
      await page.keyboard.press('Enter')

      // Engineers above employees: said as it is typed, before Next.
      await page.getByLabel('How many of them are engineers?').waitFor()
      await page.keyboard.type('60')
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('engineers (60) must not exceed employees (45)')
      await shoot(page, `questionnaire-cross-field-${width}`)
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Backspace')
      await page.keyboard.type('12')
      expect(await page.getByRole('alert').count()).toBe(0)
      await page.keyboard.press('Enter')
      await page.getByLabel('How many distinct products do you run?').waitFor()
      await page.keyboard.type('1')
      await page.keyboard.press('Enter')

      // A required choice has no answer chosen in advance; its help is the article's, as a quote.
      await page.getByRole('radio', { name: /Healthcare/ }).waitFor()
      expect(await page.locator('.wizard input[type=radio]:checked').count()).toBe(0)
      expect(await page.locator('.wizard figure blockquote').textContent()).toContain(
        'In healthcare, finance, or legal',
      )
      expect(await page.locator('.wizard figcaption').textContent()).toBe('From the article')
      await shoot(page, `questionnaire-industry-${width}`)
      await page.getByRole('radio', { name: /Healthcare/ }).check()
      await page.keyboard.press('Enter')
      await page.getByRole('radio', { name: /^Important/ }).check()
      await page.keyboard.press('Enter')
      await page.getByRole('checkbox', { name: 'Sales', exact: true }).check()
      await page.getByRole('checkbox', { name: 'Operations', exact: true }).check()
      await page.keyboard.press('Enter')
      await page.getByRole('radio', { name: 'One', exact: true }).check()
      await page.keyboard.press('Enter')

      // Today's leaders: required to answer, "none" is an answer.
      await page.getByRole('heading', { name: 'Who leads technology and AI today?' }).waitFor()
      await page.getByRole('button', { name: 'Next' }).click()
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Add today’s leaders, or say you have none.')
      expect(await page.getByLabel('We have no technology leader today').count()).toBe(1)
      await page.getByRole('button', { name: 'Add a leader' }).click()
      const leader = page.locator('.leader-card').first()
      await leader.getByRole('radio', { name: /^CTO technology/ }).check()
      await leader.getByRole('radio', { name: 'Full-time' }).check()
      await leader.getByLabel('What is their name? (optional)').fill('Dana Reyes')
      await leader
        .getByRole('group', { name: 'Have they led a technology organization?' })
        .getByRole('radio', { name: 'Yes' })
        .check()
      await leader
        .getByRole('group', { name: 'Have they built and shipped AI systems in past roles?' })
        .getByRole('radio', { name: 'No' })
        .check()
      await leader.getByLabel('How many areas are they responsible for? (optional)').fill('17')
      await shoot(page, `questionnaire-leaders-${width}`)
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('heading', { name: 'How does AI work go today?' }).waitFor()
      await page.getByLabel('How many AI initiatives are in pilot today? (optional)').fill('12')
      await page.getByLabel('How many are in production? (optional)').fill('0')
      // With one leader, neither the charter nor the CTO–CAIO meetings are asked.
      expect(await page.getByText('Is the division of responsibility').count()).toBe(0)
      await shoot(page, `questionnaire-today-${width}`)
      await page.getByRole('button', { name: 'Next' }).click()

      // A support chatbot: "talks to people" is asked in the flow, and gives its duty.
      await page.getByRole('heading', { name: 'Which AI use cases do you run or plan?' }).waitFor()
      await page.getByRole('button', { name: 'Add a use case' }).click()
      await page.getByLabel('Name', { exact: true }).fill('Support chatbot')
      expect(await page.locator('details').count()).toBe(0)
      await page
        .getByRole('group', { name: /interact directly with people/ })
        .getByRole('radio', { name: 'Yes' })
        .check()
      await page.locator('.live-classification').getByText('Art. 50(1)').first().waitFor()
      expect(
        await page.locator('.live-classification .tier-line .badge').first().textContent(),
      ).toBe('Limited (transparency)')
      // Essential services: the point is asked when it matters, with plain words.
      await page
        .getByLabel('Which area does the use case belong to?')
        .selectOption('essential-services')
      const point = page.getByLabel('Which of the four uses of Annex III 5 is it, if any?')
      await point.waitFor()
      expect(await point.locator('option').allTextContents()).toContain(
        'Annex III 5(c) risk assessment and pricing in life and health insurance',
      )
      await page
        .getByLabel('Which area does the use case belong to?')
        .selectOption({ label: 'None of these, or not sure' })
      await shoot(page, `questionnaire-use-cases-${width}`)
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('heading', { name: /Do you plan to grow/ }).waitFor()
      await page.getByRole('button', { name: 'Add a growth step' }).click()
      await page.getByLabel('When? (YYYY-MM or YYYY-Qn, such as 2027-Q2)').fill('2027-Q3')
      await page.getByLabel('How many people will work there then? (optional)').fill('120')
      await shoot(page, `questionnaire-growth-${width}`)
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('heading', { name: 'Review your answers' }).waitFor()
      expect(await page.locator('.review').textContent()).toContain('Dana Reyes, CTO (full-time)')
      await shoot(page, `questionnaire-review-${width}`)
      await page.getByRole('button', { name: 'Save and see the assessment' }).click()
      await page.getByText('Recommended structure').waitFor()
      // Today's arrangement reached the diagnosis, and the summary opens the page.
      await page.getByText('The CTO can handle AI', { exact: false }).first().waitFor()
      const first = await page.evaluate(
        () => document.querySelector('.assessment section')?.getAttribute('id') ?? null,
      )
      expect(first).toBe('summary')
      expect(await page.locator('#summary').textContent()).toContain('Dana Reyes')
      expect(await page.locator('#summary').textContent()).toContain(
        'This assessment is advice, not legal advice.',
      )
      if (width === 1440) {
        const box = await page.locator('#summary').boundingBox()
        expect(
          (box?.y ?? 0) + (box?.height ?? 0),
          'the summary within the first screen',
        ).toBeLessThanOrEqual(900)
      }
      expect(await page.locator('#counterfactuals details.shrink').count()).toBeLessThanOrEqual(1)
      await page.evaluate(() => window.scrollTo(0, 0))
      await shoot(page, `questionnaire-assessment-${width}`)
      await page.context().close()
      expect(problems).toEqual([])
    },
  )

  it.each([1440, 375])(
    'labels the profile form as the questionnaire does, at %i px',
    async (width) => {
      const page = await signIn(width)
      await page.goto(`${base}/#/w/${ws}/orgs/new`)
      await page.getByLabel('How many people work there?').waitFor()
      expect(
        await page
          .getByLabel('Which industry are you primarily in?')
          .locator('option')
          .allTextContents(),
      ).toContain('Financial services')
      expect(
        await page
          .getByLabel('How core is AI to your competitive position?')
          .locator('option')
          .allTextContents(),
      ).toContain('Core')
      await page.getByLabel('How many people work there?').fill('45')
      await page.getByLabel('How many of them are engineers?').fill('60')
      await page.getByText('engineers (60) must not exceed employees (45)').waitFor()
      await page.getByLabel('How many people work there?').focus()
      await page.keyboard.type('x')
      expect(await page.getByLabel('How many people work there?').inputValue()).toBe('45')
      await shoot(page, `questionnaire-profile-form-${width}`)
      await page.context().close()
      expect(problems).toEqual([])
    },
  )
})

async function signIn(width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: width === 375 ? 812 : 900 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`)
    }
  })
  await page.goto(base)
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
  return page
}

/** The label of the focused control, as a screen reader would announce it. */
async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null
    return element?.labels?.[0]?.textContent ?? null
  })
}

/** A screenshot at the page's width, then axe: no serious or critical violation, no sideways scroll. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true })
  // Evaluated, not added as a <script>: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(readFileSync(AXE, 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document)
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  expect(violations, `axe on ${name}`).toEqual([])
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `${name} without sideways scrolling`).toBe(page.viewportSize()?.width)
}

async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite')
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir } })
  } finally {
    process.env.NODE_ENV = previous
  }
}
