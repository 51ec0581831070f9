import type { Comment } from '@/catalog/review-contract'
import { formatClipTime } from '@/components/format-time'

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
const smallButton = 'rounded-md px-2 py-0.5 text-xs text-ink-300 hover:bg-ink-800 hover:text-ink-100'

interface CommentItemProps {
  comment: Comment
  onSeek: (seconds: number) => void
  /** Resolve or reopen; without it (on a review link) the comment is read only. */
  onResolve?: (resolved: boolean) => void
}

/** One comment: its moment (a button that shows it), author, when, text, and who resolved it. */
export function CommentItem({ comment, onSeek, onResolve }: CommentItemProps) {
  const at = formatClipTime(comment.atMs / 1000)
  return (
    <li className={`flex flex-col gap-0.5 rounded-lg bg-ink-900 p-2 ${comment.resolved ? 'opacity-60' : ''}`}>
      <div className="flex items-center gap-2 text-xs text-ink-400">
        <button
          type="button"
          onClick={() => onSeek(comment.atMs / 1000)}
          aria-label={`Show ${at}`}
          className="rounded bg-ink-800 px-1.5 font-mono text-accent-300 tabular-nums hover:bg-ink-700"
        >
          {at}
        </button>
        <span className="min-w-0 flex-1 truncate" title={when(comment.createdAtMs)}>
          <span className="text-ink-300">{comment.author ?? 'No name given'}</span> · {when(comment.createdAtMs)}
        </span>
        {onResolve && (
          <button type="button" className={`${smallButton} shrink-0`} onClick={() => onResolve(!comment.resolved)}>
            {comment.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
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
