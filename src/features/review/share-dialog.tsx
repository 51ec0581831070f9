import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { DEFAULT_SHARE_DAYS, type ShareKind } from '@/catalog/share-contract'
import { Modal } from '@/components/modal'
import { sharesClient, sharesQueryKey } from './shares-client'

export interface ShareTarget {
  kind: ShareKind
  ids: string[]
  /** Takes of a group past what one link holds, left out (the oldest). */
  leftOut?: number
}

const DAYS = [1, 7, 30, 90]
const WHAT: Record<ShareKind, (count: number) => string> = {
  render: () => 'this take',
  compare: (count) => `these ${count} takes side by side`,
  group: (count) => `the ${count} takes of this group`,
  sequence: () => 'this sequence, played through as one film (its cut as it is when the link is opened)',
}
const buttonClass =
  'rounded-md border border-ink-600 px-3 py-1.5 text-sm text-ink-100 hover:bg-ink-800 disabled:opacity-50'

/**
 * Makes a review link for people outside the studio: they can play, compare, pick or reject what it shares and
 * nothing else. The whole link is shown once, here; the Shared list keeps the rest (views, revoke).
 */
export default function ShareDialog({ target, onClose }: { target: ShareTarget; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [days, setDays] = useState(DEFAULT_SHARE_DAYS)
  const [copied, setCopied] = useState<string>()
  const daysId = useId()
  const create = useMutation({
    mutationFn: () => sharesClient.create({ ...target, expiresInDays: days }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sharesQueryKey }),
  })
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('Link copied')
    } catch {
      setCopied('The browser refused the clipboard: select the link and copy it')
    }
  }
  return (
    <Modal label="Share" onClose={onClose}>
      <div className="flex max-w-xl flex-col gap-3 text-sm">
        <p className="text-ink-200">
          {`A link to ${WHAT[target.kind](target.ids.length)}${target.leftOut ? ` (the ${target.leftOut} oldest are left out: a link holds ${target.ids.length})` : ''}. Whoever opens it can play and pick or reject (their picks are shown to the team apart from its own), and nothing else: no composer, no credits, no other take. Revoking closes the page; a video address someone copied from it stays playable.`}
        </p>
        {create.data ? (
          <>
            <label className="flex flex-col gap-1">
              <span className="text-ink-400">Review link</span>
              <input
                readOnly
                value={create.data.url}
                onFocus={(event) => event.currentTarget.select()}
                className="rounded-md border border-ink-600 bg-ink-950 px-2 py-1.5 font-mono text-xs text-ink-100"
              />
            </label>
            <div className="flex items-center gap-3">
              <button type="button" className={buttonClass} onClick={() => void copy(create.data.url)}>
                Copy link
              </button>
              {copied && (
                <span role="status" className="text-ink-400">
                  {copied}
                </span>
              )}
            </div>
            <p className="text-ink-400">
              {`It works until ${new Date(create.data.share.expiresAtMs).toLocaleString()}. This is the only time the whole link is shown; turn it off any time under Shared.`}
            </p>
          </>
        ) : (
          <div className="flex flex-wrap items-end gap-3">
            <label htmlFor={daysId} className="flex flex-col gap-1">
              <span className="text-ink-400">Link works for</span>
              <select
                id={daysId}
                value={days}
                onChange={(event) => setDays(Number(event.target.value))}
                className="rounded-md border border-ink-600 bg-ink-950 px-2 py-1.5 text-ink-100"
              >
                {DAYS.map((d) => (
                  <option key={d} value={d}>{`${d} ${d === 1 ? 'day' : 'days'}`}</option>
                ))}
              </select>
            </label>
            <button type="button" className={buttonClass} disabled={create.isPending} onClick={() => create.mutate()}>
              {create.isPending ? 'Making the link…' : 'Create link'}
            </button>
          </div>
        )}
        {create.isError && <p role="alert" className="text-red-300">{`No link made: ${create.error.message}`}</p>}
      </div>
    </Modal>
  )
}
