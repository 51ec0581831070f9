import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import type { RenderRecord } from '@/features/renders/render-record'
import { createQueryClient } from '@/lib/query-client'
import { readLastLooked } from './last-looked'
import { WhatsNew } from './whats-new'

const LOOKED = Date.parse('2026-11-29T18:00:00Z')
const take: RenderRecord = {
  localId: 'take-1',
  idempotencyKey: 'key-1',
  input: { model: 'grok', prompt: 'A lantern over a lake' },
  status: 'succeeded',
  createdAtMs: LOOKED + 1000,
  updatedAtMs: LOOKED + 9000,
  favourite: false,
  stale: false,
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
})
afterAll(() => server.close())

function show(onOpen = vi.fn()) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <WhatsNew renders={[take]} modelName={(id) => (id === 'grok' ? 'Grok' : id)} onOpen={onOpen} />
    </QueryClientProvider>,
  )
  return onOpen
}

it('says what ended since the last look, opens a new take, and forgets it on Got it', async () => {
  localStorage.setItem('cannon-studio:last-looked-at', String(LOOKED))
  const asked: string[] = []
  server.use(
    http.get('*/api/news', ({ request }) => {
      asked.push(new URL(request.url).searchParams.get('since')!)
      return HttpResponse.json({
        sinceMs: LOOKED,
        finished: 3,
        failed: 1,
        latest: [
          {
            id: 'take-1',
            prompt: 'A lantern over a lake',
            model: 'grok',
            status: 'succeeded',
            completedAtMs: LOOKED + 9000,
          },
          { id: 'take-9', prompt: 'An older page', model: 'veo31', status: 'failed', completedAtMs: LOOKED + 5000 },
        ],
        comments: 0,
        latestComments: [],
      })
    }),
  )
  const onOpen = show()
  const notice = await screen.findByRole('region', { name: 'What is new' })
  expect(asked).toEqual([String(LOOKED)])
  expect(notice).toHaveTextContent(/Since you last looked \(.+\): 2 takes finished, 1 failed/)
  await userEvent.click(screen.getByRole('button', { name: 'Grok · A lantern over a lake' }))
  expect(onOpen).toHaveBeenCalledWith(take)
  expect(screen.queryByRole('button', { name: /An older page/ })).toBeNull() // not loaded here: named, not a link
  expect(notice).toHaveTextContent('Failed')

  await userEvent.click(screen.getByRole('button', { name: 'Got it' }))
  expect(screen.queryByRole('region', { name: 'What is new' })).toBeNull()
  expect(readLastLooked()).toBeGreaterThan(LOOKED)
})

it('starts counting on a first visit, and says nothing when nothing is new', async () => {
  const asked = vi.fn(() =>
    HttpResponse.json({ sinceMs: 0, finished: 0, failed: 0, latest: [], comments: 0, latestComments: [] }),
  )
  server.use(http.get('*/api/news', asked))
  show()
  expect(readLastLooked()).toBeDefined() // a first visit: from now on
  expect(asked).not.toHaveBeenCalled()
  localStorage.setItem('cannon-studio:last-looked-at', String(LOOKED))
  show()
  await vi.waitFor(() => expect(asked).toHaveBeenCalled())
  expect(screen.queryByRole('region', { name: 'What is new' })).toBeNull()
})

it('tells of comments others wrote while away, each opening its take', async () => {
  localStorage.setItem('cannon-studio:last-looked-at', String(LOOKED))
  server.use(
    http.get('*/api/news', () =>
      HttpResponse.json({
        sinceMs: LOOKED,
        finished: 0,
        failed: 0,
        latest: [],
        comments: 2,
        latestComments: [
          {
            id: 'c-1',
            renderId: 'take-1',
            prompt: 'A lantern over a lake',
            author: 'Ada (review link)',
            text: 'The flame flickers too fast here',
            atMs: 2500,
            createdAtMs: LOOKED + 4000,
          },
          {
            id: 'c-2',
            renderId: 'take-9',
            prompt: 'An older page',
            author: null,
            text: 'Too dark',
            atMs: 0,
            createdAtMs: LOOKED + 3000,
          },
        ],
      }),
    ),
  )
  const onOpen = show()
  const notice = await screen.findByRole('region', { name: 'What is new' })
  expect(screen.getByText(/^Since you last looked \(.+\): 2 comments$/)).toBeInTheDocument()
  await userEvent.click(
    screen.getByRole('button', {
      name: 'Ada (review link) at 0:02.50 on “A lantern over a lake”: The flame flickers too fast here',
    }),
  )
  expect(onOpen).toHaveBeenCalledWith(take)
  expect(notice).toHaveTextContent('Someone at 0:00.00 on “An older page”: Too dark')
  expect(screen.queryByRole('button', { name: /Too dark/ })).toBeNull()
})
