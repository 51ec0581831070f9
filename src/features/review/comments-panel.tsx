import { useState, type RefObject } from 'react'
import type { Comment } from '@/catalog/review-contract'
import { formatClipTime } from '@/components/format-time'
import { CommentForm } from './comment-form'
import { useComments } from './use-comments'

interface CommentsPanelProps {
  renderId: string
  /** The viewer's video: its playhead is where a new comment goes. */
  videoRef: RefObject<HTMLVideoElement | null>
  /** Shows a comment's moment in the player, paused. */
  onSeek: (seconds: number) => void
}

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
const smallButton = 'rounded-md px-2 py-0.5 text-xs text-ink-300 hover:bg-ink-800 hover:text-ink-100'

/** A take's comments, each pinned to a moment: `Comment` at the playhead, the list by time, resolve and reopen. */
export default function CommentsPanel({ renderId, videoRef, onSeek }: CommentsPanelProps) {
  const { comments, add, resolve } = useComments(renderId)
  const [draft, setDraft] = useState<{ atMs: number; video: HTMLVideoElement }>()
  const list = comments.data ?? []
  const open = list.filter((c) => !c.resolved).length

  const start = () => {
    const video = videoRef.current
    if (!video) return
    video.pause()
    add.reset()
    setDraft({ atMs: Math.round(video.currentTime * 1000), video })
  }

  return (
    <section aria-label="Comments" className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-ink-400 uppercase">
          Comments{open > 0 && <span className="ml-1 normal-case">({open} open)</span>}
        </h3>
        <button
          type="button"
          onClick={start}
          className="ml-auto rounded-lg border border-ink-600 px-3 py-1 text-sm text-ink-200 hover:bg-ink-800"
        >
          Comment
        </button>
      </div>
      {draft && (
        <CommentForm
          atMs={draft.atMs}
          video={draft.video}
          sending={add.isPending}
          error={add.error?.message}
          onCancel={() => setDraft(undefined)}
          onSend={(text) => add.mutate({ atMs: draft.atMs, text }, { onSuccess: () => setDraft(undefined) })}
        />
      )}
      {comments.isError && (
        <p className="text-xs text-amber-300">Comments could not be loaded: {comments.error.message}</p>
      )}
      {resolve.isError && (
        <p role="alert" className="text-xs text-red-300">
          {resolve.error.message}
        </p>
      )}
      {list.length === 0 && comments.isSuccess && !draft && (
        <p className="text-xs text-ink-400">No comments yet. Pause where something needs saying and press Comment.</p>
      )}
      {list.length > 0 && (
        <ol className="flex flex-col gap-1.5">
          {list.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              onSeek={onSeek}
              onResolve={(resolved) => resolve.mutate({ id: comment.id, resolved })}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

function CommentItem(props: {
  comment: Comment
  onSeek: (seconds: number) => void
  onResolve: (resolved: boolean) => void
}) {
  const { comment } = props
  const at = formatClipTime(comment.atMs / 1000)
  return (
    <li className={`flex flex-col gap-0.5 rounded-lg bg-ink-900 p-2 ${comment.resolved ? 'opacity-60' : ''}`}>
      <div className="flex items-center gap-2 text-xs text-ink-400">
        <button
          type="button"
          onClick={() => props.onSeek(comment.atMs / 1000)}
          aria-label={`Show ${at}`}
          className="rounded bg-ink-800 px-1.5 font-mono text-accent-300 tabular-nums hover:bg-ink-700"
        >
          {at}
        </button>
        <span className="min-w-0 flex-1 truncate" title={when(comment.createdAtMs)}>
          <span className="text-ink-300">{comment.author ?? 'No name given'}</span> · {when(comment.createdAtMs)}
        </span>
        <button type="button" className={`${smallButton} shrink-0`} onClick={() => props.onResolve(!comment.resolved)}>
          {comment.resolved ? 'Reopen' : 'Resolve'}
        </button>
      </div>
      <p className="text-sm break-words whitespace-pre-wrap text-ink-200">{comment.text}</p>
      {comment.resolved && (
        <p className="text-xs text-ink-400">
          Resolved{comment.resolvedBy ? ` by ${comment.resolvedBy}` : ''}
          {comment.resolvedAtMs ? `, ${when(comment.resolvedAtMs)}` : ''}
        </p>
      )}
    </li>
  )
}
