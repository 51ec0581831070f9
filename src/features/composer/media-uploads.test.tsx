import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { readMediaDuration } from '@/lib/media-duration'
import { studioHandlers } from '@/mocks/handlers'
import { DRAFT_KEY } from './draft'
import { renderComposer } from './test-composer'
import { chooseModel } from '@/test/choose-model'

vi.mock('@/lib/media-duration', () => ({ readMediaDuration: vi.fn() }))

const PNG = readFileSync('src/media/fixtures/image.png')
const SHA = 'c0ffee'.padEnd(64, '0')
const png = (name = 'frame.png') => new File([PNG], name, { type: 'image/png' })

// jsdom's XMLHttpRequest cannot hand a File's bytes to msw: the e2e spec checks the bytes.
interface Received {
  name: string | null
  type: string | null
}
const received: Received[] = []
const storedAs = (name: string) => ({
  url: `/media/${name}`,
  sha256: SHA,
  kind: 'image',
  mime: 'image/png',
  bytes: 412,
})

const studio = studioHandlers({ simulator: { timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } } })
// The media store itself is tested on the server; here it answers what the real route answers.
const mediaStore = http.post('*/api/media', ({ request }) => {
  received.push({
    name: request.headers.get('x-file-name'),
    type: request.headers.get('content-type'),
  })
  return HttpResponse.json(storedAs(`${SHA.slice(0, 63)}${received.length}.png`), { status: 201 })
})
const server = setupServer(mediaStore, ...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.unstubAllGlobals()
})
afterAll(() => server.close())
beforeEach(() => {
  localStorage.clear()
  received.length = 0
})

const urlOf = (n: number) => `/media/${SHA.slice(0, 63)}${n}.png`

// The media slots load on demand: the first time may be slow on a busy machine.
const slotsLoaded = () => screen.findAllByLabelText(/^Upload /, {}, { timeout: 5000 })

async function openWan(mode: string) {
  const user = userEvent.setup({ applyAccept: false })
  const view = renderComposer()
  await chooseModel(user, 'Wan 2.7')
  await user.click(within(screen.getByRole('radiogroup', { name: 'Mode' })).getByRole('radio', { name: mode }))
  await slotsLoaded()
  return { user, ...view }
}

