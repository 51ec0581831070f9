import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type RefObject } from 'react'
import type { Comment } from '@/catalog/review-contract'
import { CommentForm } from './comment-form'
import { CommentItem } from './comment-item'
import { commentOnSharedTake, sharedTakeComments } from './review-client'
import { useCommentDraft } from './use-comment-draft'

const NAME_KEY = 'cannon-studio:reviewer-name'
const readName = () => {
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

interface LinkCommentsProps {
  token: string
  takeId: string
  videoRef: RefObject<HTMLVideoElement | null>
  onSeek: (seconds: number) => void
}

/** A reviewer's comments on a shared take: at the playhead, under the name they type; the list seeks the player. */
export function LinkComments({ token, takeId, videoRef, onSeek }: LinkCommentsProps) {
  const queryClient = useQueryClient()
  const key = ['review-comments', token, takeId]
  const comments = useQuery({
    queryKey: key,
    queryFn: () => sharedTakeComments(token, takeId),
    refetchInterval: 15_000,
  })
  const [name, setName] = useState(readName)
  const { draft, start, clear } = useCommentDraft(videoRef)
  const add = useMutation({
    mutationFn: ({ atMs, text }: { atMs: number; text: string }) =>
      commentOnSharedTake(token, takeId, { atMs, text, name: name.trim() }),
    onSuccess: (comment) => {
      queryClient.setQueryData<Comment[]>(key, (list) => [...(list ?? []), comment].sort((a, b) => a.atMs - b.atMs))
      clear()
      try {
        localStorage.setItem(NAME_KEY, name.trim())
      } catch {
        // Not remembered: the name is asked again next time.
      }
    },
  })
  return (
    <section aria-label="Comments" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs text-ink-400">
          Your name
          <input
            value={name}
            maxLength={40}
            onChange={(event) => setName(event.target.value)}
            className="rounded-md border border-ink-600 bg-ink-950 px-2 py-1 text-sm text-ink-100"
          />
        </label>
        <button
          type="button"
          onClick={() => {
            add.reset()
            start()
          }}
          disabled={name.trim() === ''}
          title={name.trim() === '' ? 'Type your name first' : undefined}
          className="rounded-lg border border-ink-600 px-3 py-1 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-50"
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
          onSend={(text) => add.mutate({ atMs: draft.atMs, text })}
        />
      )}
      {comments.isError && (
        <p className="text-xs text-amber-300">{`Comments could not be loaded: ${comments.error.message}`}</p>
      )}
      <ol className="flex flex-col gap-1.5">
        {(comments.data ?? []).map((comment) => (
          <CommentItem key={comment.id} comment={comment} onSeek={onSeek} />
        ))}
      </ol>
    </section>
  )
}
