import { useEffect, useRef, useState } from 'react'
import { MAX_COMMENT_CHARS } from '@/catalog/review-contract'
import { formatClipTime } from '@/components/format-time'
import { readable } from '@/catalog/wording'

interface CommentFormProps {
  atMs: number
  /** The paused video, whose frame at `atMs` is drawn beside the text. */
  video: HTMLVideoElement | null
  sending: boolean
  error: string | undefined
  onSend: (text: string) => void
  onCancel: () => void
}

const FRAME_WIDTH = 160

/**
 * A comment being written at one moment of the take: that frame, drawn from the paused video (a canvas shown,
 * never read back, so a take from another origin draws too), beside the text box.
 */
export function CommentForm({ atMs, video, sending, error, onSend, onCancel }: CommentFormProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [text, setText] = useState('')
  useEffect(() => {
    const target = canvas.current
    if (!target || !video || !video.videoWidth) return
    target.width = FRAME_WIDTH
    target.height = Math.round((FRAME_WIDTH * video.videoHeight) / video.videoWidth)
    target.getContext('2d')?.drawImage(video, 0, 0, target.width, target.height)
  }, [video, atMs])
  const at = formatClipTime(atMs / 1000)
  const blank = text.trim() === ''
  return (
    <form
      aria-label={`Comment at ${at}`}
      className="flex flex-col gap-2 rounded-lg border border-ink-700 p-2"
      onSubmit={(event) => {
        event.preventDefault()
        if (!blank) onSend(text)
      }}
    >
      <div className="flex gap-2">
        <canvas ref={canvas} aria-label={`The frame at ${at}`} className="w-24 shrink-0 self-start rounded bg-black" />
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-ink-400">
          At {at}
          <textarea
            autoFocus
            value={text}
            maxLength={MAX_COMMENT_CHARS}
            rows={3}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !blank) onSend(text)
              // Escape cancels the comment, not the viewer around it.
              if (event.key === 'Escape') {
                event.stopPropagation()
                onCancel()
              }
            }}
            aria-label="Comment text"
            className="rounded-md border border-ink-600 bg-ink-950 px-2 py-1 text-sm text-ink-200"
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-300">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-ink-400 tabular-nums">
          {readable(text.length)} / {readable(MAX_COMMENT_CHARS)}
        </span>
        <button type="button" onClick={onCancel} className="rounded-md px-2 py-1 text-sm text-ink-300 hover:bg-ink-800">
          Cancel
        </button>
        <button
          type="submit"
          disabled={blank || sending}
          className="rounded-md bg-accent-500 px-3 py-1 text-sm font-medium text-ink-950 disabled:opacity-50"
        >
          {sending ? 'Posting…' : 'Post'}
        </button>
      </div>
    </form>
  )
}
