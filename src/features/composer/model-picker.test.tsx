import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import type { ModelRefusal } from '@/catalog/fidelity-contract'
import { pickRates, type PickRate } from '@/catalog/review-contract'
import { shownModel } from '@/test/choose-model'
import { ModelPicker } from './model-picker'

function Picker({
  refusals,
  pickRates,
}: {
  refusals?: ReadonlyMap<string, ModelRefusal>
  pickRates?: ReadonlyMap<string, PickRate>
}) {
  const [value, setValue] = useState('seedance2')
  return (
    <>
      <ModelPicker
        models={catalogV1.models}
        value={value}
        onChange={setValue}
        refusals={refusals}
        pickRates={pickRates}
      />
      <button type="button">Elsewhere</button>
    </>
  )
}

const trigger = () => screen.getByRole('button', { name: 'Model' })
const list = () => screen.queryByRole('listbox', { name: 'Model' })
const shownOptions = () =>
  within(list()!)
    .getAllByRole('option')
    .map((option) => option.getAttribute('aria-label'))
const activeOption = () => {
  const id = screen.getByRole('combobox', { name: 'Filter models' }).getAttribute('aria-activedescendant')
  return id ? document.getElementById(id)?.getAttribute('aria-label') : undefined
}

describe('ModelPicker', () => {
  it('shows the team’s pick rate quietly beside a model once ten of its takes are rated', async () => {
    const row = { mode: null, seconds: null, renders: 0, succeeded: 0, failed: 0, flagged: 0 }
    const sums = {
      failureRate: null,
      medianRenderMs: null,
      credits: 0,
      creditsPerPick: null,
      creditsPerPickedSecond: null,
    }
    const models = [
      { ...row, ...sums, model: 'grok', picks: 6, rejects: 4 },
      { ...row, ...sums, model: 'veo31', picks: 5, rejects: 4 },
    ]
    render(<Picker pickRates={new Map(pickRates({ models }))} />)
    await userEvent.click(trigger())
    const grok = within(list()!).getByRole('option', { name: 'Grok' })
    expect(within(grok).getByText('60% picked')).toHaveAttribute('title', 'The team picked 60% of its 10 rated takes')
    expect(within(list()!).getByRole('option', { name: 'Veo 3.1' })).not.toHaveTextContent(/picked/)
  })

  it('shows the model and its one line on a button named Model', () => {
    render(<Picker />)
    expect(shownModel()).toBe('Seedance 2.0')
    expect(trigger()).toHaveAccessibleDescription(/^Seedance 2\.0 4–15 s, up to 1080p/)
    expect(trigger()).toHaveAttribute('aria-expanded', 'false')
    expect(list()).not.toBeInTheDocument()
  })

  it('opens with Enter, Space or ArrowDown, filters as you type, and picks with Enter', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    for (const key of ['{Enter}', ' ', '{ArrowDown}']) {
      trigger().focus()
      await user.keyboard(key)
      expect(list()).toBeInTheDocument()
      expect(screen.getByRole('combobox', { name: 'Filter models' })).toHaveFocus()
      expect(activeOption()).toBe('Seedance 2.0')
      expect(within(list()!).getByRole('option', { name: 'Seedance 2.0' })).toHaveAttribute('aria-selected', 'true')
      await user.keyboard('{Escape}')
      expect(list()).not.toBeInTheDocument()
      expect(trigger()).toHaveFocus()
    }

    await user.keyboard('{ArrowDown}')
    expect(shownOptions()).toEqual(catalogV1.models.map((model) => model.name))
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(activeOption()).toBe('Wan 2.7')
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}')
    expect(activeOption()).toBe('Nano Banana')

    await user.keyboard('sora')
    expect(shownOptions()).toEqual(['Sora 2', 'Sora 2 Pro'])
    expect(activeOption()).toBe('Sora 2')
    await user.keyboard('{ArrowDown}{Enter}')
    expect(list()).not.toBeInTheDocument()
    expect(trigger()).toHaveFocus()
    expect(shownModel()).toBe('Sora 2 Pro')
  })

  it('matches every typed word in any order, in the name and the one line, and says when none does', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    trigger().focus()
    await user.keyboard('a')
    expect(screen.getByRole('combobox', { name: 'Filter models' })).toHaveValue('a')
    await user.clear(screen.getByRole('combobox', { name: 'Filter models' }))
    await user.keyboard('audio 2.7')
    expect(shownOptions()).toEqual(['Wan 2.7'])
    await user.keyboard(' zzz')
    expect(list()).toBeEmptyDOMElement()
    expect(screen.getByText('No model matches “audio 2.7 zzz”.')).toBeInTheDocument()
  })

  it('picks with a click and closes on a click outside or when focus leaves', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    await user.click(trigger())
    await user.click(screen.getByRole('option', { name: 'Grok' }))
    expect(shownModel()).toBe('Grok')
    expect(list()).not.toBeInTheDocument()

    await user.click(trigger())
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(list()).not.toBeInTheDocument()
    expect(shownModel()).toBe('Grok')

    await user.click(trigger())
    await user.click(trigger())
    expect(list()).not.toBeInTheDocument()

    await user.click(trigger())
    await user.tab()
    expect(list()).not.toBeInTheDocument()
  })

  it('shows one quiet badge for what is unconfirmed, with the explanation on demand by keyboard', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    expect(screen.queryByRole('button', { name: 'unverified' })).not.toBeInTheDocument()

    await user.click(trigger())
    await user.click(screen.getByRole('option', { name: 'Nano Banana' }))
    const badge = screen.getByRole('button', { name: 'unverified' })
    expect(badge).toHaveAttribute('title', expect.stringContaining('Cannon has not confirmed the id nanobanana yet'))
    expect(badge).toHaveAttribute('aria-expanded', 'false')

    await user.tab()
    expect(badge).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(badge).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText(/sends only prompt, aspect ratio and first frame\./)).toBeInTheDocument()
    await user.keyboard(' ')
    expect(screen.queryByText(/sends only prompt/)).not.toBeInTheDocument()
  })

  it('marks unconfirmed models in the list too, in their description', async () => {
    const user = userEvent.setup()
    render(<Picker />)
    await user.click(trigger())
    expect(screen.getByRole('option', { name: 'Grok' })).toHaveAccessibleDescription(/\(unverified\)$/)
    expect(screen.getByRole('option', { name: 'Wan 2.7' })).not.toHaveAccessibleDescription(/unverified/)
  })

  it("says in plain words that Sora 2's API closed upstream, behind its one badge, and keeps it pickable", async () => {
    const user = userEvent.setup()
    render(<Picker />)
    await user.click(trigger())
    expect(screen.getByRole('option', { name: 'Sora 2' })).toHaveAccessibleDescription(/\(may be refused\)$/)
    await user.click(screen.getByRole('option', { name: 'Sora 2' }))
    expect(shownModel()).toBe('Sora 2')
    await user.click(screen.getByRole('button', { name: 'may be refused' }))
    expect(screen.getByText('OpenAI closed the Sora 2 API on 2026-09-24; Cannon may refuse it.')).toBeInTheDocument()
  })

  it("shows Cannon's refusal on the model it names, in the list and behind the badge", async () => {
    const user = userEvent.setup()
    const atMs = Date.parse('2026-11-29T10:00:00Z')
    const refusals = new Map([['grok', { model: 'grok', message: 'unknown model grok', field: 'model', atMs }]])
    render(<Picker refusals={refusals} />)
    await user.click(trigger())
    const grok = screen.getByRole('option', { name: 'Grok' })
    expect(grok).toHaveAccessibleDescription(/Cannon refused Grok on 2026-11-29: unknown model grok ?\(refused\)$/)
    await user.click(grok)
    await user.click(screen.getByRole('button', { name: 'refused' }))
    expect(screen.getByText('Cannon refused Grok on 2026-11-29: unknown model grok')).toBeInTheDocument()
  })
})
