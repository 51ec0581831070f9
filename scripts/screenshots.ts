// Refreshes the README's screenshots from the built studio in demo mode: `npm run build && npm run screenshots`.
import { chromium, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuiltStudio } from '../e2e/built-studio'
import { chooseModel } from '../e2e/choose-model'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4399)
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const TAKES: { model: string; prompt: string; ratio?: string }[] = [
  { model: 'Wan 2.7', prompt: 'A handheld chase through a crowded market at blue hour' },
  { model: 'Sora 2', prompt: 'A paper boat drifting down a rain-soaked street at dusk', ratio: '9:16' },
  { model: 'Veo 3.1', prompt: 'Northern lights over a frozen lake, slow dolly forward' },
  { model: 'Grok', prompt: 'Molten glass folding into a vase, macro, studio light', ratio: '1:1' },
  { model: 'Seedance 2.0', prompt: 'Neon rain on a night market in Tokyo, bokeh, 35 mm' },
  { model: 'Seedance 2.0 Fast', prompt: 'Silk ribbons in slow motion against a black backdrop', ratio: '9:16' },
]

const dataDir = mkdtempSync(join(tmpdir(), 'studio-screenshots-'))
const studio = await startBuiltStudio(PORT, { STUDIO_DATA_DIR: dataDir })
// A second studio whose simulator answers some renders with a black or a frozen take, for the quality flags.
const flawedDir = mkdtempSync(join(tmpdir(), 'studio-screenshots-flawed-'))
const flawed = await startBuiltStudio(PORT + 1, {
  STUDIO_DATA_DIR: flawedDir,
  SIMULATOR_FAULTS: 'black_rate=0.35,frozen_rate=0.35',
})
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/${name}.png` })

try {
  const page = await browser.newPage({ viewport: DESKTOP, baseURL: studio.origin })
  await page.goto('/')
  for (const take of TAKES) {
    await chooseModel(page, take.model)
    await page.getByLabel('Prompt', { exact: true }).fill(take.prompt)
    if (take.ratio) {
      await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: take.ratio }).click()
    }
    await page.getByRole('button', { name: 'Generate' }).click()
  }
  const gallery = await allSucceeded(page)
  await page.waitForTimeout(1500) // posters and kept copies settle
  await chooseModel(page, 'Wan 2.7')
  await page.getByLabel('Prompt', { exact: true }).fill('The lantern floats up past the rooftops as the rain stops')
  await shot(page, 'studio')

  await gallery.getByRole('listitem').first().getByRole('button', { name: /^Open/ }).click()
  await page
    .getByRole('dialog')
    .getByText(/Render time/)
    .waitFor()
  await page.waitForTimeout(1000)
  await shot(page, 'player')
  await page.keyboard.press('Escape')

  await gallery.getByRole('button', { name: 'Select to compare' }).click()
  for (const n of [0, 1]) await gallery.getByRole('listitem').nth(n).getByLabel('Select for compare').check()
  await gallery.getByRole('button', { name: 'Compare', exact: true }).click()
  await page.getByRole('dialog', { name: 'Compare' }).waitFor()
  await page.waitForTimeout(1000)
  await shot(page, 'compare')
  await page.keyboard.press('Escape')

  const addToSequence = (n: number) =>
    gallery.getByRole('listitem').nth(n).getByRole('button', { name: 'Add to sequence' }).click()
  const adding = page.getByRole('dialog', { name: 'Add to sequence' })
  await addToSequence(0)
  await adding.getByLabel('New sequence').fill('Night market')
  await adding.getByRole('button', { name: 'Create' }).click()
  await page.getByText('Added to “Night market” as shot 1').waitFor()
  for (const n of [1, 2]) {
    await addToSequence(n)
    await adding.getByRole('button', { name: /^Night market/ }).click()
    await page.getByText(`Added to “Night market” as shot ${n + 1}`).waitFor()
  }
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await addToSequence(0)
  await adding.getByRole('button', { name: 'Open Night market' }).click()
  const sequence = page.getByRole('region', { name: 'Sequence' })
  await sequence.getByRole('radiogroup', { name: 'Active take' }).waitFor()
  await sequence.getByRole('slider', { name: 'Sequence playhead' }).fill('7.2')
  await page.waitForTimeout(1500)
  await shot(page, 'sequence')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: /credits/ }).click()
  await page.getByRole('button', { name: 'Spend by day, model and person' }).click()
  await page.getByRole('dialog', { name: 'Spend' }).getByRole('table').first().waitFor()
  await shot(page, 'spend')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Try on models' }).click()
  const tryOn = page.getByRole('dialog', { name: 'Try on models' })
  for (const name of ['Veo 3.1', 'Sora 2', 'Grok']) await tryOn.getByRole('checkbox', { name, exact: true }).check()
  await tryOn.getByText(/total ≈/).waitFor()
  await shot(page, 'try-on-models')
  await tryOn.getByRole('button', { name: /^Send to/ }).click()
  await page.getByRole('dialog', { name: 'Compare' }).waitFor({ timeout: 60_000 })
  await page.keyboard.press('Escape')
  await gallery.getByRole('button', { name: 'Open group' }).first().click()
  await gallery.getByRole('button', { name: 'Lineage' }).first().click()
  const lineage = page.getByRole('list', { name: 'Lineage tree' })
  await lineage.getByRole('button', { name: /^Re-run Shoot-out: Veo 3.1/ }).click()
  await lineage.getByRole('listitem').nth(4).waitFor()
  await page.waitForTimeout(1500)
  await shot(page, 'lineage')
  await page.keyboard.press('Escape')

  await gallery.getByRole('listitem').first().getByRole('button', { name: /^Open/ }).click()
  const viewer = page.getByRole('dialog')
  const comments = viewer.getByRole('region', { name: 'Comments' })
  for (const [seconds, text] of [
    [1.2, 'The first frame is soft: hold the focus pull a beat longer'],
    [3.4, 'Love this move. Keep it for the cut'],
  ] as const) {
    await viewer.locator('video').evaluate((v: HTMLVideoElement, at: number) => {
      v.pause()
      v.currentTime = at
    }, seconds)
    await comments.getByRole('button', { name: 'Comment' }).click()
    await comments.getByLabel('Comment text').fill(text)
    await comments.getByRole('button', { name: 'Post' }).click()
    await comments.getByText(text).waitFor()
  }
  await comments.getByRole('button', { name: 'Resolve' }).first().click()
  await comments.getByText(/^Resolved/).waitFor()
  await shot(page, 'comments')
  await page.keyboard.press('Escape')

  const cards = gallery.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Pick' }) })
  for (const [n, rating] of [
    [0, 'Pick'],
    [1, 'Pick'],
    [2, 'Reject'],
    [3, 'Pick'],
    [4, 'Reject'],
  ] as const) {
    await cards.nth(n).getByRole('button', { name: rating }).click()
  }
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Models' }).click()
  await page.getByRole('region', { name: 'Models' }).getByRole('table').first().waitFor()
  await shot(page, 'models')
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Gallery' }).click()

  await shotQualityFlags()

  const phone = await browser.newPage({ viewport: PHONE, baseURL: studio.origin, isMobile: true, hasTouch: true })
  await phone.goto('/')
  await phone.getByRole('button', { name: 'Generate' }).waitFor()
  await shot(phone, 'phone-compose')
  await phone.getByRole('navigation', { name: 'Studio views' }).getByRole('button', { name: 'Gallery' }).click()
  await phone.getByRole('region', { name: 'Gallery' }).getByRole('listitem').first().waitFor()
  await phone.waitForTimeout(1000)
  await shot(phone, 'phone-gallery')
  console.log(
    'wrote docs/{studio,player,compare,sequence,spend,try-on-models,lineage,comments,models,quality-flags,phone-compose,phone-gallery}.png',
  )
} finally {
  await browser.close()
  await flawed.stop()
  await studio.stop()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(flawedDir, { recursive: true, force: true })
}

/** The gallery, once every one of TAKES has succeeded. */
async function allSucceeded(page: Page) {
  const gallery = page.getByRole('region', { name: 'Gallery' })
  await gallery
    .getByText('Succeeded', { exact: true })
    .nth(TAKES.length - 1)
    .waitFor({ timeout: 60_000 })
  return gallery
}

/** Takes the quality check flagged (black, frozen) beside clean ones, and a flagged take's moment in the player. */
async function shotQualityFlags() {
  const page = await browser.newPage({ viewport: DESKTOP, baseURL: flawed.origin })
  await page.goto('/')
  await chooseModel(page, 'Grok')
  for (const take of TAKES) {
    await page.getByLabel('Prompt', { exact: true }).fill(take.prompt)
    await page.getByRole('button', { name: 'Generate' }).click()
  }
  const gallery = await allSucceeded(page)
  // Every take the simulator spoiled is flagged once the browser has checked it.
  const { items } = (await (await page.request.get('/api/renders')).json()) as {
    items: { output?: { video_url?: string } }[]
  }
  const spoiled = items.filter((r) => r.output?.video_url?.includes('/flaw-')).length
  await gallery
    .getByRole('group', { name: 'Quality flags' })
    .nth(Math.max(0, spoiled - 1))
    .waitFor({ timeout: 90_000 })
  await page.waitForTimeout(1000)
  await shot(page, 'quality-flags')
  await page.close()
}
