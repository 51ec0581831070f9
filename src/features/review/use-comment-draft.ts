import { useState, type RefObject } from 'react'

export interface CommentDraft {
  atMs: number
  video: HTMLVideoElement
}

/** A comment being written: `start` pauses the player and pins the draft to its playhead. */
export function useCommentDraft(videoRef: RefObject<HTMLVideoElement | null>) {
  const [draft, setDraft] = useState<CommentDraft>()
  const start = () => {
    const video = videoRef.current
    if (!video) return
    video.pause()
    setDraft({ atMs: Math.round(video.currentTime * 1000), video })
  }
  return { draft, start, clear: () => setDraft(undefined) }
}
