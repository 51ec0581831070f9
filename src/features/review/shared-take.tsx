import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { Rating } from '@/catalog/quality-contract'
import type { Review, ReviewTake } from '@/catalog/share-contract'
import { RatingButtons } from '@/components/rating-buttons'
import { fieldLabel, formatInputValue } from '@/features/renders/input-fields'
import { Player } from '@/features/viewer/player'
import { LinkComments } from './link-comments'
import { rateSharedTake } from './review-client'

export const reviewKey = (token: string) => ['review', token] as const
export const durationOf = (take: ReviewTake) =>
  typeof take.settings.duration === 'number' ? take.settings.duration : undefined

/** A take's pick or reject, sent at once; a failure says so beside the buttons. */
export function TakeRating({ token, take }: { token: string; take: ReviewTake }) {
  const queryClient = useQueryClient()
  const rate = useMutation({
    mutationFn: (rating: Rating | null) => rateSharedTake(token, take.id, rating),
    onSuccess: (rated) =>
      queryClient.setQueryData<Review>(
        reviewKey(token),
        (review) => review && { ...review, takes: review.takes.map((t) => (t.id === rated.id ? rated : t)) },
      ),
  })
  return (
    <div className="flex flex-wrap items-center gap-2">
      <RatingButtons
        rating={take.rating ?? undefined}
        onRate={(rating) => rate.mutate(take.rating === rating ? null : rating)}
      />
      {rate.isError && <p role="alert" className="text-sm text-red-300">{`Not saved: ${rate.error.message}`}</p>}
    </div>
  )
}

function Settings({ take }: { take: ReviewTake }) {
  const entries = Object.entries(take.settings)
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-ink-400">Model</dt>
      <dd className="text-ink-200">{take.modelName}</dd>
      {entries.map(([field, value]) => (
        <div key={field} className="contents">
          <dt className="text-ink-400">{fieldLabel(field)}</dt>
          <dd className="text-ink-200">{formatInputValue(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** One take large, its prompt and settings, and the reviewer's pick or reject. */
export function OneTake({ token, take }: { token: string; take: ReviewTake }) {
  const videoRef = useRef<HTMLVideoElement>(null)
  const [seekRequest, setSeekRequest] = useState<{ seconds: number }>()
  return (
    <section aria-label="Take" className="flex flex-col gap-3">
      {take.videoUrl ? (
        <Player
          key={take.id}
          url={take.videoUrl}
          poster={undefined}
          knownDuration={durationOf(take)}
          videoRef={videoRef}
          seekRequest={seekRequest}
        />
      ) : (
        <p className="text-sm text-ink-400">This take has no video to play.</p>
      )}
      <TakeRating token={token} take={take} />
      <p className="text-sm whitespace-pre-wrap text-ink-200">{take.prompt}</p>
      <Settings take={take} />
      {take.videoUrl && (
        <LinkComments
          key={take.id}
          token={token}
          takeId={take.id}
          videoRef={videoRef}
          onSeek={(seconds) => setSeekRequest({ seconds })}
        />
      )}
    </section>
  )
}
