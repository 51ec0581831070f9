import type { MediaKind } from '@/catalog/media-formats'
import { PREVIEW_HEIGHT } from '@/components/media-preview'
import { acceptFor } from './media-file-checks'
import type { UploadState } from './use-media-upload'

export const demoButtonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:border-accent-400 disabled:opacity-50'

interface UploadButtonProps {
  /** The slot's label: the input is named "Upload <label>". */
  label: string
  kind: MediaKind
  onFiles: (files: File[]) => void
  multiple?: boolean
  disabled?: boolean
}

/** A file input that looks like the slot's other buttons; the input itself stays focusable for the keyboard. */
export function UploadButton({ label, kind, onFiles, multiple, disabled }: UploadButtonProps) {
  return (
    <label
      className={`${demoButtonClass} inline-flex shrink-0 cursor-pointer items-center focus-within:border-accent-400 focus-within:outline-2 focus-within:outline-accent-400 has-disabled:cursor-not-allowed has-disabled:opacity-50`}
    >
      Upload
      <input
        type="file"
        aria-label={`Upload ${label}`}
        accept={acceptFor(kind)}
        multiple={multiple}
        disabled={disabled}
        className="sr-only"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = '' // picking the same file again is a new pick
          if (files.length > 0) onFiles(files)
        }}
      />
    </label>
  )
}

interface UploadStatusProps {
  state: UploadState
  kind: MediaKind
  label: string
  onCancel: () => void
  errorId: string
}

/** While a file is checked or sent: its progress and Cancel, in the space its preview will take. After: any error. */
export function UploadStatus({ state, kind, label, onCancel, errorId }: UploadStatusProps) {
  if (state.phase === 'idle') {
    return state.error ? (
      <p id={errorId} role="alert" className="text-xs wrap-anywhere text-red-300">
        {state.error}
      </p>
    ) : null
  }
  const percent = state.phase === 'uploading' ? state.percent : 0
  const doing = state.phase === 'checking' ? 'Checking' : 'Uploading'
  return (
    <div className={`flex items-center gap-3 rounded-md bg-ink-800 px-3 ${PREVIEW_HEIGHT[kind]}`}>
      {/* Sized by the panel, never by the file name: a long name must not widen the page on a phone. */}
      <div className="flex min-w-0 flex-1 flex-col gap-1 [contain:inline-size]">
        <p className="flex gap-2 text-xs text-ink-200">
          <span className="min-w-0 truncate">
            {doing} {state.fileName}…
          </span>
          <span className="ml-auto tabular-nums">{percent}%</span>
        </p>
        <div
          role="progressbar"
          aria-label={`${doing} ${state.fileName}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 overflow-hidden rounded-full bg-ink-700"
        >
          <div className="h-full rounded-full bg-accent-500 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <button type="button" className={demoButtonClass} aria-label={`Cancel the upload to ${label}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
