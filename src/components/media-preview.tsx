import { useState } from 'react'

export type MediaKind = 'image' | 'video' | 'audio'

interface MediaPreviewProps {
  kind: MediaKind
  url: string
  /** What the media is, e.g. "First frame". */
  label: string
  /** Id of the load-failure message, for the URL field's aria-describedby. */
  errorId: string
}

const WHAT: Record<MediaKind, string> = { image: 'an image', video: 'a video', audio: 'an audio file' }

/** A small preview of a pasted media URL, and a plain message when the browser cannot load it. */
export function MediaPreview({ kind, url, label, errorId }: MediaPreviewProps) {
  const [failedUrl, setFailedUrl] = useState<string>()
  if (failedUrl === url) {
    return (
      <p id={errorId} role="alert" className="text-xs text-amber-300">
        {label} could not be loaded. Check that the URL is public and points to {WHAT[kind]}.
      </p>
    )
  }
  const onError = () => setFailedUrl(url)
  const name = `${label} preview`
  if (kind === 'image')
    return <img src={url} alt={name} onError={onError} className="h-20 w-auto rounded-md bg-ink-800 object-cover" />
  if (kind === 'video')
    return (
      <video
        src={url}
        aria-label={name}
        onError={onError}
        controls
        muted
        preload="metadata"
        className="h-28 w-auto rounded-md bg-ink-800"
      />
    )
  return <audio src={url} aria-label={name} onError={onError} controls preload="metadata" className="h-9 w-full" />
}
