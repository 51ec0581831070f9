import { expect, type Page } from '@playwright/test'

const modelControl = (page: Page) => page.getByRole('button', { name: 'Model', exact: true })

/** Picks a model in the composer's Model control as a person would: open it, click the model. */
export async function chooseModel(page: Page, name: string) {
  await modelControl(page).click()
  await page.getByRole('listbox', { name: 'Model' }).getByRole('option', { name, exact: true }).click()
}

/** The Model control shows `name`, exactly ("Sora 2" is not "Sora 2 Pro"). */
export async function expectModel(page: Page, name: string) {
  await expect(modelControl(page).getByText(name, { exact: true })).toBeVisible()
}