describe('uploading into a media slot', () => {
  it('sends a picked file and makes its stored URL the slot’s value, with a preview', async () => {
    const { user, sent } = await openWan('First frame')
    await user.upload(await screen.findByLabelText('Upload First frame'), png('my frame.png'))
    await waitFor(() => expect(screen.getByLabelText('First frame')).toHaveValue(urlOf(1)))
    expect(received).toEqual([{ name: 'my%20frame.png', type: 'image/png' }])
    expect(screen.getByAltText('First frame preview')).toHaveAttribute('src', urlOf(1))

    await user.type(screen.getByLabelText('Prompt'), 'A kite')
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    await screen.findByText('Sent to Wan 2.7: it is in the gallery.')
    expect(sent[0]).toMatchObject({ image_url: urlOf(1) })
  })

  it('shows progress, and Cancel stops the upload and leaves the slot as it was', async () => {
    const requests: FakeXhr[] = []
    class FakeXhr extends EventTarget {
      upload = new EventTarget()
      status = 0
      responseText = ''
      aborted = false
      constructor() {
        super()
        requests.push(this)
      }
      open() {}
      setRequestHeader() {}
      send() {}
      abort() {
        this.aborted = true
        this.dispatchEvent(new Event('abort'))
      }
      progress(loaded: number) {
        this.upload.dispatchEvent(Object.assign(new Event('progress'), { lengthComputable: true, loaded, total: 412 }))
      }
      answer(status: number, body: unknown) {
        Object.assign(this, { status, responseText: JSON.stringify(body) })
        this.dispatchEvent(new Event('load'))
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const { user } = await openWan('First frame')

    await user.upload(await screen.findByLabelText('Upload First frame'), png())
    await waitFor(() => expect(requests).toHaveLength(1))
    requests[0]!.progress(165)
    const bar = await screen.findByRole('progressbar', { name: 'Uploading frame.png' })
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'))
    await user.click(screen.getByRole('button', { name: 'Cancel the upload to First frame' }))
    expect(requests[0]!.aborted).toBe(true)
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByLabelText('First frame')).toHaveValue('')

    await user.upload(screen.getByLabelText('Upload First frame'), png())
    await waitFor(() => expect(requests).toHaveLength(2))
    requests[1]!.progress(412)
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'))
    requests[1]!.answer(201, storedAs('done.png'))
    await waitFor(() => expect(screen.getByLabelText('First frame')).toHaveValue('/media/done.png'))
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('refuses a file of the wrong type or over the size limit before sending it', async () => {
    const { user } = await openWan('First frame')
    const input = await screen.findByLabelText('Upload First frame')
    await user.upload(input, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'First frame takes JPEG, PNG or WebP images; logo.svg is not one',
    )
    const huge = png('huge.png')
    Object.defineProperty(huge, 'size', { value: 25 * 1024 * 1024 })
    await user.upload(input, huge)
    expect(await screen.findByRole('alert')).toHaveTextContent('Images can be at most 20 MB; this one is 25 MB')
    await user.upload(input, new File(['x'], 'clip.mp4', { type: 'video/mp4' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/^First frame takes JPEG, PNG or WebP images; clip\.mp4/)
    expect(received).toEqual([])
  })

  it('refuses clips and audio outside the model’s length limits, naming them', async () => {
    const { user } = await openWan('Continue clip')
    vi.mocked(readMediaDuration).mockResolvedValue(1)
    await user.upload(
      await screen.findByLabelText('Upload Source clip'),
      new File(['v'], 'a.mp4', { type: 'video/mp4' }),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Source clip must be 2–10 s long, and this one is 1.0 s: trim it or pick another',
    )
    vi.mocked(readMediaDuration).mockResolvedValue(45)
    await user.upload(screen.getByLabelText('Upload Audio'), new File(['a'], 'song.mp3', { type: 'audio/mpeg' }))
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Audio must be 2–30 s long, and this one is 45.0 s: trim it or pick another',
      ),
    )
    expect(received).toEqual([])
    expect(vi.mocked(readMediaDuration).mock.calls.map(([file, kind]) => [(file as File).name, kind])).toEqual([
      ['a.mp4', 'video'],
      ['song.mp3', 'audio'],
    ])
  })

  it.each([
    [415, 'unsupported_media_type', 'This file is an SVG image, which the studio does not take'],
    [413, 'too_large', 'Images can be at most 8192 pixels a side; this one is 9000 × 100'],
    [403, 'uploads_off', 'Uploading needs a place Cannon can fetch files from: set STUDIO_PUBLIC_URL'],
  ])('shows the server’s message for a %i at the slot', async (status, code, message) => {
    server.use(http.post('*/api/media', () => HttpResponse.json({ error: { code, message } }, { status })))
    const { user } = await openWan('First frame')
    await user.upload(await screen.findByLabelText('Upload First frame'), png())
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.getByLabelText('First frame')).toHaveValue('')
    expect(screen.getByLabelText('First frame')).toHaveAccessibleDescription(message)
  })

  it('says so when the upload cannot reach the studio', async () => {
    server.use(http.post('*/api/media', () => HttpResponse.error()))
    const { user } = await openWan('First frame')
    await user.upload(await screen.findByLabelText('Upload First frame'), png())
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The upload did not reach the studio server. Check your connection.',
    )
  })

  it('uploads an image pasted into the URL box, and leaves pasted text to the box', async () => {
    await openWan('First frame')
    const box = await screen.findByLabelText('First frame')
    fireEvent.paste(box, { clipboardData: { files: [png('pasted.png')], types: ['Files'] } })
    await waitFor(() => expect(box).toHaveValue(urlOf(1)))
    expect(received.map((r) => r.name)).toEqual(['pasted.png'])
    fireEvent.paste(box, { clipboardData: { files: [], types: ['text/plain'] } })
    expect(received).toHaveLength(1)
  })

  it('uploads a dropped file into the slot it was dropped on', async () => {
    await openWan('First + last frame')
    const last = await screen.findByLabelText('Last frame')
    fireEvent.drop(last, { dataTransfer: { files: [png('end.png')], types: ['Files'] } })
    await waitFor(() => expect(last).toHaveValue(urlOf(1)))
    expect(screen.getByLabelText('First frame')).toHaveValue('')
  })

  it('keeps an uploaded file across a reload, preview included', async () => {
    const { user, unmount } = await openWan('First frame')
    await user.upload(await screen.findByLabelText('Upload First frame'), png())
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain(urlOf(1)))
    unmount()
    renderComposer()
    expect(await screen.findByLabelText('First frame')).toHaveValue(urlOf(1))
    expect(screen.getByAltText('First frame preview')).toHaveAttribute('src', urlOf(1))
  })
})

describe('uploading reference images', () => {
  async function openVeoReferences() {
    const user = userEvent.setup()
    renderComposer()
    await chooseModel(user, 'Veo 3.1')
    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Mode' })).getByRole('radio', { name: 'Reference images' }),
    )
    await slotsLoaded()
    return user
  }

  it('adds picked files as new rows, up to the model’s limit, and says what was left out', async () => {
    const user = await openVeoReferences()
    await user.type(await screen.findByLabelText('Reference image 1'), 'https://cdn.example/1.jpg')
    await user.upload(screen.getByLabelText('Upload Reference images'), [png('a.png'), png('b.png'), png('c.png')])
    await waitFor(() => expect(screen.getByLabelText('Reference image 3')).toHaveValue(urlOf(2)))
    expect(screen.getByLabelText('Reference image 1')).toHaveValue('https://cdn.example/1.jpg')
    expect(screen.getByLabelText('Reference image 2')).toHaveValue(urlOf(1))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Reference images takes at most 3; 1 of the files were left out',
    )
  })

  it('uploads into a row, which keeps its file when a row above it is removed', async () => {
    const user = await openVeoReferences()
    await user.type(await screen.findByLabelText('Reference image 1'), 'https://cdn.example/1.jpg')
    await user.click(screen.getByRole('button', { name: 'Add reference image' }))
    let release = () => {}
    server.use(
      http.post('*/api/media', async () => {
        await new Promise<void>((resolve) => (release = resolve))
        return HttpResponse.json(storedAs('late.png'), { status: 201 })
      }),
    )
    await user.upload(screen.getByLabelText('Upload Reference image 2'), png())
    await screen.findByRole('progressbar')
    await user.click(screen.getByRole('button', { name: 'Remove reference image 1' }))
    release()
    await waitFor(() => expect(screen.getByLabelText('Reference image 1')).toHaveValue('/media/late.png'))
    expect(screen.queryByLabelText('Reference image 2')).not.toBeInTheDocument()
  })
})
