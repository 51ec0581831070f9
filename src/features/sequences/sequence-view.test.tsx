import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { sequenceSchema, type Shot } from '@/catalog/sequence-contract'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { replaceStoredRenders } from '@/features/renders/render-store'
import { studioHandlers } from '@/mocks/handlers'
import { ledgerRender } from '@/test/ledger-fixtures'
import { setupServer } from 'msw/node'

const server = setupServer()
const take = (i: number) => ledgerRender(i).id
const shot = (i: number, takeIds = [take(i)]): Shot => ({
  id: `shot-${i}`,
  takeIds,
  activeTakeId: takeIds[0]!,
  inMs: 0,
  outMs: 4000,
})
let sequenceId = ''

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  const studio = studioHandlers()
  server.use(...studio.handlers)
  await replaceStoredRenders([])
  for (const i of [0, 1, 2])
    studio.ledger.put(ledgerRender(i, { output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4 } }))
  // A re-run of take 0, two seconds long, made for shot 1.
  studio.ledger.put(
    ledgerRender(3, {
      output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 2 },
      parentId: take(0),
      relation: 'rerun',
      billableCredits: 20,
    }),
  )
  const made = await fetch('http://localhost/api/sequences', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Harbour', shots: [shot(0, [take(0), take(3)]), shot(1), shot(2)] }),
  })
  sequenceId = sequenceSchema.parse(await made.json()).id
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const stored = async () =>
  sequenceSchema.parse(await (await fetch(`http://localhost/api/sequences/${sequenceId}`)).json())

async function openSequence() {
  const user = userEvent.setup()
  render(
    <Providers>
      <App />
    </Providers>,
  )
  await user.click(await screen.findByRole('button', { name: 'Sequences' }))
  await user.click(await screen.findByRole('button', { name: 'Open Harbour' }))
  const view = await screen.findByRole('region', { name: 'Sequence' })
  await within(view).findByText('3 shots · 0:12.00 · 36 credits')
  return { user, view, shots: () => within(within(view).getByRole('list', { name: 'Shots' })).getAllByRole('listitem') }
}

it('reorders, trims and switches a shot’s take, saving each change from the version it was made on', async () => {
  const { user, view, shots } = await openSequence()
  await user.click(within(shots()[0]!).getByRole('button', { name: 'Move later' }))
  await waitFor(async () => expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-1', 'shot-0', 'shot-2']))

  shots()[2]!.focus()
  await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
  await waitFor(async () => expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-1', 'shot-2', 'shot-0']))

  await user.click(shots()[2]!)
  const editor = within(view).getByRole('region', { name: 'Shot 3' })
  await user.clear(within(editor).getByLabelText('In (s)'))
  await user.type(within(editor).getByLabelText('In (s)'), '1.01{Enter}')
  await waitFor(async () => expect((await stored()).shots[2]).toMatchObject({ inMs: 1000, outMs: 4000 }))
  expect(within(editor).getByText('Plays 3.00 s')).toBeVisible()

  // The re-run is two seconds long: the out point moves to its end.
  await user.click(within(editor).getByRole('radio', { name: /^Take 2/ }))
  await waitFor(async () =>
    expect((await stored()).shots[2]).toMatchObject({ activeTakeId: take(3), inMs: 1000, outMs: 2000 }),
  )
  expect(within(view).getByRole('status')).toHaveTextContent('3 shots · 0:09.00 · 44 credits')
  expect((await stored()).version).toBe(5)
})

it('moves a shot twice when Alt+← is pressed twice quickly, before the first move has shown', async () => {
  const { shots } = await openSequence()
  const last = shots()[2]!
  last.focus()
  fireEvent.keyDown(last, { key: 'ArrowLeft', altKey: true })
  fireEvent.keyDown(last, { key: 'ArrowLeft', altKey: true })
  await waitFor(async () => expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-2', 'shot-0', 'shot-1']))
  expect(shots().map((li) => li.getAttribute('aria-label'))).toEqual([
    'Shot 1: Veo 3.1, 4.00 s',
    'Shot 2: Veo 3.1, 4.00 s',
    'Shot 3: Sora 2, 4.00 s',
  ])
})

it('refuses an in point that is not before the out point, and changes nothing', async () => {
  const { user, view, shots } = await openSequence()
  await user.click(shots()[0]!)
  const editor = within(view).getByRole('region', { name: 'Shot 1' })
  await user.clear(within(editor).getByLabelText('In (s)'))
  await user.type(within(editor).getByLabelText('In (s)'), '4{Enter}')
  expect(await within(editor).findByRole('alert')).toHaveTextContent('at least a frame before the out point')
  expect((await stored()).version).toBe(1)
})

it('removes a shot, and Undo puts it back where it was', async () => {
  const { user, view, shots } = await openSequence()
  await user.click(within(shots()[1]!).getByRole('button', { name: 'Remove shot' }))
  await waitFor(async () => expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-0', 'shot-2']))
  expect(shots()).toHaveLength(2)
  await user.click(await screen.findByRole('button', { name: 'Undo' }))
  await waitFor(async () => expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-0', 'shot-1', 'shot-2']))
  expect(within(view).getByRole('status')).toHaveTextContent('3 shots')
})

it('shows the other version, never overwriting it, when someone else saved first', async () => {
  const { user, view, shots } = await openSequence()
  const theirs = await fetch(`http://localhost/api/sequences/${sequenceId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: 1, name: 'Harbour, cut 2' }),
  })
  expect(theirs.status).toBe(200)
  await user.click(within(shots()[0]!).getByRole('button', { name: 'Move later' }))
  expect(await within(view).findByRole('alert')).toHaveTextContent(
    'Someone else changed this sequence; showing their version',
  )
  await waitFor(() => expect(within(view).getByLabelText('Sequence name')).toHaveValue('Harbour, cut 2'))
  expect(shots().map((li) => li.getAttribute('aria-label'))).toEqual([
    'Shot 1: Veo 3.1, 4.00 s',
    'Shot 2: Sora 2, 4.00 s',
    'Shot 3: Veo 3.1, 4.00 s',
  ])
  expect((await stored()).shots.map((s) => s.id)).toEqual(['shot-0', 'shot-1', 'shot-2'])
  expect((await stored()).name).toBe('Harbour, cut 2')
})
