import { useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { ReviewTake } from '@/catalog/share-contract'
import { formatInputValue } from '@/features/renders/input-fields'
import { DifferencesTable } from '@/features/viewer/differences-table'
import { inputDifferences } from '@/features/viewer/input-diff'
import { SyncedVideos } from '@/features/viewer/synced-videos'
import { fetchReview } from './review-client'
import { SequenceReview } from './sequence-review'
import { durationOf, OneTake, reviewKey, TakeRating } from './shared-take'

const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })

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
  const { kind, title, takes, shots, expiresAtMs } = review.data
  const what = shots
    ? `A sequence of ${shots.length === 1 ? 'one shot' : `${shots.length} shots`}`
    : takes.length === 1
      ? 'One take'
      : `${takes.length} takes`
  return (
    <Page title={title}>
      <p className="text-sm text-ink-400">{`${what} shared with you · the link works until ${day(expiresAtMs)}`}</p>
      {shots ? (
        <SequenceReview token={token} takes={takes} shots={shots} />
      ) : kind === 'compare' ? (
        <CompareTakes token={token} takes={takes} />
      ) : kind === 'group' ? (
        <Group token={token} takes={takes} />
      ) : (
        <OneTake token={token} take={takes[0]!} />
      )}
    </Page>
  )
}
