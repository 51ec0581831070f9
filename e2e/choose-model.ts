import { expect, type Page } from '@playwright/test'

const modelControl = (page: Page) => page.getByRole('button', { name: 'Model', exact: true })

/** Picks a model in the composer's Model control as a person would: click the model shown, then the one wanted. */
export async function chooseModel(page: Page, name: string) {
  // At the start of the model's name: the middle of the control may be its "unverified" badge, a button of its own.
  await modelControl(page).click({ position: { x: 16, y: 12 } })
  await page.getByRole('listbox', { name: 'Model' }).getByRole('option', { name, exact: true }).click()
}

/** The Model control shows `name`, exactly ("Sora 2" is not "Sora 2 Pro"). */
export async function expectModel(page: Page, name: string) {
  // The control is described by the model's name, then its one line.
  const [nameId] = (await modelControl(page).getAttribute('aria-describedby'))?.split(' ') ?? []
  await expect(page.locator(`[id="${nameId}"]`)).toHaveText(name)
}
