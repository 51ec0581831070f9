import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'

/** Picks a model in the composer's Model control as a person would: open it, click the model. */
export async function chooseModel(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name: 'Model' }))
  await user.click(within(screen.getByRole('listbox', { name: 'Model' })).getByRole('option', { name }))
}

/** The model the Model control shows (its name, exactly: "Sora 2" is not "Sora 2 Pro"). */
export function shownModel(): string | null | undefined {
  const [nameId] = screen.getByRole('button', { name: 'Model' }).getAttribute('aria-describedby')?.split(' ') ?? []
  return nameId ? document.getElementById(nameId)?.textContent : undefined
}
