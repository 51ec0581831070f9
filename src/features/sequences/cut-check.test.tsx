import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Shot } from '@/catalog/sequence-contract'
import { fromLedger } from '@/features/renders/ledger-record'
import { ledgerRender } from '@/test/ledger-fixtures'
import { harbour, paintFrame, tiles } from '@/test/painted-frames'
import { CutCheck } from './cut-check'
import { measureCut } from './cut-measure'
import type { CutTools } from './cut-tools'

const HARBOUR = '/demo/lava-16x9-4s.mp4'
const TILES = '/demo/silk-16x9-4s.mp4'
const takes = new Map(
  [ledgerRender(0, { output: { video_url: HARBOUR } }), ledgerRender(1, { output: { video_url: TILES } })].map(
    (render) => [render.id, fromLedger(render)] as const,
  ),
)
const [harbourTake, tilesTake] = [...takes.keys()] as [string, string]
const shot = (id: string, takeId: string, inMs: number, outMs: number): Shot => ({
  id,
  takeIds: [takeId],
  activeTakeId: takeId,
  inMs,
  outMs,
})
// Shot 2 carries on from shot 1 in the same take; shot 3 is another picture.
const shots = [shot('a', harbourTake, 0, 2000), shot('b', harbourTake, 2000, 4000), shot('c', tilesTake, 0, 3000)]

let urls = 0
const revoked: string[] = []
beforeEach(() => {
  urls = 0
  revoked.length = 0
  URL.createObjectURL = () => `blob:frame-${++urls}`
  URL.revokeObjectURL = (url: string) => void revoked.push(url)
})
afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL')
  Reflect.deleteProperty(URL, 'revokeObjectURL')
})

/** Frames painted per take (every time of a take shows its picture), measured inline; at most one grab at a time. */
function testTools() {
  let grabbing = 0
  const tools = {
    grab: vi.fn<CutTools['grab']>(async (url) => {
      grabbing++
      expect(grabbing).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 5))
      grabbing--
      return { pixels: paintFrame(160, 90, url === TILES ? tiles : harbour), image: new Blob(['frame']) }
    }),
    measure: vi.fn<CutTools['measure']>(async (outgoing, incoming) => measureCut(outgoing, incoming)),
    close: vi.fn(),
  } satisfies CutTools
  return tools
}

it('flags the cut to another picture with both frames and its figures, and passes the continuing cut as smooth', async () => {
  const tools = testTools()
  const onContinueFrom = vi.fn()
  const { unmount } = render(<CutCheck shots={shots} takes={takes} tools={tools} onContinueFrom={onContinueFrom} />)
  const cuts = screen.getByRole('region', { name: 'Cuts' })
  const smooth = within(cuts).getByRole('listitem', { name: 'Shot 1 → 2' })
  const jump = within(cuts).getByRole('listitem', { name: 'Shot 2 → 3' })

  expect(await within(jump).findByText(/^jumps: colour shifts \d+ %, picture changes \d+ %$/)).toBeVisible()
  expect(within(smooth).getByText('smooth')).toBeVisible()
  expect(within(smooth).queryByRole('img')).toBeNull()
  expect(within(smooth).queryByRole('button')).toBeNull()
  expect(within(jump).getByRole('img', { name: 'Shot 2’s last frame' })).toHaveAttribute('src', 'blob:frame-3')
  expect(within(jump).getByRole('img', { name: 'Shot 3’s first frame' })).toHaveAttribute('src', 'blob:frame-4')

  // Each frame is grabbed in the middle of the frame either side of the cut, at 24 frames a second.
  expect(tools.grab.mock.calls.map(([url, at]) => [url, at.toFixed(4)])).toEqual([
    [HARBOUR, (2 - 1 / 48).toFixed(4)],
    [HARBOUR, (2 + 1 / 48).toFixed(4)],
    [HARBOUR, (4 - 1 / 48).toFixed(4)],
    [TILES, (1 / 48).toFixed(4)],
  ])

  await userEvent.click(within(jump).getByRole('button', { name: 'Continue from frame…' }))
  expect(onContinueFrom).toHaveBeenCalledWith(1)

  unmount()
  expect(revoked.sort()).toEqual(['blob:frame-1', 'blob:frame-2', 'blob:frame-3', 'blob:frame-4'])
  expect(tools.close).toHaveBeenCalled()
})

it('checks a cut again when a trim moves it, finds the earlier result when the trim comes back, and offers no Continue unless asked', async () => {
  const tools = testTools()
  const { rerender } = render(<CutCheck shots={shots} takes={takes} tools={tools} />)
  const cuts = screen.getByRole('region', { name: 'Cuts' })
  const jump = within(cuts).getByRole('listitem', { name: 'Shot 2 → 3' })
  await within(jump).findByText(/^jumps/)
  expect(within(jump).queryByRole('button', { name: 'Continue from frame…' })).toBeNull()
  expect(tools.grab).toHaveBeenCalledTimes(4)

  // Shot 3 becomes the harbour take, carrying on where shot 2 ends: smooth.
  const carried = [shots[0]!, shots[1]!, shot('c', harbourTake, 4000 - 1000 / 24, 4000)]
  rerender(<CutCheck shots={carried} takes={takes} tools={tools} />)
  expect(within(jump).getByText('checking…')).toBeVisible()
  expect(await within(jump).findByText('smooth')).toBeVisible()
  expect(tools.grab).toHaveBeenCalledTimes(6)

  rerender(<CutCheck shots={shots} takes={takes} tools={tools} />)
  expect(within(jump).getByText(/^jumps/)).toBeVisible()
  expect(tools.grab).toHaveBeenCalledTimes(6)
})

it('says why a cut is not checked: a frame that cannot be read, a take not yet known', async () => {
  const tools = testTools()
  tools.grab.mockRejectedValueOnce(new Error('The take could not be read to grab a frame'))
  const unknown = [...shots.slice(0, 2), shot('c', 'render-unknown', 0, 1000)]
  render(<CutCheck shots={unknown} takes={takes} tools={tools} />)
  const cuts = screen.getByRole('region', { name: 'Cuts' })
  expect(await within(cuts).findByText('not checked: The take could not be read to grab a frame')).toBeVisible()
  expect(within(cuts).getByRole('listitem', { name: 'Shot 2 → 3' })).toHaveTextContent('waiting for both takes')
})

it('keeps the frames of a bounded number of earlier checks while a shot is trimmed frame by frame', async () => {
  const tools = testTools()
  const { rerender } = render(<CutCheck shots={shots} takes={takes} tools={tools} />)
  const cuts = screen.getByRole('region', { name: 'Cuts' })
  const jump = within(cuts).getByRole('listitem', { name: 'Shot 2 → 3' })
  await within(jump).findByText(/^jumps/)
  // Forty steps of shot 3's in point, each a new cut to check (two frames each, both kept as object URLs).
  for (let step = 1; step <= 40; step++) {
    rerender(
      <CutCheck
        shots={[shots[0]!, shots[1]!, shot('c', tilesTake, (step * 1000) / 24, 3000)]}
        takes={takes}
        tools={tools}
      />,
    )
    await within(jump).findByText(/^jumps/)
  }
  const held = urls - revoked.length
  expect(held).toBeLessThanOrEqual(2 * 24)
  // What is shown is never let go of.
  for (const image of within(cuts).getAllByRole('img')) expect(revoked).not.toContain(image.getAttribute('src'))
})
