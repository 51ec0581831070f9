import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import { formatClipTime } from '@/components/format-time'
import { Modal } from '@/components/modal'
import { fieldLabel, formatInputValue } from '@/features/renders/input-fields'
import { posterOf } from '@/features/renders/poster'
import { durationOf, videoUrlOf } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { inputDifferences } from './input-diff'
import { SeekBar } from './seek-bar'
import { usePlayerKeys } from './use-player-keys'
import { useVideoControls } from './use-video-controls'

/** How far a follower may drift from the playing lead video before it is pulled back. */
const MAX_DRIFT_SECONDS = 0.1
/** Paused, the videos show the same moment: frames are compared side by side. */
const PAUSED_DRIFT_SECONDS = 0.001

interface CompareProps {
  localIds: string[]
  catalog: Catalog
  onClose: () => void
}

/**
 * 2–4 renders side by side, driven by one set of controls: the first video leads, the others follow its
 * position and play state; sound comes from one chosen video, the rest are muted.
 */
export default function Compare({ localIds, catalog, onClose }: CompareProps) {
  const { data: renders = [] } = useQuery(rendersQuery)
  const records = localIds.flatMap((id) => renders.filter((r) => r.localId === id))
  const videos = useRef<(HTMLVideoElement | null)[]>([])
  const lead = useRef<HTMLVideoElement | null>(null)
  const controls = useVideoControls(lead, { knownDuration: records[0] && durationOf(records[0]) })
  const grid = useRef<HTMLDivElement>(null)
  usePlayerKeys(grid, {
    togglePlay: controls.togglePlay,
    back: () => controls.seekBy(-1),
    forward: () => controls.seekBy(1),
    previousFrame: () => controls.step(-1),
    nextFrame: () => controls.step(1),
  })
  const [audioFrom, setAudioFrom] = useState(0)
  const differences = inputDifferences(records)
  const followers = () => videos.current.slice(1).filter((v): v is HTMLVideoElement => v !== null)
  const modelName = (id: string) => catalog.models.find((m) => m.id === id)?.name ?? id

  const follow = () => {
    const leader = lead.current
    if (!leader) return
    for (const video of followers()) {
      const drift = leader.paused ? PAUSED_DRIFT_SECONDS : MAX_DRIFT_SECONDS
      if (Math.abs(video.currentTime - leader.currentTime) > drift) video.currentTime = leader.currentTime
      if (leader.paused && !video.paused) video.pause()
      if (!leader.paused && video.paused) void video.play().catch(() => undefined)
    }
  }

  return (
    <Modal label="Compare" onClose={onClose}>
      <div ref={grid} className="grid gap-3 md:grid-cols-2">
        {records.map((record, i) => (
          <figure key={record.localId} className="flex flex-col gap-1">
            <video
              ref={(element) => {
                videos.current[i] = element
                if (i === 0) lead.current = element
              }}
              src={videoUrlOf(record)}
              poster={posterOf(record)}
              muted={i !== audioFrom}
              loop
              playsInline
              preload="auto"
              aria-label={`Compare video ${i + 1}`}
              onTimeUpdate={i === 0 ? follow : undefined}
              onPlay={i === 0 ? follow : undefined}
              onPause={i === 0 ? follow : undefined}
              onSeeked={i === 0 ? follow : undefined}
              className="aspect-video w-full rounded-lg bg-black object-contain"
            />
            <figcaption className="flex items-center justify-between gap-2 text-xs text-ink-400">
              <span className="line-clamp-1">{`${i + 1}. ${modelName(record.input.model)} · ${record.input.prompt}`}</span>
              <label className="flex shrink-0 items-center gap-1">
                <input
                  type="radio"
                  name="compare-audio"
                  checked={audioFrom === i}
                  onChange={() => setAudioFrom(i)}
                  className="accent-accent-500"
                />
                {`Audio from ${i + 1}`}
              </label>
            </figcaption>
          </figure>
        ))}
      </div>
      <SeekBar time={controls.time} duration={controls.duration} onSeek={controls.seek} />
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={controls.togglePlay}
          className="rounded-md border border-ink-600 px-3 py-1 text-sm text-ink-200 hover:bg-ink-800"
        >
          {controls.playing ? 'Pause' : 'Play'}
        </button>
        <span className="font-mono text-xs text-ink-400 tabular-nums">
          {formatClipTime(controls.time)} / {formatClipTime(controls.duration)}
        </span>
      </div>
      <p className="hidden text-xs text-ink-400 md:block">
        Keys: Space or K play · J / L one second back / on · ← → or , . one frame
      </p>
      <section aria-label="Differences" className="flex flex-col gap-1">
        <h3 className="text-xs font-semibold tracking-wide text-ink-400 uppercase">Inputs that differ</h3>
        {differences.length === 0 ? (
          <p className="text-sm text-ink-400">These renders were made with the same input.</p>
        ) : (
          <table className="text-left text-sm">
            <tbody>
              {differences.map(({ field, values }) => (
                <tr key={field} className="border-t border-ink-700">
                  <th scope="row" className="py-1 pr-4 font-normal text-ink-400">
                    {fieldLabel(field)}
                  </th>
                  {values.map((value, i) => (
                    <td
                      key={i}
                      className="py-1 pr-4 break-words text-ink-200"
                    >{`${i + 1}: ${field === 'model' ? modelName(String(value)) : formatInputValue(value)}`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Modal>
  )
}
