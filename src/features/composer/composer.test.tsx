import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS } from '@/catalog/wire-fields'
import { catalogV1 } from '@/catalog/models-v1'
import type { VideoInput } from '@/catalog/request-schema'
import { studioHandlers } from '@/mocks/handlers'
import { DRAFT_KEY } from './draft'
import { chooseModel, shownModel } from '@/test/choose-model'
import { renderComposer } from './test-composer'

const studio = studioHandlers({ simulator: { timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } } })
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => localStorage.clear())

const CONTROL_LABELS = [...new Set(Object.values(FIELD_LABELS)), 'Mode']

const shownControls = () => CONTROL_LABELS.filter((label) => screen.queryAllByLabelText(label).length > 0).sort()

function expectedControls(model: Model, modeIndex: number) {
  const labels = new Set<string>(Object.keys(model.fields).map((f) => FIELD_LABELS[f as keyof typeof FIELD_LABELS]))
  for (const slot of model.modes[modeIndex]!.media) labels.add(FIELD_LABELS[slot.field])
  if (model.modes.length > 1) labels.add('Mode')
  return [...labels].sort()
}

const ratioOption = (ratio: string) =>
  within(screen.getByRole('radiogroup', { name: 'Aspect ratio' })).getByRole('radio', { name: ratio })

/** Wan 2.7 with a value in each field a switch to Sora 2 drops or clamps. */
async function fillWanWork(user: UserEvent) {
  await chooseModel(user, 'Wan 2.7')
  await user.type(screen.getByLabelText('Prompt'), 'A chase')
  await user.type(screen.getByLabelText('Negative prompt'), 'blur')
  await user.clear(screen.getByLabelText('Duration in seconds'))
  await user.type(screen.getByLabelText('Duration in seconds'), '10')
  await user.click(ratioOption('4:3'))
  await user.type(screen.getByRole('spinbutton', { name: 'Seed' }), '4242')
  await user.click(screen.getByRole('checkbox', { name: /Lock seed/ }))
}

function expectWanWork() {
  expect(screen.getByLabelText('Negative prompt')).toHaveValue('blur')
  expect(screen.getByLabelText('Duration in seconds')).toHaveValue(10)
  expect(ratioOption('4:3')).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('spinbutton', { name: 'Seed' })).toHaveValue(4242)
  expect(screen.getByRole('checkbox', { name: /Lock seed/ })).toBeChecked()
}

describe.each(catalogV1.models.map((m) => [m.name, m] as const))('%s', (name, model) => {
  it('shows exactly the catalog’s fields in every mode', async () => {
    const user = userEvent.setup()
    renderComposer()
    await chooseModel(user, name)
    for (const [index, mode] of model.modes.entries()) {
      if (model.modes.length > 1) {
        await user.click(
          within(screen.getByRole('radiogroup', { name: 'Mode' })).getByRole('radio', { name: mode.label }),
        )
      }
      // Media slots load on demand, so a mode with media may take a moment to show them (longer on a busy machine).
      await waitFor(() => expect(shownControls()).toEqual(expectedControls(model, index)), { timeout: 5000 })
    }
    const duration = model.fields.duration
    if (duration?.type === 'integer' && duration.values) {
      const steps = within(screen.getByRole('radiogroup', { name: 'Duration' })).getAllByRole('radio')
      expect(steps.map((step) => step.textContent)).toEqual(duration.values.map((v) => `${v} s`))
    }
  })
})

