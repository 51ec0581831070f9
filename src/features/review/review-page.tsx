import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type ReactNode } from 'react'
import type { Rating } from '@/catalog/quality-contract'
import type { Review, ReviewTake } from '@/catalog/share-contract'
import { RatingButtons } from '@/components/rating-buttons'
import { fieldLabel, formatInputValue } from '@/features/renders/input-fields'
import { DifferencesTable } from '@/features/viewer/differences-table'
import { inputDifferences } from '@/features/viewer/input-diff'
import { Player } from '@/features/viewer/player'
import { SyncedVideos } from '@/features/viewer/synced-videos'
import { LinkComments } from './link-comments'
import { fetchReview, rateSharedTake } from './review-client'

const reviewKey = (token: string) => ['review', token] as const
const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })
const durationOf = (take: ReviewTake) =>
  typeof take.settings.duration === 'number' ? take.settings.duration : undefined

function Page({ children, title }: { children: ReactNode; title: string }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-6xl flex-col gap-4 px-4 py-4 lg:px-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-ink-800 pb-3">
        <p className="text-sm font-semibold text-ink-300">Cannon Studio · shared for review</p>
        <h1 className="w-full text-lg font-semibold text-ink-100">{title}</h1>
      </header>
      <main className="flex flex-col gap-4">{children}</main>
    </div>
  )
}

/** A take's pick or reject, sent at once; a failure says so beside the buttons. */
function TakeRating({ token, take }: { token: string; take: ReviewTake }) {
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
function OneTake({ token, take }: { token: string; take: ReviewTake }) {
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

/** The takes of a group: one plays large, the others are a click away. */
function Group({ token, takes }: { token: string; takes: ReviewTake[] }) {
  const [shownId, setShownId] = useState(takes[0]!.id)
  const shown = takes.find((t) => t.id === shownId) ?? takes[0]!
  return (
    <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[1fr_280px]">
      <OneTake token={token} take={shown} />
      <nav aria-label="Takes" className="flex flex-col gap-1">
        {takes.map((take, i) => (
          <button
            key={take.id}
            type="button"
            aria-current={take.id === shown.id}
            onClick={() => setShownId(take.id)}
            className={`flex flex-col rounded-lg border px-3 py-2 text-left text-sm ${
              take.id === shown.id ? 'border-accent-500 bg-ink-900' : 'border-ink-700 hover:bg-ink-900'
            }`}
          >
            <span className="text-ink-100">{`Take ${i + 1} · ${take.modelName}`}</span>
            <span className="text-xs text-ink-400">
              {take.rating === 'pick' ? 'Picked' : take.rating === 'reject' ? 'Rejected' : 'Not rated'}
            </span>
          </button>
        ))}
      </nav>
    </div>
  )
}

/** 2–4 takes played as one, with a pick or reject under each and the inputs that differ. */
function CompareTakes({ token, takes }: { token: string; takes: ReviewTake[] }) {
  const asInput = (take: ReviewTake) => ({ input: { model: take.modelName, prompt: take.prompt, ...take.settings } })
  return (
    <section aria-label="Compare" className="flex flex-col gap-3">
      <SyncedVideos
        knownDuration={durationOf(takes[0]!)}
        videos={takes.map((take) => ({ key: take.id, url: take.videoUrl ?? undefined, caption: take.modelName }))}
      />
      <ol className="grid gap-2 md:grid-cols-2">
        {takes.map((take, i) => (
          <li key={take.id} className="flex items-center gap-2 text-sm text-ink-300">
            <span>{`${i + 1}. ${take.modelName}`}</span>
            <TakeRating token={token} take={take} />
          </li>
        ))}
      </ol>
      <DifferencesTable differences={inputDifferences(takes.map(asInput))} valueText={(_, v) => formatInputValue(v)} />
    </section>
  )
}

/** The page behind a share link: only what it shares, to play, compare and pick or reject. */
export function ReviewPage({ token }: { token: string }) {
  const review = useQuery({ queryKey: reviewKey(token), queryFn: () => fetchReview(token) })
  if (review.isPending) return <Page title="Opening the shared takes…">{null}</Page>
  if (review.isError) {
    return (
      <Page title="This link does not open">
        <p role="alert" className="text-ink-200">
          {review.error.message}
        </p>
      </Page>
    )
  }
  const { kind, title, takes, expiresAtMs } = review.data
  return (
    <Page title={title}>
      <p className="text-sm text-ink-400">
        {`${takes.length === 1 ? 'One take' : `${takes.length} takes`} shared with you · the link works until ${day(expiresAtMs)}`}
      </p>
      {kind === 'compare' ? (
        <CompareTakes token={token} takes={takes} />
      ) : kind === 'group' ? (
        <Group token={token} takes={takes} />
      ) : (
        <OneTake token={token} take={takes[0]!} />
      )}
    </Page>
  )
}
