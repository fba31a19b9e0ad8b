import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Store } from '../src/store/store.js'
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

// The web app end to end: the real server (SQLite in a temp dir) on a real port, the built SPA,
// headless Debian Chromium. Every journey of issue 4, one of them as a viewer; axe on each page at
// 1440 and 375 px; screenshots in screenshots/web-*.png.

const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
if (!HAVE_CHROMIUM) {
  console.warn(`web e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)
}
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const WIDTHS = [1440, 375] as const

interface Db {
  close(): Promise<void>
}

let app: FastifyInstance
let store: Store
let database: Db
let dataDir: string
let webRoot: string
let browser: Browser
let base: string
let ws: string
let owner: { email: string; password: string }
let viewer: { email: string; password: string }
/** Console errors and page errors, per page, checked after every journey. */
const problems: string[] = []

describe.skipIf(!HAVE_CHROMIUM)('web app in a browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-web-'))
    webRoot = join(dataDir, 'web')
    await buildWeb(webRoot)
    mkdirSync('screenshots', { recursive: true })
    const db = await openDatabase({ kind: 'sqlite', path: join(dataDir, 'tandem.db') })
    database = db
    store = createStore({ db })
    const config = loadConfig({ TANDEM_LOG_LEVEL: 'silent', TANDEM_DEMO: 'on' })
    app = await buildApp({ store, playbook: testPlaybook(), config, webRoot })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    base = `http://127.0.0.1:${address.port}`
    const ownerUser = await aUser(store, 'olivia@example.com')
    const viewerUser = await aUser(store, 'victor@example.com')
    await aUser(store, 'eddie@example.com')
    ws = await aWorkspace(store, ownerUser, 'Northwind Advisory', [
      { user: viewerUser, role: 'viewer' },
    ])
    owner = ownerUser
    viewer = viewerUser
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await database?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the app and the API docs under a Content-Security-Policy they keep to', async () => {
    const { context, page } = await open()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text())
    })
    const app = await page.goto(base)
    expect(app?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    const docs = await page.goto(`${base}/api/docs`)
    expect(docs?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await page.locator('.swagger-ui .info .title').getByText('Tandem API').waitFor()
    await page.locator('.opblock').first().waitFor()
    await page.screenshot({ path: 'screenshots/web-api-docs-1440.png' })
    await context.close()
    expect(violations).toEqual([])
    expect(problems).toEqual([])
  })

  it('signs in, shows the empty workspace, and refuses a wrong password', async () => {
    const { context, page } = await open()
    await page.goto(base)
    await page.getByLabel('Email').fill(owner.email)
    await page.getByLabel('Password').fill('wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That email and password do not match an account.')
    await audit(page, 'sign-in')
    await page.getByLabel('Password').fill(owner.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
    await page.getByText('No organizations yet.').waitFor()
    await audit(page, 'organizations-empty')
    await context.close()
    expect(problems).toEqual([])
  })

  it('explores the demo workspace with the example organizations already assessed', async () => {
    const { context, page } = await open()
    await page.goto(base)
    await page.getByRole('button', { name: 'Explore the demo' }).click()
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
    expect(await page.locator('#workspace-switcher option:checked').textContent()).toBe(
      'Demo workspace (Owner)',
    )
    const cards = page.locator('.org-card')
    await cards.first().waitFor()
    expect(await cards.count()).toBe(4)
    expect(await page.locator('.org-card .badge-structure').count()).toBe(4)
    await audit(page, 'demo-organizations')
    await page.getByLabel('Search organizations').fill('meridian')
    await page.getByText('1 organization matching “meridian”').waitFor()
    expect(await page.locator('.org-card h2').allTextContents()).toEqual(['Meridian Freight'])
    await page.getByLabel('Search organizations').fill('')
    await page.getByText('4 organizations').waitFor()
    await page
      .getByRole('link', { name: /^Assessment of / })
      .first()
      .click()
    await page.getByText('Recommended structure').waitFor()
    await audit(page, 'demo-assessment')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await context.close()
    expect(problems).toEqual([])
  })

  it('runs the questionnaire with a use case and lands on the assessment', async () => {
    const { context, page } = await signIn(owner)
    await page.getByRole('link', { name: 'Start the questionnaire' }).click()
    await page.getByLabel('What is the organization called?').waitFor()
    await audit(page, 'wizard')
    await page.getByRole('button', { name: 'Next' }).click()
    expect(await page.getByRole('alert').textContent()).toBe('Answer this question to continue.')
    await page.getByLabel('What is the organization called?').fill('Fintech 200')
    await next(page)
    await page.getByLabel('How many people work there?').fill('200')
    await next(page)
    await page.getByLabel('How many of them are engineers?').fill('60')
    await next(page)
    await page.getByLabel('How many distinct products do you run?').fill('3')
    await next(page)
    await page.getByRole('radio', { name: /Financial services/ }).check()
    await next(page)
    await page.getByRole('radio', { name: /^Core/ }).check()
    await next(page)
    for (const name of ['Sales', 'Operations', 'Finance']) {
      await page.getByRole('checkbox', { name, exact: true }).check()
    }
    await next(page)
    await page.getByRole('radio', { name: 'Two or more' }).check()
    await next(page)
    await page.getByLabel('We have no technology leader today').check()
    await next(page)
    await page.getByRole('heading', { name: 'How does AI work go today?' }).waitFor()
    await next(page)
    await page.getByRole('heading', { name: 'Which AI use cases do you run or plan?' }).waitFor()
    await page.getByRole('button', { name: 'Add a use case' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Credit scoring')
    await page
      .getByLabel('Which area does the use case belong to?')
      .selectOption('essential-services')
    await page.getByLabel('Which of the four uses of Annex III 5 is it, if any?').selectOption('5b')
    await page.getByText('High-risk', { exact: true }).first().waitFor()
    await audit(page, 'wizard-use-cases')
    await next(page)
    await page.getByRole('heading', { name: /Do you plan to grow/ }).waitFor()
    await next(page)
    await page.getByRole('heading', { name: 'Review your answers' }).waitFor()
    expect(await page.locator('.review dd').nth(-2).textContent()).toBe('Credit scoring')
    await page.getByRole('button', { name: 'Save and see the assessment' }).click()
    await page.getByText('Recommended structure').waitFor()

    const id = decodeURIComponent(page.url().split('/assessments/')[1] ?? '')
    const record = await api<{ result: { recommendation: { label: string } } }>(
      page,
      `/workspaces/${ws}/assessments/${id}`,
    )
    expect(await page.locator('#structure-title').textContent()).toBe(
      record.result.recommendation.label,
    )
    expect(await page.locator('.questions-chart .question-row').count()).toBe(5)
    expect(await page.locator('#use-cases h3').first().textContent()).toBe('Credit scoring')
    expect(await page.locator('#use-cases .basis li').first().textContent()).toContain(
      'Annex III 5(b)',
    )
    await audit(page, 'assessment')

    // Print / PDF: the print stylesheet leaves only the document.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Edit the charter' }).isVisible()).toBe(false)
    expect(await page.locator('#structure-title').isVisible()).toBe(true)
    await page.pdf({ path: 'screenshots/web-assessment.pdf', format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    await context.close()
    expect(problems).toEqual([])
  })

  it('validates the profile form inline, creates, edits and handles a stale write', async () => {
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/orgs/new`)
    await page.getByLabel('What is the organization called?').fill('Seed Labs')
    await page.getByRole('button', { name: 'Create organization' }).click()
    expect(await page.locator('.field.has-error .error').allTextContents()).toEqual([
      'Required',
      'Required',
      'Required',
    ])
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'employees',
    )
    await page.getByLabel('How many people work there?').fill('10')
    await page.getByLabel('How core is AI to your competitive position?').selectOption('important')
    await page.getByLabel('How many of them are engineers?').fill('12')
    await page.getByLabel('How many of them are engineers?').blur()
    expect(await page.locator('.field.has-error .error').allTextContents()).toEqual([
      'engineers (12) must not exceed employees (10)',
    ])
    await audit(page, 'profile-invalid')
    await page.getByLabel('How many of them are engineers?').fill('4')
    await page.getByRole('button', { name: 'Create organization' }).click()
    await page.getByRole('heading', { name: 'Seed Labs', level: 1 }).waitFor()
    await audit(page, 'organization')

    await page.getByRole('link', { name: 'Edit profile' }).click()
    await page.getByLabel('How many people work there?').fill('12')
    await page.getByRole('button', { name: 'Save new version' }).click()
    await page.getByText('Saved as profile version 2.').waitFor()

    // Someone else saves version 3 while this page still holds version 2.
    const org = decodeURIComponent(page.url().split('/orgs/')[1]?.split('/')[0] ?? '')
    const current = await api<{ profile: unknown }>(page, `/workspaces/${ws}/organizations/${org}`)
    await api(page, `/workspaces/${ws}/organizations/${org}/profile`, 'PUT', {
      profile: { ...(current.profile as object), employees: 14 },
      expectedVersion: 2,
    })
    await page.getByLabel('How many distinct products do you run?').fill('2')
    await page.getByRole('button', { name: 'Save new version' }).click()
    await page
      .getByText('Someone else changed this — reload to see their version, then redo your change.')
      .waitFor()
    await page.getByRole('button', { name: 'Reload' }).click()
    await expect.poll(() => page.getByLabel('How many people work there?').inputValue()).toBe('14')
    await context.close()
    expect(problems).toEqual([])
  })

  it('imports a file with a progress bar and lists the refused rows', async () => {
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/import`)
    await page.getByLabel('File to import').setInputFiles({
      name: 'orgs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'name,employees,engineers,ai.centrality,ai.functions',
          'Harbor Freight Co,45,10,important,sales;operations',
          'Broken Row,20,5,central,',
          'Clinic Group,150,40,core,operations;finance;customer-success',
        ].join('\n'),
      ),
    })
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByRole('heading', { name: 'Refused rows' }).waitFor({ timeout: 20_000 })
    expect(await page.locator('#import-progress').getAttribute('value')).toBe('100')
    expect(await page.locator('.import-counts').textContent()).toBe('2 accepted · 1 refused · done')
    const refused = await page.locator('#refused tbody tr td').allTextContents()
    expect(refused.slice(0, 2)).toEqual(['3', 'ai.centrality'])
    await audit(page, 'import')
    await context.close()
    expect(problems).toEqual([])
  })

  it('edits the charter with the rules checked live and saves a new version', async () => {
    const { context, page } = await signIn(owner)
    const id = await latestAssessmentOf(page, 'Fintech 200')
    await page.goto(`${base}/#/w/${ws}/assessments/${id}`)
    await page.getByRole('button', { name: 'Edit the charter' }).click()
    await page.getByRole('heading', { name: 'Responsibility charter', level: 1 }).waitFor()
    await page.getByText('Every charter rule holds.').waitFor()
    const firstSeat = page.locator('table.charter thead th').nth(1)
    const seat = (await firstSeat.textContent()) ?? ''
    const cell = page.getByLabel(`Platforms, ${seat}`)
    const before = await cell.inputValue()
    await cell.selectOption('C')
    await page.getByText(/rules? broken — fix before saving/).waitFor()
    expect(await page.getByRole('button', { name: 'Save as new version' }).isDisabled()).toBe(true)
    await audit(page, 'charter-invalid')
    await cell.selectOption(before)
    await page.getByLabel(`Platforms, CEO`).selectOption('I')
    await page.getByText('Every charter rule holds.').waitFor()
    await page.getByRole('button', { name: 'Save as new version' }).click()
    await page.getByText('Saved as charter version 2.').waitFor()
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(
      /\/export\?format=csv$/,
    )
    await audit(page, 'charter')
    await context.close()
    expect(problems).toEqual([])
  })

  it('compares two assessments side by side in the history', async () => {
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/orgs`)
    await page.getByRole('link', { name: 'Seed Labs', exact: true }).click()
    await page.getByRole('button', { name: 'Assess now' }).click()
    await page.getByText('Recommended structure').waitFor()
    await page.goto(`${base}/#/w/${ws}/orgs`)
    await page.getByRole('link', { name: 'Seed Labs', exact: true }).click()
    await page.getByRole('link', { name: 'Edit profile' }).click()
    await page.getByLabel('How many people work there?').fill('40')
    await page.getByRole('button', { name: 'Add a seat' }).click()
    expect(
      await page.locator('.row-card').first().getByLabel('What is their role?').inputValue(),
    ).toBe('CTO')
    await page.getByRole('button', { name: 'Save and assess' }).click()
    await page.getByText('Recommended structure').waitFor()
    expect(await page.locator('#anti-patterns h3').first().textContent()).toContain('CTO')
    await audit(page, 'assessment-anti-patterns')
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor()
    await page.locator('table.diff').waitFor()
    expect(await page.locator('table.diff tbody tr').first().innerText()).toBe('employees\t14\t40')
    expect(await page.locator('.ap-diff li').allTextContents()).toEqual([
      'new “The CTO can handle AI”',
    ])
    await audit(page, 'history')
    await context.close()
    expect(problems).toEqual([])
  })

  it('shows the portfolio, members and API tokens to an owner', async () => {
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/portfolio`)
    await page.getByRole('heading', { name: 'Organizations per structure' }).waitFor()
    const assessed = await page.locator('#by-structure .section-lead').textContent()
    expect(assessed).toBe('2 assessed organizations.')
    await audit(page, 'portfolio')

    await page.goto(`${base}/#/w/${ws}/members`)
    await page.getByLabel('Email of an existing user').fill('eddie@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('editor')
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByText('eddie@example.com was added as editor.').waitFor()
    await page.getByLabel('Role of victor@example.com').waitFor()
    await audit(page, 'members')

    await page.getByLabel('Workspace name').fill('Second office')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await page.getByText('No organizations yet.').waitFor()
    await expect
      .poll(() => page.locator('#workspace-switcher option:checked').textContent())
      .toBe('Second office (Owner)')
    await page.locator('#workspace-switcher').selectOption({ label: 'Northwind Advisory (Owner)' })
    await page.getByRole('link', { name: 'Fintech 200', exact: true }).waitFor()

    await page.getByRole('link', { name: 'API tokens' }).click()
    await page.getByLabel('Token name').fill('nightly import')
    await expect.poll(() => page.getByLabel('Access').inputValue()).toBe('read')
    await page.getByLabel('Limit to workspace').selectOption({ label: 'Northwind Advisory' })
    await page.getByRole('button', { name: 'Create token' }).click()
    const token = await page.locator('#new-token').inputValue()
    expect(token.length).toBeGreaterThan(20)
    const row = page.getByRole('row', { name: /nightly import/ })
    await row.waitFor()
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Read only', 'Northwind Advisory']),
    )
    const bearer = await fetch(`${base}/api/v1/workspaces`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(bearer.status).toBe(200)
    // Read-only, and limited to Northwind: "Second office" is not in its list.
    expect(((await bearer.json()) as { id: string }[]).map((w) => w.id)).toEqual([ws])
    const write = await fetch(`${base}/api/v1/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Via a read token' }),
    })
    expect(write.status).toBe(403)
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe(
      'INSUFFICIENT_SCOPE',
    )
    await audit(page, 'tokens')
    await page.getByRole('button', { name: 'Revoke nightly import' }).click()
    await page.getByRole('button', { name: 'Revoke nightly import' }).waitFor({ state: 'detached' })
    const revoked = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(revoked.status).toBe(401)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await context.close()
    expect(problems).toEqual([])
  })

  it('lets a viewer read everything and change nothing', async () => {
    const { context, page } = await signIn(viewer)
    await page
      .getByText('You can view this workspace; only owners and editors can change it.')
      .waitFor()
    expect(await page.getByRole('link', { name: 'Start the questionnaire' }).count()).toBe(0)
    await page.getByRole('link', { name: 'Fintech 200', exact: true }).click()
    expect(await page.getByRole('button', { name: 'Assess now' }).count()).toBe(0)
    await page.getByRole('link', { name: 'View profile' }).click()
    await page.getByLabel('How many people work there?').waitFor()
    expect(await page.getByLabel('How many people work there?').isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Save new version' }).count()).toBe(0)
    await audit(page, 'viewer-profile')
    const id = await latestAssessmentOf(page, 'Fintech 200')
    await page.goto(`${base}/#/w/${ws}/assessments/${id}`)
    await page.getByText('Recommended structure').waitFor()
    expect(await page.getByRole('button', { name: 'Edit the charter' }).count()).toBe(0)
    await page.goto(`${base}/#/w/${ws}/members`)
    await page.getByRole('table').waitFor()
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0)
    const write = await page.evaluate(async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          profile: { name: 'X', employees: 1, engineers: 0, ai: { centrality: 'core' } },
        }),
      })
      return response.status
    }, `/api/v1/workspaces/${ws}/organizations`)
    expect(write).toBe(403)
    await context.close()
  })

  it('puts a blocking finding for a prohibited practice above everything else', async () => {
    const { context, page } = await signIn(owner)
    const created = await api<{ id: string }>(page, `/workspaces/${ws}/organizations`, 'POST', {
      profile: {
        name: 'Civic Score',
        employees: 80,
        engineers: 20,
        ai: {
          centrality: 'important',
          useCases: [{ name: 'Citizen trust score', point: '5-1-c', socialScoring: true }],
        },
      },
    })
    const record = await api<{ id: string }>(
      page,
      `/workspaces/${ws}/organizations/${created.id}/assessments`,
      'POST',
      {},
    )
    await page.goto(`${base}/#/w/${ws}/assessments/${record.id}`)
    await page.getByRole('heading', { name: 'Blocking findings' }).waitFor()
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('.assessment > section h2')].map((h) => h.textContent),
    )
    expect(order.slice(0, 2)).toEqual(['Summary', 'Blocking findings'])
    expect(await page.locator('#use-cases .badge-danger').first().textContent()).toBe('Prohibited')
    await audit(page, 'assessment-blocking')
    await context.close()
    expect(problems).toEqual([])
  })

  it('invites a new member, who sets a password and lands in the workspace; a used link says so', async () => {
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/members`)
    await page.getByLabel('Email to invite').fill('nina@example.com')
    await page.getByLabel('Role of the invitee').selectOption('editor')
    await page.getByRole('button', { name: 'Create invitation' }).click()
    const link = await page.locator('#issued-link').inputValue()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/invitation\/[\w-]{43}$/)
    await page.getByRole('row', { name: /nina@example\.com/ }).waitFor()
    expect(
      await page
        .getByRole('row', { name: /nina@example\.com/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).toBe('Invitation as editor')
    await audit(page, 'members-invitations')
    await context.close()

    const invitee = await open()
    await invitee.page.goto(link)
    await invitee.page.getByRole('heading', { name: 'Join Northwind Advisory', level: 1 }).waitFor()
    await invitee.page.getByRole('button', { name: 'Join the workspace' }).click()
    expect(await invitee.page.locator('.field.has-error .error').first().textContent()).toBe(
      'Choose a password.',
    )
    await audit(invitee.page, 'invitation')
    await invitee.page.getByLabel('Your name').fill('Nina')
    await invitee.page.getByLabel('Choose a password').fill('nina joins with a passphrase')
    await invitee.page.getByLabel('Repeat the password').fill('nina joins with a passphrase')
    await invitee.page.getByRole('button', { name: 'Join the workspace' }).click()
    await invitee.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
    await expect
      .poll(() => invitee.page.locator('#workspace-switcher option:checked').textContent())
      .toBe('Northwind Advisory (Editor)')
    await invitee.context.close()

    const late = await open()
    await late.page.goto(link)
    await late.page.getByRole('heading', { name: 'This invitation link does not work' }).waitFor()
    expect(await late.page.getByRole('status').textContent()).toBe(
      'This link has already been used. Each link works once.',
    )
    await audit(late.page, 'invitation-used')
    await late.context.close()
    expect(problems).toEqual([])
  })

  it('hands a member a reset link that sets a new password once, and revokes a pending invitation', async () => {
    const rita = await aUser(store, 'rita@example.com')
    await store.members.add({ userId: (await store.users.findByEmail(owner.email))!.id }, ws, {
      userId: rita.id,
      role: 'editor',
    })
    const { context, page } = await signIn(owner)
    await page.goto(`${base}/#/w/${ws}/members`)
    await page.getByRole('button', { name: 'Reset link for rita@example.com' }).click()
    const link = await page.locator('#issued-link').inputValue()
    expect(link).toMatch(/\/#\/reset-password\/[\w-]{43}$/)
    await page.getByLabel('Email to invite').fill('omar@example.com')
    await page.getByRole('button', { name: 'Create invitation' }).click()
    await page.getByRole('row', { name: /omar@example\.com/ }).waitFor()
    await page.getByRole('button', { name: 'Revoke the invitation for omar@example.com' }).click()
    await page.getByText('The invitation for omar@example.com was revoked.').waitFor()
    expect(await page.getByRole('row', { name: /omar@example\.com/ }).count()).toBe(0)
    await context.close()

    const member = await open()
    await member.page.goto(link)
    await member.page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(await member.page.getByLabel('Email').inputValue()).toBe('rita@example.com')
    await member.page.getByLabel('New password', { exact: true }).fill('aaaaaaaaaaaa')
    await member.page.getByRole('button', { name: 'Set the password and sign in' }).click()
    expect(await member.page.locator('.field.has-error .error').first().textContent()).toBe(
      'Not one character repeated: try a few words.',
    )
    await audit(member.page, 'reset-password')
    await member.page
      .getByLabel('New password', { exact: true })
      .fill('rita has a fresh passphrase')
    await member.page.getByLabel('Repeat the password').fill('rita has a fresh passphrase')
    await member.page.getByRole('button', { name: 'Set the password and sign in' }).click()
    await member.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
    await member.context.close()
    const signedIn = await signIn({
      email: 'rita@example.com',
      password: 'rita has a fresh passphrase',
    })
    await signedIn.context.close()
    expect(problems).toEqual([])
  })

  it('changes the password on the account page, the current one required', async () => {
    const paula = await aUser(store, 'paula@example.com')
    await aWorkspace(store, paula, 'Paula Partners')
    const { context, page } = await signIn(paula)
    await page.getByRole('link', { name: 'Account' }).click()
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor()
    await page.getByLabel('Current password').fill('not my password')
    await page.getByLabel('New password').fill('paula moves to a new passphrase')
    await page.getByLabel('Repeat the password').fill('paula moves to a new passphrase')
    await page.getByRole('button', { name: 'Change the password' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The current password is wrong.')
    await audit(page, 'account')
    await page.getByLabel('Current password').fill(paula.password)
    await page.getByRole('button', { name: 'Change the password' }).click()
    await page.getByText('Your password was changed.').waitFor()
    await context.close()
    const again = await signIn({ email: paula.email, password: 'paula moves to a new passphrase' })
    await again.context.close()
    expect(problems).toEqual([])
  })

  it('keeps each visitor in a demo of their own', async () => {
    const first = await open()
    const second = await open()
    for (const visitor of [first, second]) {
      await visitor.page.goto(base)
      await visitor.page.getByRole('button', { name: 'Explore the demo' }).click()
      await visitor.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
    }
    const firstWs = decodeURIComponent(first.page.url().split('/w/')[1]?.split('/')[0] ?? '')
    const secondWs = decodeURIComponent(second.page.url().split('/w/')[1]?.split('/')[0] ?? '')
    expect(firstWs).not.toBe(secondWs)
    await api(first.page, `/workspaces/${firstWs}/organizations`, 'POST', {
      profile: {
        name: 'First visitor only',
        employees: 10,
        engineers: 2,
        ai: { centrality: 'important' },
      },
    })
    await first.page.reload()
    await first.page.getByRole('link', { name: 'First visitor only', exact: true }).waitFor()
    await second.page.reload()
    await second.page.locator('.org-card').first().waitFor()
    expect(await second.page.getByText('First visitor only').count()).toBe(0)
    await first.context.close()
    await second.context.close()
    expect(problems).toEqual([])
  })

  describe('a fresh server', () => {
    let fresh: FastifyInstance
    let freshDb: Db
    let freshBase: string
    const SETUP = 'e2e-setup-token-0123456789abcdef'

    beforeAll(async () => {
      const db = await openDatabase({ kind: 'sqlite', path: join(dataDir, 'fresh.db') })
      freshDb = db
      const config = loadConfig({ TANDEM_LOG_LEVEL: 'silent', TANDEM_DEMO_MAX: '1' })
      fresh = await buildApp({
        store: createStore({ db }),
        playbook: testPlaybook(),
        config,
        webRoot,
        setupToken: SETUP,
      })
      await fresh.listen({ port: 0, host: '127.0.0.1' })
      const address = fresh.server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      freshBase = `http://127.0.0.1:${address.port}`
    })
    afterAll(async () => {
      await fresh?.close()
      await freshDb?.close()
    })

    it('creates the first owner on the setup page, signed in at once; the used link says so', async () => {
      const { context, page } = await open()
      await page.goto(`${freshBase}/setup?token=${SETUP}`)
      await page.getByRole('heading', { name: 'Create the first owner' }).waitFor()
      expect(new URL(page.url()).search).toBe('')
      await audit(page, 'setup')
      await page.getByLabel('Email').fill('founder@example.com')
      await page.getByLabel('Your name').fill('Fran Founder')
      await page.getByLabel('Password', { exact: true }).fill('the founder passphrase')
      await page.getByLabel('Repeat the password').fill('the founder passphrase')
      await page.getByRole('button', { name: 'Create the owner and sign in' }).click()
      await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
      expect(await page.locator('#workspace-switcher option:checked').textContent()).toBe(
        'My workspace (Owner)',
      )
      await context.close()
      const again = await open()
      await again.page.goto(`${freshBase}/setup?token=${SETUP}`)
      await again.page.getByRole('heading', { name: 'This setup link does not work' }).waitFor()
      await audit(again.page, 'setup-used')
      await again.context.close()
      expect(problems).toEqual([])
    })

    it('tells the visitor past TANDEM_DEMO_MAX that the demo is full', async () => {
      const first = await open()
      await first.page.goto(freshBase)
      await first.page.getByRole('button', { name: 'Explore the demo' }).click()
      await first.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
      const second = await open()
      await second.page.goto(freshBase)
      await second.page.getByRole('button', { name: 'Explore the demo' }).click()
      await expect
        .poll(() => second.page.getByRole('alert').textContent())
        .toBe(
          'The demo is full right now: every demo workspace is in use. Try again in a while, or sign in.',
        )
      await audit(second.page, 'demo-full')
      await first.context.close()
      await second.context.close()
      expect(problems).toEqual([])
    })
  })
})

/**
 * Builds the app as `npm run build:web` does, into a temp folder so dist/web is left alone. Vitest
 * sets NODE_ENV=test, which would make Vite bundle React's development build.
 */
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

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    // The browser logs every non-2xx fetch; the app expects some (401 before sign-in, the 403 and
    // 409 these tests provoke) and shows them itself, so only other console errors count.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`)
    }
  })
  return { context, page }
}

