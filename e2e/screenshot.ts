// Takes README screenshots of the running studio: `node --import tsx e2e/screenshot.ts http://127.0.0.1:3000 out.png`
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { chooseModel } from './choose-model'

const [url = 'http://127.0.0.1:3000', out = 'docs/studio.png'] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
await page.goto(url)
await chooseModel(page, 'Wan 2.7')
await page.getByLabel('Prompt', { exact: true }).fill('A handheld chase through a crowded market at blue hour.')
await page.getByRole('button', { name: 'Generate' }).click()
await chooseModel(page, 'Sora 2')
await page.getByLabel('Prompt', { exact: true }).fill('A paper boat drifting down a rain-soaked street at dusk')
await page.getByRole('button', { name: 'Generate' }).click()
await page.getByText('Succeeded', { exact: true }).first().waitFor({ timeout: 20_000 })
await page.evaluate(() => window.scrollTo(0, 0))
await page.screenshot({ path: out })
await browser.close()
console.log(`wrote ${out}`)
