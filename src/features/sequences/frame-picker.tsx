import { useEffect, useRef, useState } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import { sourceClipSlot, type Shot } from '@/catalog/sequence-contract'
import { Modal } from '@/components/modal'
import type { RenderRecord } from '@/features/renders/render-record'
import { CONTINUE_CLIP_MODEL, continueClipInput } from '@/features/renders/variations'
import { frameHandoffInput } from '@/features/viewer/frame-handoff'
import { usePlayerKeys } from '@/features/viewer/use-player-keys'
import { frameLabel, frameSeconds, handoffFrames } from './handoff-frames'
import { sequenceClient } from './sequence-client'
import { DEFAULT_FPS } from './timeline'

interface FramePickerProps {
  take: RenderRecord
  /** The take's kept copy, on the studio's own origin: the only kind a canvas may read. */
  url: string
  shot: Pick<Shot, 'inMs' | 'outMs'>
  shotNumber: number
  models: readonly Model[]
  onUse: (input: VideoInput, parentId: string, relation: Relation) => void
  onClose: () => void
}

const buttonClass =
  'rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-50'

/** The model that continues a clip (Wan 2.7) and its shortest and longest source clip, when the catalog has it. */
function continuationOf(models: readonly Model[]) {
  const model = models.find((m) => m.id === CONTINUE_CLIP_MODEL)
  const slot = sourceClipSlot(model)
  return model && slot && { model, minSeconds: slot.minSeconds ?? 0, maxSeconds: slot.maxSeconds ?? Infinity }
}

/**
 * The end of a shot's take, frame by frame, shown large: the chosen frame becomes the first frame of the next
 * shot's render, or (for Wan 2.7) the take up to it becomes the clip it continues. Starts on the frame under the
 * out point (the one actually seen last).
 */
export function FramePicker({ take, url, shot, shotNumber, models, onUse, onClose }: FramePickerProps) {
  const { first, last } = handoffFrames(shot)
  const [frame, setFrame] = useState(last)
  const [working, setWorking] = useState<'frame' | 'clip'>()
  const [problem, setProblem] = useState<string>()
  const video = useRef<HTMLVideoElement>(null)

  useEffect(() => {
    const shown = video.current
    if (shown && shown.readyState >= HTMLMediaElement.HAVE_METADATA) shown.currentTime = frameSeconds(frame)
  }, [frame])
  const step = (by: number) => setFrame((n) => Math.min(last, Math.max(first, n + by)))
  // The player's frame keys (← → , .), heard anywhere in the picker.
  usePlayerKeys(video, { previousFrame: () => step(-1), nextFrame: () => step(1) })
  const continuation = continuationOf(models)
  // What the server will cut: from the start (or the longest clip back) to the end of the picked frame.
  const clipEnd = (frame + 1) / DEFAULT_FPS
  const clipStart = Math.max(0, clipEnd - (continuation?.maxSeconds ?? Infinity))
  const clipTooShort = clipEnd - clipStart < (continuation?.minSeconds ?? 0)
  const use = async (what: 'frame' | 'clip') => {
    setWorking(what)
    setProblem(undefined)
    try {
      if (what === 'frame')
        onUse(await frameHandoffInput(take, url, models, frameSeconds(frame)), take.localId, 'last-frame')
      else {
        const atMs = Math.round(frameSeconds(frame) * 1000)
        const clip = await sequenceClient.continueClip(take.localId, { atMs, model: CONTINUE_CLIP_MODEL })
        const input = continueClipInput(take, clip.url)
        if (input) onUse(input, take.localId, 'continue')
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The frame could not be used')
      setWorking(undefined)
    }
  }

  return (
    // Held open while the frame or clip is on its way: closed then, the composer would still load it.
    <Modal label={`Continue from frame: shot ${shotNumber}`} onClose={() => working === undefined && onClose()}>
      <div className="flex flex-col gap-3">
        <video
          ref={video}
          src={url}
          muted
          playsInline
          preload="auto"
          aria-label="Frame to continue from"
          onLoadedMetadata={(event) => (event.currentTarget.currentTime = frameSeconds(frame))}
          className="max-h-[60vh] w-full rounded-lg bg-black object-contain"
        />
        <p className="text-sm text-ink-400">
          {`The end of shot ${shotNumber}: ${frameLabel(first)} to ${frameLabel(last)}, its out point (the last frame seen). Step with ← → or , and .`}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClass} onClick={() => step(-1)} disabled={frame <= first}>
            Previous frame
          </button>
          <input
            type="range"
            min={first}
            max={last}
            step={1}
            value={frame}
            aria-label="Frame"
            aria-valuetext={frameLabel(frame)}
            onChange={(event) => setFrame(Number(event.target.value))}
            className="min-w-40 flex-1 accent-accent-500"
          />
          <button type="button" className={buttonClass} onClick={() => step(1)} disabled={frame >= last}>
            Next frame
          </button>
          <output aria-live="polite" aria-label="Picked frame" className="text-sm text-ink-200 tabular-nums">
            {frameLabel(frame)}
          </output>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={`${buttonClass} border-accent-500 text-ink-100`}
            onClick={() => void use('frame')}
            disabled={working !== undefined}
          >
            {working === 'frame' ? 'Uploading the frame…' : 'Use this frame'}
          </button>
          {continuation && (
            <>
              <button
                type="button"
                className={buttonClass}
                onClick={() => void use('clip')}
                disabled={working !== undefined || clipTooShort}
              >
                {working === 'clip' ? 'Cutting the clip…' : 'Continue the clip up to this frame'}
              </button>
              <span className="text-xs text-ink-400">
                {clipTooShort
                  ? `${continuation.model.name} continues clips of ${continuation.minSeconds} s or more: pick a later frame.`
                  : `${continuation.model.name} continues the take from ${clipStart.toFixed(3)} s to ${clipEnd.toFixed(3)} s (clips of ${continuation.minSeconds}–${continuation.maxSeconds} s).`}
              </span>
            </>
          )}
          {problem && (
            <p role="alert" className="text-sm text-red-300">
              {problem}
            </p>
          )}
        </div>
      </div>
    </Modal>
  )
}
