import { useEffect, useRef, useState } from 'react'
import { videoUrlOf, type RenderRecord } from '@/features/renders/render-record'

const HOVER_DELAY_MS = 300

/**
 * Which one item plays its video: the one hovered for a moment, or toggled with Space. At most one
 * preview exists at a time, so the gallery never holds more than a handful of <video> elements.
 */
export function useHoverPreview() {
  const [previewId, setPreviewId] = useState<string>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const canPreview = (record: RenderRecord) => Boolean(videoUrlOf(record))
  return {
    previewId,
    hover: (record: RenderRecord, hovering: boolean) => {
      clearTimeout(timer.current)
      if (hovering && canPreview(record)) {
        timer.current = setTimeout(() => setPreviewId(record.localId), HOVER_DELAY_MS)
      } else if (!hovering) {
        setPreviewId((id) => (id === record.localId ? undefined : id))
      }
    },
    stop: () => {
      clearTimeout(timer.current)
      setPreviewId(undefined)
    },
    toggle: (record: RenderRecord) =>
      setPreviewId((id) => (id === record.localId || !canPreview(record) ? undefined : record.localId)),
  }
}