async function signIn(user: { email: string; password: string }) {
  const opened = await open()
  await opened.page.goto(base)
  await opened.page.getByLabel('Email').fill(user.email)
  await opened.page.getByLabel('Password').fill(user.password)
  await opened.page.getByRole('button', { name: 'Sign in' }).click()
  await opened.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor()
  return opened
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click()
}

/** Calls the API from inside the page, with its session cookie. */
async function api<T = unknown>(
  page: Page,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<T> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      })
      if (!response.ok)
        throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    },
    { url: `/api/v1${path}`, method, body },
  )
}

async function latestAssessmentOf(page: Page, name: string): Promise<string> {
  const list = await api<{ items: { name: string; latestAssessment: { id: string } | null }[] }>(
    page,
    `/workspaces/${ws}/organizations?q=${encodeURIComponent(name)}`,
  )
  const id = list.items.find((item) => item.name === name)?.latestAssessment?.id
  if (!id) throw new Error(`${name} has no assessment`)
  return id
}

/** Runs axe at 1440 and 375 px, saves a screenshot at each, and fails on serious or critical issues. */
async function audit(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.waitForFunction(() => !document.querySelector('.loading'))
    await page.screenshot({ path: `screenshots/web-${name}-${width}.png`, fullPage: true })
    // Evaluated, not added as a <script>: the page's Content-Security-Policy allows no inline script.
    await page.evaluate(readFileSync(AXE, 'utf8'))
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } })
        .axe
      const result = await axe.run(document)
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        )
    })
    expect(violations, `axe on ${name} at ${width}px`).toEqual([])
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      culprits: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((element) => !element.parentElement?.closest('.table-wrap'))
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`),
    }))
    expect(overflow, `${name} fits ${width}px without sideways scrolling`).toEqual({
      width,
      culprits: [],
    })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
}
