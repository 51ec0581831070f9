import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import type { Render } from '@/catalog/render-contract'
import { catalogV1 } from '@/catalog/models-v1'
import type { RenderRecord } from '@/features/renders/render-record'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import { frameHandoffInput } from '@/features/viewer/frame-handoff'
import { sequenceHandlers } from '@/mocks/sequence-handlers'
import { fakeMedia } from '@/test/fake-media'
import { ledgerRender } from '@/test/ledger-fixtures'
import { ContinueFromFrame, ContinueFromFrameButton } from './continue-from-frame'
import { FramePicker } from './frame-picker'

vi.mock('@/features/viewer/frame-handoff', () => ({ frameHandoffInput: vi.fn() }))

const KEPT = `/media/${'a'.repeat(64)}.mp4`
const take = newRenderRecord(
  { model: 'grok', prompt: 'A kite over dunes', duration: 6 },
  { localId: 'take-1', keptVideoUrl: KEPT, status: 'succeeded', output: { video_url: KEPT, duration: 6 } },
)
// The ledger's side of the take, which the server cuts the clip from.
const kept = ledgerRender(1, { id: take.localId, input: take.input, output: take.output!, keptVideoUrl: KEPT })
const ledger = new Map<string, Render>()
const server = setupServer(...sequenceHandlers((id) => ledger.get(id), catalogV1))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function open(shot = { inMs: 0, outMs: 5000 }) {
  const onUse = vi.fn()
  const onClose = vi.fn()
  render(
    <FramePicker
      take={take}
      url={KEPT}
      shot={shot}
      shotNumber={2}
      models={catalogV1.models}
      onUse={onUse}
      onClose={onClose}
    />,
  )
  return { onUse, onClose, user: userEvent.setup() }
}

const picked = () => screen.getByRole('status', { name: 'Picked frame' })
const video = () => screen.getByLabelText<HTMLVideoElement>('Frame to continue from')

beforeEach(() => {
  ledger.set(take.localId, kept)
  fakeMedia({ duration: 6 })
  vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(HTMLMediaElement.HAVE_METADATA)
})

it('starts on the frame under the out point and steps frame by frame, showing each frame large', async () => {
  const { user } = open()
  expect(picked()).toHaveTextContent('4.958 s, frame 119')
  expect(screen.getByText(/3\.000 s, frame 72 to 4\.958 s, frame 119, its out point/)).toBeInTheDocument()

  await user.keyboard(',,,')
  expect(picked()).toHaveTextContent('4.833 s, frame 116')
  expect(video().currentTime).toBeCloseTo(116.5 / 24)
  await user.keyboard('{ArrowLeft}.')
  expect(picked()).toHaveTextContent('4.833 s, frame 116')
  await user.click(screen.getByRole('button', { name: 'Previous frame' }))
  expect(picked()).toHaveTextContent('4.792 s, frame 115')
  expect(screen.getByRole('slider', { name: 'Frame' })).toHaveAttribute('aria-valuetext', '4.792 s, frame 115')
})

it('holds to the offered frames: the out point at one end, two seconds before it (or the in point) at the other', async () => {
  const { user } = open({ inMs: 4000, outMs: 5000 })
  expect(screen.getByRole('button', { name: 'Next frame' })).toBeDisabled()
  await user.keyboard('{ArrowRight}')
  expect(picked()).toHaveTextContent('frame 119')
  for (let i = 0; i < 30; i++) await user.keyboard(',')
  expect(picked()).toHaveTextContent('4.000 s, frame 96')
  expect(screen.getByRole('button', { name: 'Previous frame' })).toBeDisabled()
})

it('hands the picked frame on as the next shot’s first frame, the take its parent', async () => {
  const input = { model: 'grok', prompt: 'A kite over dunes', image_url: '/media/f.png' }
  vi.mocked(frameHandoffInput).mockResolvedValueOnce(input)
  const { user, onUse } = open()
  await user.keyboard(',')
  await user.click(screen.getByRole('button', { name: 'Use this frame' }))
  expect(frameHandoffInput).toHaveBeenCalledWith(take, KEPT, catalogV1.models, 118.5 / 24)
  expect(onUse).toHaveBeenCalledWith(input, take.localId, 'last-frame')
})

it('says why a frame could not be used and keeps the picker open on it', async () => {
  vi.mocked(frameHandoffInput).mockRejectedValueOnce(new Error('Too many uploads; try again in 30 s'))
  const { user, onUse } = open()
  await user.keyboard(',,')
  await user.click(screen.getByRole('button', { name: 'Use this frame' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('Too many uploads; try again in 30 s')
  expect(onUse).not.toHaveBeenCalled()
  expect(picked()).toHaveTextContent('frame 117')
  expect(screen.getByRole('button', { name: 'Use this frame' })).toBeEnabled()
})

it('opens from Continue from frame… on a kept take and gives focus back when closed', async () => {
  const user = userEvent.setup()
  const shot = { id: 's', takeIds: [take.localId], activeTakeId: take.localId, inMs: 0, outMs: 5000 }
  function Shot({ record }: { record: RenderRecord }) {
    const [open, setOpen] = useState<string>()
    return (
      <>
        <ContinueFromFrameButton take={record} onOpen={() => setOpen(shot.id)} />
        {open && (
          <ContinueFromFrame
            shots={[shot]}
            takes={new Map([[record.localId, record]])}
            shotId={open}
            models={catalogV1.models}
            onUse={vi.fn()}
            onClose={() => setOpen(undefined)}
          />
        )}
      </>
    )
  }
  const { rerender } = render(<Shot record={{ ...take, keptVideoUrl: undefined }} />)
  const button = screen.getByRole('button', { name: 'Continue from frame…' })
  expect(button).toBeDisabled()
  rerender(<Shot record={take} />)
  await user.click(button)
  expect(screen.getByRole('dialog', { name: 'Continue from frame: shot 1' })).toBeInTheDocument()
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(button).toHaveFocus()
})

it('offers Wan 2.7 the take up to the picked frame as the clip it continues, within its 2–10 s', async () => {
  const { user, onUse } = open({ inMs: 0, outMs: 6000 })
  await user.keyboard(',,,')
  expect(picked()).toHaveTextContent('5.833 s, frame 140')
  expect(screen.getByText('Wan 2.7 continues the take from 0.000 s to 5.875 s (clips of 2–10 s).')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Continue the clip up to this frame' }))
  await waitFor(() =>
    expect(onUse).toHaveBeenCalledWith(
      { model: 'wan27video', prompt: 'A kite over dunes', source_video_url: '/media/clip-take-1-0-5875.mp4' },
      'take-1',
      'continue',
    ),
  )
})

it('holds back a clip shorter than Wan 2.7 takes, and says why the server refused one', async () => {
  open({ inMs: 0, outMs: 1500 })
  expect(screen.getByRole('button', { name: 'Continue the clip up to this frame' })).toBeDisabled()
  expect(screen.getByText('Wan 2.7 continues clips of 2 s or more: pick a later frame.')).toBeInTheDocument()
  cleanup()

  ledger.set(take.localId, { ...kept, keptVideoUrl: null })
  const { user, onUse } = open()
  await user.click(screen.getByRole('button', { name: 'Continue the clip up to this frame' }))
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The studio has no copy of this take yet; try again shortly',
  )
  expect(onUse).not.toHaveBeenCalled()
})
