import { useEffect, useRef, useState } from 'react'
import type { MediaSlot } from '@/catalog/catalog-schema'
import { UploadError, uploadMedia } from '@/lib/media-client'
import { readMediaDuration } from '@/lib/media-duration'
import { durationProblem, fileProblem } from './media-file-checks'

export type UploadState =
  | { phase: 'idle'; error?: string }
  | { phase: 'checking'; fileName: string }
  | { phase: 'uploading'; fileName: string; percent: number }

interface Attempt {
  cancelled: boolean
  abort?: () => void
}

async function lengthProblem(file: File, slot: MediaSlot, label: string): Promise<string | undefined> {
  if (slot.kind === 'image' || (slot.minSeconds === undefined && slot.maxSeconds === undefined)) return undefined
  const seconds = await readMediaDuration(file, slot.kind)
  return seconds === undefined ? undefined : durationProblem(slot, label, seconds)
}

/**
 * One slot's upload: checks the file in the browser (type, size, length), sends it with progress, and hands the
 * stored file's URL to `onUploaded`. A new file or Cancel stops the one before; leaving the page stops it too.
 */
export function useMediaUpload(slot: MediaSlot, label: string, onUploaded: (url: string) => void) {
  const [state, setState] = useState<UploadState>({ phase: 'idle' })
  const current = useRef<Attempt>(undefined)
  const latestOnUploaded = useRef(onUploaded)
  useEffect(() => {
    latestOnUploaded.current = onUploaded
  })
  useEffect(() => () => stop(current.current), [])

  const start = async (file: File) => {
    stop(current.current)
    const attempt: Attempt = { cancelled: false }
    current.current = attempt
    const settle = (next: UploadState) => {
      if (current.current === attempt && !attempt.cancelled) setState(next)
    }
    const refused = fileProblem(file, slot.kind, label)
    if (refused) return settle({ phase: 'idle', error: refused })
    settle({ phase: 'checking', fileName: file.name })
    const tooLong = await lengthProblem(file, slot, label)
    if (attempt.cancelled) return
    if (tooLong) return settle({ phase: 'idle', error: tooLong })
    settle({ phase: 'uploading', fileName: file.name, percent: 0 })
    const upload = uploadMedia(file, ({ loaded, total }) =>
      settle({ phase: 'uploading', fileName: file.name, percent: Math.round((loaded / total) * 100) }),
    )
    attempt.abort = upload.abort
    try {
      const stored = await upload.done
      if (attempt.cancelled) return
      latestOnUploaded.current(stored.url)
      settle({ phase: 'idle' })
    } catch (error) {
      if (error instanceof UploadError && error.code === 'aborted') return
      settle({ phase: 'idle', error: error instanceof Error ? error.message : 'The upload failed' })
    }
  }

  const cancel = () => {
    stop(current.current)
    setState({ phase: 'idle' })
  }
  /** Forgets an old error (the slot's value was changed another way). */
  const clearError = () => setState((s) => (s.phase === 'idle' && s.error ? { phase: 'idle' } : s))
  return { state, start, cancel, clearError }
}

function stop(attempt: Attempt | undefined) {
  if (!attempt) return
  attempt.cancelled = true
  attempt.abort?.()
}
