import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Share } from '@/catalog/share-contract'
import { Modal } from '@/components/modal'
import { sharesClient, sharesQueryKey } from './shares-client'

const KIND_WORDS: Record<Share['kind'], string> = {
  render: 'Take',
  compare: 'Compare',
  group: 'Group',
  sequence: 'Sequence',
}
const smallButton =
  'rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:bg-ink-800 disabled:opacity-50'
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function state(share: Share, nowMs: number): string {
  if (share.revokedAtMs !== null) return `Turned off ${when(share.revokedAtMs)}`
  if (share.expiresAtMs <= nowMs) return `Expired ${when(share.expiresAtMs)}`
  return `Open until ${when(share.expiresAtMs)}`
}

function ShareRow({ share, nowMs }: { share: Share; nowMs: number }) {
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => sharesClient.revoke(share.id),
    onSuccess: (revoked) =>
      queryClient.setQueryData<Share[]>(sharesQueryKey, (all) => all?.map((s) => (s.id === revoked.id ? revoked : s))),
  })
  const [confirming, setConfirming] = useState(false)
  const open = share.revokedAtMs === null && share.expiresAtMs > nowMs
  const what = share.kind === 'sequence' ? 'its shots' : share.ids.length === 1 ? '1 take' : `${share.ids.length} takes`
  return (
    <li
      aria-label={`${KIND_WORDS[share.kind]}: ${share.title}`}
      className="flex flex-col gap-1 border-t border-ink-700 py-2"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="line-clamp-1 text-sm text-ink-100">{`${KIND_WORDS[share.kind]} · ${what} · ${share.title}`}</p>
        {open &&
          (confirming ? (
            <span className="flex items-center gap-2 text-xs text-ink-300">
              Turn this link off for good?
              <button
                type="button"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate()}
                className={`${smallButton} border-red-800 text-red-200`}
              >
                Revoke
              </button>
              <button type="button" onClick={() => setConfirming(false)} className={smallButton}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              aria-label={`Revoke the link to ${share.title}`}
              onClick={() => setConfirming(true)}
              className={smallButton}
            >
              Revoke…
            </button>
          ))}
      </div>
      <p className="text-xs text-ink-400">
        {[
          state(share, nowMs),
          `${share.views} ${share.views === 1 ? 'view' : 'views'}`,
          share.picks + share.rejects > 0
            ? `reviewers: ${share.picks} picked, ${share.rejects} rejected`
            : 'not rated yet',
          ...(share.commenters.length ? [`comments from ${share.commenters.join(', ')}`] : []),
          `made ${when(share.createdAtMs)}${share.createdBy ? ` by ${share.createdBy}` : ''}`,
        ].join(' · ')}
      </p>
      {revoke.isError && <p role="alert" className="text-xs text-red-300">{`Not revoked: ${revoke.error.message}`}</p>}
    </li>
  )
}

/** The studio's review links: what each shares, whether it still opens, its views and commenters; Revoke. */
export default function SharedView({ onClose }: { onClose: () => void }) {
  const shares = useQuery({ queryKey: sharesQueryKey, queryFn: sharesClient.list })
  // When the list opened: whether each link is still open is judged at that moment.
  const [nowMs] = useState(Date.now)
  return (
    <Modal label="Shared" onClose={onClose}>
      <section aria-label="Shared" className="flex flex-col gap-2">
        {shares.isPending ? (
          <p className="text-sm text-ink-400">Reading the links…</p>
        ) : shares.isError ? (
          <p role="alert" className="text-sm text-red-300">{`The links could not be read: ${shares.error.message}`}</p>
        ) : shares.data.length === 0 ? (
          <p className="text-sm text-ink-400">
            No links yet. Share a take from the player, a group from its card, or a compare.
          </p>
        ) : (
          <ul aria-label="Review links">
            {shares.data.map((share) => (
              <ShareRow key={share.id} share={share} nowMs={nowMs} />
            ))}
          </ul>
        )}
      </section>
    </Modal>
  )
}
