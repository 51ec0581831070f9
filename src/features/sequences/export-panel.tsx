import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { sequenceClient } from './sequence-client'

const buttonClass =
  'rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-50'

/** Fetches a file the server makes on request and hands it to the browser as a download; a refusal is thrown. */
async function download(url: string, fallbackName: string) {
  const response = await fetch(url, { headers: { accept: '*/*' } })
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
    throw new Error(body?.error?.message ?? `The studio answered ${response.status}`)
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName
  const href = URL.createObjectURL(await response.blob())
  const link = Object.assign(document.createElement('a'), { href, download: name })
  link.click()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/** The MP4 being made: its progress, Cancel, and the download once it is done. */
function Mp4Export({ sequenceId, jobId, onEnd }: { sequenceId: string; jobId: string; onEnd: () => void }) {
  const status = useQuery({
    queryKey: ['sequence-export', sequenceId, jobId],
    queryFn: () => sequenceClient.exportStatus(sequenceId, jobId),
    refetchInterval: (query) => (['queued', 'running'].includes(query.state.data?.state ?? 'queued') ? 1000 : false),
  })
  const cancel = useMutation({ mutationFn: () => sequenceClient.cancelExport(sequenceId, jobId), onSuccess: onEnd })
  const state = status.data?.state ?? 'queued'
  const percent = Math.round((status.data?.progress ?? 0) * 100)
  if (state === 'done') {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink-200">
        The MP4 is ready.
        <a
          href={sequenceClient.exportFileUrl(sequenceId, jobId)}
          download
          className={buttonClass}
          onClick={() => setTimeout(onEnd, 500)}
        >
          Download MP4
        </a>
      </p>
    )
  }
  if (state === 'failed' || state === 'cancelled' || status.isError) {
    return (
      <p role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-300">
        {state === 'cancelled'
          ? 'The export was cancelled.'
          : `The export failed: ${status.data?.error ?? status.error?.message ?? 'no reason given'}`}
        <button type="button" className={buttonClass} onClick={onEnd}>
          OK
        </button>
      </p>
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-ink-300">
      <span>{state === 'queued' ? 'Waiting for another export…' : `Making the MP4… ${percent}%`}</span>
      <div
        role="progressbar"
        aria-label="MP4 export"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        className="h-1.5 w-40 overflow-hidden rounded-full bg-ink-700"
      >
        <div className="h-full bg-accent-500" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" className={buttonClass} disabled={cancel.isPending} onClick={() => cancel.mutate()}>
        Cancel
      </button>
    </div>
  )
}

/**
 * The sequence leaves the studio: `Export MP4` (one H.264/AAC file of the cut, made on the server while the studio
 * stays usable) and `Export for editors` (OpenTimelineIO and Final Cut Pro 7 XML naming the kept takes and trims).
 */
export function ExportPanel({ sequenceId }: { sequenceId: string }) {
  const [jobId, setJobId] = useState<string>()
  const [editorsOpen, setEditorsOpen] = useState(false)
  const start = useMutation({
    mutationFn: () => sequenceClient.startExport(sequenceId),
    onSuccess: (started) => setJobId(started.jobId),
  })
  const editorFile = useMutation({
    mutationFn: (ext: 'otio' | 'xml') => download(sequenceClient.editorFileUrl(sequenceId, ext), `sequence.${ext}`),
  })
  return (
    <section aria-label="Export" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={start.isPending || jobId !== undefined}
          onClick={() => start.mutate()}
        >
          Export MP4
        </button>
        <button
          type="button"
          className={buttonClass}
          aria-expanded={editorsOpen}
          onClick={() => setEditorsOpen((open) => !open)}
        >
          Export for editors
        </button>
        {editorsOpen && (
          <>
            <button
              type="button"
              className={buttonClass}
              disabled={editorFile.isPending}
              onClick={() => editorFile.mutate('otio')}
            >
              OpenTimelineIO (.otio)
            </button>
            <button
              type="button"
              className={buttonClass}
              disabled={editorFile.isPending}
              onClick={() => editorFile.mutate('xml')}
            >
              Final Cut Pro XML (.xml)
            </button>
          </>
        )}
      </div>
      {jobId && <Mp4Export sequenceId={sequenceId} jobId={jobId} onEnd={() => setJobId(undefined)} />}
      {(start.isError || editorFile.isError) && (
        <p role="alert" className="text-sm text-red-300">
          {`Not exported: ${(start.error ?? editorFile.error)!.message}`}
        </p>
      )}
    </section>
  )
}