describe('Composer', () => {
  it('tells exactly what a model switch changed, in a polite status', async () => {
    const user = userEvent.setup()
    renderComposer()
    await chooseModel(user, 'Wan 2.7')
    await user.type(screen.getByLabelText('Negative prompt'), 'blur')
    await user.clear(screen.getByLabelText('Duration in seconds'))
    await user.type(screen.getByLabelText('Duration in seconds'), '10')
    await chooseModel(user, 'Sora 2')
    expect(screen.getByText(/^Switched to Sora 2\./)).toHaveTextContent(
      'Switched to Sora 2. Negative prompt removed: Sora 2 does not support it; Duration 10 s → 8 s.',
    )
    expect(screen.getByText(/^Switched to Sora 2\./)).toHaveAttribute('role', 'status')
  })

  it('brings dropped values back on the way back to a model', async () => {
    const user = userEvent.setup()
    renderComposer()
    await fillWanWork(user)
    await chooseModel(user, 'Sora 2')
    expect(screen.queryByLabelText('Negative prompt')).not.toBeInTheDocument()
    await chooseModel(user, 'Wan 2.7')
    expectWanWork()
    expect(screen.getByText(/^Switched to Wan 2\.7\./)).toHaveTextContent(
      'Switched to Wan 2.7. Negative prompt, Duration, Aspect ratio, Seed back as you left them.',
    )
  })

  it('undoes a model switch, keeping the words typed since, and clears the notice after Generate', async () => {
    const user = userEvent.setup()
    const { sent } = renderComposer()
    await fillWanWork(user)
    await chooseModel(user, 'Sora 2')
    await user.type(screen.getByLabelText('Prompt'), ' at night')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(screen.getByLabelText('Prompt')).toHaveValue('A chase at night')
    expect(shownModel()).toBe('Wan 2.7')
    expectWanWork()
    expect(screen.getByText('Back to Wan 2.7, every value as it was.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()

    await chooseModel(user, 'Sora 2')
    expect(screen.getByText(/^Switched to Sora 2\./)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    await screen.findByText('Sent to Sora 2: it is in the gallery.')
    expect(sent).toHaveLength(1)
    expect(screen.queryByText(/^Switched to Sora 2\./)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
  })

  it('picks a model with the keyboard alone', async () => {
    const user = userEvent.setup()
    renderComposer()
    screen.getByRole('button', { name: 'Model' }).focus()
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}')
    expect(shownModel()).toBe('Wan 2.7')
    expect(screen.getByRole('button', { name: 'Model' })).toHaveFocus()
    expect(screen.getByLabelText('Negative prompt')).toBeInTheDocument()
  })

  it('disables Generate with its reason, shows errors at the fields, and submits once on a double click', async () => {
    const user = userEvent.setup()
    const { sent } = renderComposer()
    await chooseModel(user, 'Grok')
    const generate = screen.getByRole('button', { name: 'Generate' })
    expect(generate).toBeDisabled()
    expect(generate).toHaveAccessibleDescription('Write a prompt')

    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Mode' })).getByRole('radio', { name: 'First frame' }),
    )
    expect(generate).toHaveAccessibleDescription('Write a prompt Add a first frame')
    expect(within(document.getElementById('composer-generate-reason')!).getAllByRole('listitem')).toHaveLength(2)
    await user.click(screen.getByLabelText('Prompt'))
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(screen.getByLabelText('Prompt')).toHaveAccessibleDescription(/Write a prompt/)
    expect(screen.getByLabelText('First frame')).toHaveAttribute('aria-invalid', 'true')
    expect(sent).toEqual([])

    await user.type(screen.getByLabelText('Prompt'), 'A kite over dunes')
    await user.type(screen.getByLabelText('First frame'), 'http://insecure.example/f.jpg')
    expect(screen.getByLabelText('First frame')).toHaveAccessibleDescription(
      'Use an https:// URL or a demo file for the first frame',
    )
    await user.click(screen.getByRole('button', { name: 'Use a demo file for First frame' }))
    await user.click(within(screen.getByRole('radiogroup', { name: 'Duration' })).getByRole('radio', { name: '10 s' }))
    expect(generate).toBeEnabled()
    await user.dblClick(generate)
    await screen.findByText('Sent to Grok: it is in the gallery.')
    expect(sent).toEqual([
      {
        model: 'grok',
        prompt: 'A kite over dunes',
        duration: 10,
        aspect_ratio: '16:9',
        resolution: '720p',
        image_url: '/demo/lava-16x9-4s.jpg',
      },
    ])
  })

  it('keeps a slow burst of repeats to one render: each repeat restarts the one-second window', async () => {
    const user = userEvent.setup()
    const { sent } = renderComposer()
    await chooseModel(user, 'Grok')
    await user.type(screen.getByLabelText('Prompt'), 'A kite over dunes')
    let now = 1_000_000
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now)
    try {
      for (let press = 0; press < 4; press++) {
        await user.keyboard('{Control>}{Enter}{/Control}')
        await waitFor(() => expect(sent).toHaveLength(1))
        now += 800
      }
      now += 1000
      await user.keyboard('{Control>}{Enter}{/Control}')
      await waitFor(() => expect(sent).toHaveLength(2))
    } finally {
      clock.mockRestore()
    }
  })

  it('counts presses made while the render is still being sent as part of its burst', async () => {
    const user = userEvent.setup()
    let release = () => {}
    const { sent } = renderComposer(undefined, { hold: () => new Promise<void>((resolve) => (release = resolve)) })
    await chooseModel(user, 'Grok')
    await user.type(screen.getByLabelText('Prompt'), 'A kite over dunes')
    let now = 1_000_000
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now)
    try {
      await user.keyboard('{Control>}{Enter}{/Control}')
      await waitFor(() => expect(sent).toHaveLength(1))
      now += 800
      await user.keyboard('{Control>}{Enter}{/Control}') // while the first is still being sent
      release()
      await screen.findByText('Sent to Grok: it is in the gallery.')
      now += 800
      await user.keyboard('{Control>}{Enter}{/Control}') // 0.8 s after the press before it: still the burst
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(sent).toHaveLength(1)
      now += 1100
      await user.keyboard('{Control>}{Enter}{/Control}')
      await waitFor(() => expect(sent).toHaveLength(2))
    } finally {
      clock.mockRestore()
    }
  })

  it('previews pasted media and says plainly when it does not load', async () => {
    const user = userEvent.setup()
    renderComposer()
    await chooseModel(user, 'Wan 2.7')
    await user.type(screen.getByLabelText('Audio'), 'https://media.example/track.mp3')
    const audio = screen.getByLabelText('Audio preview')
    expect(audio.tagName).toBe('AUDIO')
    fireEvent.error(audio)
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Audio could not be loaded. Check that the URL is public and points to an audio file.',
    )
  })

  it('loads a remix: model, mode and every value, and says so', async () => {
    const user = userEvent.setup()
    const { sent, rerender } = renderComposer()
    const input: VideoInput = {
      model: 'wan27video',
      prompt: 'The chase continues',
      duration: 7,
      aspect_ratio: '9:16',
      resolution: '1080p',
      source_video_url: '/demo/silk-9x16-4s.mp4',
      seed: 1234,
      prompt_extend: false,
      watermark: false,
      nsfw_checker: true,
    }
    rerender({ input, key: 'render-1' })
    expect(await screen.findByText(/Loaded the render's settings: Wan 2\.7, Continue clip/)).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Continue clip' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByLabelText('Source clip')).toHaveValue('/demo/silk-9x16-4s.mp4')
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    await screen.findByText('Sent to Wan 2.7: it is in the gallery.')
    expect(sent).toEqual([input])
  })

  it('never shows a locked seed with an empty value', async () => {
    const user = userEvent.setup()
    const { rerender } = renderComposer()
    const lock = () => screen.getByRole('checkbox', { name: /Lock seed/ })
    const seed = () => screen.getByRole('spinbutton', { name: 'Seed' })

    // Locking an empty seed locks a drawn one.
    await chooseModel(user, 'Seedance 2.0')
    await user.click(lock())
    expect(lock()).toBeChecked()
    expect(seed()).not.toHaveValue(null)

    // Clearing a locked seed unlocks it.
    await user.clear(seed())
    expect(lock()).not.toBeChecked()

    // A remix locks its seed; through a model without a seed to one with none set, the lock does not follow.
    rerender({ input: { model: 'wan27video', prompt: 'A chase', seed: 1234 }, key: 'render-1' })
    await waitFor(() => expect(seed()).toHaveValue(1234))
    expect(lock()).toBeChecked()
    await chooseModel(user, 'Sora 2')
    await chooseModel(user, 'Seedance 2.0')
    expect(seed()).not.toHaveValue()
    expect(lock()).not.toBeChecked()
  })

  it('enhances the prompt through the BFF and lets the user accept it', async () => {
    const user = userEvent.setup()
    renderComposer()
    await user.type(screen.getByLabelText('Prompt'), 'a runner in a canyon')
    await user.click(screen.getByRole('button', { name: 'Enhance prompt' }))
    const proposal = await screen.findByRole('region', { name: 'Enhanced prompt' })
    const enhanced = proposal.querySelector('p')!.textContent!
    expect(enhanced).toMatch(/^a runner in a canyon\. .+/)
    await user.click(within(proposal).getByRole('button', { name: 'Accept' }))
    expect(screen.getByLabelText('Prompt')).toHaveValue(enhanced)
  })

  it('keeps the draft across a reload', async () => {
    const user = userEvent.setup()
    const first = renderComposer()
    await chooseModel(user, 'Veo 3.1')
    await user.type(screen.getByLabelText('Prompt'), 'Rain on neon')
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain('Rain on neon'))
    first.unmount()
    renderComposer()
    expect(shownModel()).toBe('Veo 3.1')
    expect(screen.getByLabelText('Prompt')).toHaveValue('Rain on neon')
  })
})
