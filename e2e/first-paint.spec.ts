import { expect, test, type Browser } from '@playwright/test'

/*
 * The static shell in index.html paints the first screen before any script runs, and lines up with what React
 * draws over it, so the page does not jump when the studio takes over.
 */
const VIEWPORTS = [
  ['1440×900', { width: 1440, height: 900 }],
  ['390×844', { width: 390, height: 844 }],
] as const

async function promptBox(browser: Browser, viewport: { width: number; height: number }, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ viewport, javaScriptEnabled })
  try {
    const page = await context.newPage()
    await page.goto('/')
    const prompt = javaScriptEnabled
      ? page.getByLabel('Prompt', { exact: true })
      : page.locator('[data-static-shell] textarea')
    await expect(prompt).toBeVisible()
    if (javaScriptEnabled) await expect(page.locator('[data-static-shell]')).toHaveCount(0)
    else await expect(page.getByText('Cannon Studio')).toBeVisible()
    return { box: await prompt.boundingBox(), placeholder: await prompt.getAttribute('placeholder') }
  } finally {
    await context.close()
  }
}

for (const [name, viewport] of VIEWPORTS) {
  test(`the first screen paints without JavaScript and the studio lines up with it at ${name}`, async ({ browser }) => {
    const shell = await promptBox(browser, viewport, false)
    const studio = await promptBox(browser, viewport, true)
    expect(shell.placeholder).toBe(studio.placeholder)
    expect(shell.box).toEqual(studio.box)
  })
}

test('a phone loads neither the gallery, the ledger’s reads nor the form’s checks until the person asks for them', async ({
  page,
}) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  const loaded = (chunk: string) => scripts.some((path) => path.startsWith(`/assets/${chunk}-`))
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  const generate = page.getByRole('button', { name: 'Generate' })
  await expect(generate).toBeEnabled()
  await page.waitForLoadState('networkidle')
  expect(loaded('gallery')).toBe(false)
  expect(loaded('ledger-reads')).toBe(false)
  expect(loaded('validate-composer')).toBe(false)

  // Working with the form brings its checks: an empty prompt is then a reason under Generate.
  await page.getByLabel('Prompt', { exact: true }).focus()
  await expect(page.getByText('Write a prompt').first()).toBeVisible()
  expect(loaded('validate-composer')).toBe(true)

  await page.getByRole('navigation', { name: 'Studio views' }).getByRole('button', { name: 'Gallery' }).click()
  await expect(page.getByRole('region', { name: 'Gallery' })).toBeVisible()
  expect(loaded('gallery')).toBe(true)
})
