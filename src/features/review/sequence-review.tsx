import { useState } from 'react'
import type { ReviewShot, ReviewTake } from '@/catalog/share-contract'
import { formatSeconds } from '@/features/sequences/shot-edits'
import { SequencePlayer } from '@/features/sequences/sequence-player'
import { globalTimeOf } from '@/features/sequences/timeline'
import { useSequencePlayback, type Clip } from '@/features/sequences/use-sequence-playback'
import { OneTake } from './shared-take'

interface SequenceReviewProps {
  token: string
  takes: ReviewTake[]
  shots: ReviewShot[]
}

/**
 * A shared sequence: its shots played through as one film, and under it one shot's take on its own, to pick or
 * reject and comment on at a moment.
 */
export function SequenceReview({ token, takes, shots }: SequenceReviewProps) {
  const byId = new Map(takes.map((take) => [take.id, take]))
  const clips: Clip[] = shots.flatMap((shot) => {
    const url = byId.get(shot.takeId)?.videoUrl
    return url ? [{ url, inMs: shot.inMs, outMs: shot.outMs }] : []
  })
  const playback = useSequencePlayback(clips)
  const [picked, setPicked] = useState<number>()
  const shownIndex = Math.min(picked ?? playback.shotIndex, shots.length - 1)
  const shown = byId.get(shots[shownIndex]!.takeId)!
  return (
    <section aria-label="Sequence" className="flex flex-col gap-4">
      <SequencePlayer playback={playback} poster={undefined} />
      <nav aria-label="Shots" className="flex gap-2 overflow-x-auto pb-1">
        {shots.map((shot, index) => {
          const take = byId.get(shot.takeId)!
          return (
            <button
              key={`${shot.takeId}-${index}`}
              type="button"
              aria-current={index === shownIndex}
              onClick={() => {
                setPicked(index)
                playback.seek(globalTimeOf(shots, index, shot.inMs))
              }}
              className={`flex shrink-0 flex-col rounded-lg border px-3 py-2 text-left text-sm ${
                index === shownIndex ? 'border-accent-500 bg-ink-900' : 'border-ink-700 hover:bg-ink-900'
              }`}
            >
              <span className="text-ink-100">{`Shot ${index + 1} · ${take.modelName}`}</span>
              <span className="text-xs text-ink-400">
                {`${formatSeconds(shot.outMs - shot.inMs)} · ${take.rating === 'pick' ? 'Picked' : take.rating === 'reject' ? 'Rejected' : 'Not rated'}`}
              </span>
            </button>
          )
        })}
      </nav>
      <h2 className="text-sm font-semibold text-ink-300">{`Shot ${shownIndex + 1}, its whole take`}</h2>
      <OneTake token={token} take={shown} />
    </section>
  )
}
