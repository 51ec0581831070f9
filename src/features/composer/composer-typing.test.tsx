import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { studioHandlers } from '@/mocks/handlers'
import { chooseModel } from '@/test/choose-model'
import { loadValidator } from './composer-validation'
import { fieldId } from './field-ids'
import { renderComposer } from './test-composer'
import type { FormField } from './validate-composer'

const server = setupServer(...studioHandlers().handlers)
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  // The form's checks load once the page is idle; here they are loaded first, as they are by the time a person types.
  await loadValidator()
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => localStorage.clear())

const countOf = (field: FormField) => document.getElementById(`${fieldId(field)}-count`)?.textContent
const generate = () => screen.getByRole('button', { name: 'Generate' })

describe('Typing in the composer', () => {
  it('paints each key at once and lets validation catch up when the typist pauses', async () => {
    renderComposer()
    expect(generate()).toBeDisabled()
    fireEvent.input(screen.getByLabelText('Prompt'), { target: { value: 'R' } })
    expect(countOf('prompt')).toMatch(/^1 \/ /)
    // The rest of the form has not been re-rendered for this key.
    expect(generate()).toBeDisabled()
    await waitFor(() => expect(generate()).toBeEnabled())
  })

  it('catches up at once when focus leaves the field, so a button pressed right after typing sees the text', () => {
    renderComposer()
    const prompt = screen.getByLabelText('Prompt')
    fireEvent.input(prompt, { target: { value: 'Rain on neon' } })
    fireEvent.blur(prompt)
    expect(generate()).toBeEnabled()
  })

  it('keeps every key of the negative prompt, and follows the form when a render is loaded into it', async () => {
    const user = userEvent.setup()
    const composer = renderComposer()
    await chooseModel(user, 'Wan 2.7')
    const negative = () => screen.getByLabelText('Negative prompt')
    await user.type(negative(), 'blur')
    expect(negative()).toHaveValue('blur')
    expect(countOf('negative_prompt')).toMatch(/^4 \/ /)
    await chooseModel(user, 'Sora 2')
    await chooseModel(user, 'Wan 2.7')
    expect(negative()).toHaveValue('blur')
    await user.type(negative(), ', grain')
    composer.rerender({ input: { model: 'wan27video', prompt: 'A chase', negative_prompt: 'soft' }, key: 'remix-1' })
    await waitFor(() => expect(negative()).toHaveValue('soft'))
    expect(countOf('negative_prompt')).toMatch(/^4 \/ /)
  })
})
