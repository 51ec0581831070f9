import { useState } from 'react'

/** Copies the video's absolute URL; says so, or says why it could not. */
export function CopyLinkButton({ url, className }: { url: string; className: string }) {
  const [note, setNote] = useState<string>()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(url, window.location.href).href)
      setNote('Link copied')
    } catch {
      setNote('The browser refused the clipboard; copy the link from Download instead')
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={copy}>
        Copy link
      </button>
      {note && (
        <span role="status" className="self-center text-xs text-ink-400">
          {note}
        </span>
      )}
    </>
  )
}
