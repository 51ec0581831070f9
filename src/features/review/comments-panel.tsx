import type { RefObject } from 'react'
import { CommentForm } from './comment-form'
import { CommentItem } from './comment-item'
import { useCommentDraft } from './use-comment-draft'
import { useComments } from './use-comments'

interface CommentsPanelProps {
  renderId: string
  /** The viewer's video: its playhead is where a new comment goes. */
  videoRef: RefObject<HTMLVideoElement | null>
  /** Shows a comment's moment in the player, paused. */
  onSeek: (seconds: number) => void
}

/** A take's comments, each pinned to a moment: `Comment` at the playhead, the list by time, resolve and reopen. */
export default function CommentsPanel({ renderId, videoRef, onSeek }: CommentsPanelProps) {
  const { comments, add, resolve } = useComments(renderId)
  const { draft, start, clear } = useCommentDraft(videoRef)
  const list = comments.data ?? []
  const open = list.filter((c) => !c.resolved).length

  return (
    <section aria-label="Comments" className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-ink-400 uppercase">
          Comments{open > 0 && <span className="ml-1 normal-case">({open} open)</span>}
        </h3>
        <button
          type="button"
          onClick={() => {
            add.reset()
            start()
          }}
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
          onCancel={clear}
          onSend={(text) => add.mutate({ atMs: draft.atMs, text }, { onSuccess: clear })}
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
