import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Modal } from '@/components/modal'
import { fakeFullscreen, fakeMedia } from '@/test/fake-media'
import { Player } from './player'

const FRAME = 1 / 24
let removeFullscreen: () => void
beforeEach(() => {
  removeFullscreen = fakeFullscreen()
})
afterEach(() => removeFullscreen())

/** The player as the viewer shows it: in a dialog, whose panel has focus when it opens. */
function openPlayer(onClose = vi.fn()) {
  render(
    <Modal label="A fox in the snow" onClose={onClose}>
      <Player url="/demo/lava-16x9-4s.mp4" poster="/demo/lava-16x9-4s.jpg" knownDuration={4} />
      <input aria-label="Notes" />
      <div role="dialog" aria-label="Variations">
        <button type="button">Create</button>
      </div>
    </Modal>,
  )
  const dialog = screen.getByRole('dialog', { name: 'A fox in the snow' })
  const video = screen.getByLabelText<HTMLVideoElement>('Render video')
  const press = (key: string, target: Element = dialog) => act(() => void fireEvent.keyDown(target, { key }))
  return { dialog, video, press, onClose }
}

describe('Player', () => {
  it('shows the take’s length and its first frame before the video loads, and plays on open', async () => {
    const media = fakeMedia()
    vi.spyOn(HTMLMediaElement.prototype, 'duration', 'get').mockReturnValue(NaN) // no metadata yet
    const { video } = openPlayer()
    expect(screen.getByText('0:00.00 / 0:04.00')).toBeInTheDocument()
    expect(video).toHaveAttribute('poster', '/demo/lava-16x9-4s.jpg')
    expect(video).toHaveAttribute('preload', 'metadata')
    expect(media.play).toHaveBeenCalled()
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument()
  })

  it('starts silently when the browser refuses sound, and says how to hear it', async () => {
    const media = fakeMedia({ refuseSound: true })
    const { video, press } = openPlayer()
    expect(await screen.findByRole('status')).toHaveTextContent('without sound')
    expect(media.state(video)).toMatchObject({ muted: true, paused: false })
    press('m')
    expect(media.state(video).muted).toBe(false)
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('plays, pauses, seeks a second and steps a frame from the keyboard', async () => {
    const media = fakeMedia()
    const { video, press } = openPlayer()
    await screen.findByRole('button', { name: 'Pause' })
    press(' ')
    expect(media.state(video).paused).toBe(true)
    press('k')
    expect(media.state(video).paused).toBe(false)
    press('K')
    expect(media.state(video).paused).toBe(true)

    press('l')
    expect(video.currentTime).toBe(1)
    press('j')
    press('j')
    expect(video.currentTime).toBe(0)

    press('k')
    press('.')
    expect(media.state(video).paused).toBe(true)
    expect(video.currentTime).toBeCloseTo(1.5 * FRAME)
    press('ArrowRight')
    expect(video.currentTime).toBeCloseTo(2.5 * FRAME)
    press(',')
    press('ArrowLeft')
    expect(video.currentTime).toBeCloseTo(0.5 * FRAME)
    expect(screen.getByText('0:00.02 / 0:04.00')).toBeInTheDocument()
  })

  it('mutes with M and the volume control, and unmutes when the volume goes up', () => {
    const media = fakeMedia()
    const { video, press } = openPlayer()
    press('m')
    expect(media.state(video).muted).toBe(true)
    expect(screen.getByRole('button', { name: 'Unmute' })).toBeInTheDocument()
    fireEvent.change(screen.getByRole('slider', { name: 'Volume' }), { target: { value: '0.5' } })
    expect(media.state(video)).toMatchObject({ muted: false, volume: 0.5 })
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }))
    expect(media.state(video).muted).toBe(true)
  })

  it('fills the screen with F; Escape leaves fullscreen first, then closes the dialog', () => {
    fakeMedia()
    const { press, onClose } = openPlayer()
    const wrapper = screen.getByLabelText('Render video').parentElement
    press('f')
    expect(document.fullscreenElement).toBe(wrapper)
    expect(wrapper).toHaveFocus() // the browser drops focus outside the fullscreen element, and the keys with it
    expect(screen.getByRole('button', { name: 'Exit fullscreen' })).toBeInTheDocument()
    press('Escape')
    expect(document.fullscreenElement).toBeNull()
    expect(onClose).not.toHaveBeenCalled()
    press('Escape')
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('leaves keys alone while typing, on a focused button’s Space, with Ctrl, and in a dialog over it', async () => {
    const media = fakeMedia()
    const { dialog, video, press } = openPlayer()
    await screen.findByRole('button', { name: 'Pause' })
    const notes = screen.getByRole('textbox', { name: 'Notes' })
    for (const key of [' ', 'k', 'l', '.', 'm', 'f']) press(key, notes)
    expect(media.state(video)).toMatchObject({ paused: false, time: 0, muted: false })
    expect(document.fullscreenElement).toBeNull()

    const mute = screen.getByRole('button', { name: 'Mute' })
    press(' ', mute) // the browser clicks the button itself: the player does not toggle play as well
    expect(media.state(video).paused).toBe(false)

    act(() => void fireEvent.keyDown(dialog, { key: 'f', ctrlKey: true }))
    expect(document.fullscreenElement).toBeNull()

    for (const key of ['k', 'f']) press(key, screen.getByRole('button', { name: 'Create' }))
    expect(media.state(video).paused).toBe(false)
    expect(document.fullscreenElement).toBeNull()
  })
})
