import { useState } from 'react'
import { MEDIA_NAME, type MediaKind } from '@/catalog/media-formats'

interface MediaPreviewProps {
  kind: MediaKind
  url: string
  /** What the media is, e.g. "First frame". */
  label: string
  /** Id of the load-failure message, for the URL field's aria-describedby. */
  errorId: string
}

const WHAT: Record<MediaKind, string> = { image: 'an image', video: 'a video', audio: 'an audio file' }

/**
 * Each kind's preview height, which an upload in progress takes too, so the preview replaces it in place. The width
 * follows the media's own shape (a portrait frame is narrow); one too wide for the column is letterboxed, not cropped.
 */
export const PREVIEW_HEIGHT: Record<MediaKind, string> = { image: 'h-28', video: 'h-28', audio: 'h-9' }

const MEDIA_PATH = '/media/'

/**
 * Where to load a preview from, in order. A stored file's name is its content hash, so this studio's copy of
 * `<public origin>/media/<name>` is the same bytes, and loads even where the public address (the one Cannon uses)
 * is not reachable from this browser.
 */
function sourcesOf(url: string): string[] {
  if (!/^https?:\/\//.test(url) || !URL.canParse(url)) return [url]
  const { origin, pathname } = new URL(url)
  const name = pathname.startsWith(MEDIA_PATH) ? pathname.slice(MEDIA_PATH.length) : ''
  return MEDIA_NAME.test(name) && origin !== window.location.origin ? [`${MEDIA_PATH}${name}`, url] : [url]
}

/** A small preview of a media URL, and a plain message when the browser cannot load it. */
export function MediaPreview({ kind, url, label, errorId }: MediaPreviewProps) {
  const [failures, setFailures] = useState({ url: '', count: 0 })
  const failed = failures.url === url ? failures.count : 0
  const src = sourcesOf(url)[failed]
  if (src === undefined) {
    return (
      <p id={errorId} role="alert" className="text-xs text-amber-300">
        {label} could not be loaded. Check that the URL is public and points to {WHAT[kind]}.
      </p>
    )
  }
  const onError = () => setFailures({ url, count: failed + 1 })
  const name = `${label} preview`
  const height = PREVIEW_HEIGHT[kind]
  if (kind === 'image')
    return (
      <img
        src={src}
        alt={name}
        onError={onError}
        className={`${height} w-auto max-w-full self-start rounded-md bg-ink-800 object-contain`}
      />
    )
  if (kind === 'video')
    return (
      <video
        src={src}
        aria-label={name}
        onError={onError}
        controls
        muted
        preload="metadata"
        className={`${height} w-auto max-w-full self-start rounded-md bg-ink-800 object-contain`}
      />
    )
  return (
    <audio src={src} aria-label={name} onError={onError} controls preload="metadata" className={`${height} w-full`} />
  )
}
