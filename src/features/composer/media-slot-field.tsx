import { type MediaSlot } from '@/catalog/catalog-schema'
import { FIELD_LABELS } from '@/catalog/wire-fields'
import { isAcceptedMediaUrl } from '@/catalog/video-input'
import { FieldError } from '@/components/field-error'
import { MediaPreview } from '@/components/media-preview'
import { demoSample } from './demo-samples'
import { errorId, fieldId } from './field-ids'
import { inputClass, labelClass } from './spec-field'
import { demoButtonClass, UploadButton, UploadStatus } from './upload-controls'
import { dropZoneClass, useFileDrop } from './use-file-drop'
import { useMediaUpload } from './use-media-upload'

export interface MediaFieldProps<V> {
  slot: MediaSlot
  value: V
  onChange: (value: V) => void
  onBlur: () => void
  error?: string
  demoMode: boolean
  aspectRatio: unknown
}

const PLACEHOLDER = { image: 'https://…/frame.jpg', video: 'https://…/clip.mp4', audio: 'https://…/track.mp3' }

/** One media URL: paste it, upload a file (pick, drop or paste), see it, or pick the demo file in demo mode. */
export function MediaSlotField({
  slot,
  value,
  onChange,
  onBlur,
  error,
  demoMode,
  aspectRatio,
}: MediaFieldProps<string | undefined>) {
  const label = FIELD_LABELS[slot.field]
  const upload = useMediaUpload(slot, label, onChange)
  const { dragging, dropProps } = useFileDrop(([file]) => void upload.start(file!))
  const change = (url: string) => {
    upload.clearError()
    onChange(url)
  }
  const url = (value ?? '').trim()
  const busy = upload.state.phase !== 'idle'
  const previewable = !busy && url !== '' && isAcceptedMediaUrl(url, { allowDemoMedia: true })
  const previewErrorId = `${fieldId(slot.field)}-preview-error`
  const uploadErrorId = `${fieldId(slot.field)}-upload-error`
  const hintId = `${fieldId(slot.field)}-hint`
  const uploadError = upload.state.phase === 'idle' && upload.state.error
  return (
    <div className={`flex flex-col gap-1.5 ${dropZoneClass(dragging)}`} {...dropProps}>
      <div className="flex items-baseline justify-between">
        <label htmlFor={fieldId(slot.field)} className={labelClass}>
          {label}
        </label>
        {!slot.required && (
          <span id={hintId} className="text-xs text-ink-400">
            optional
          </span>
        )}
      </div>
      <div className="flex gap-2">
        <input
          id={fieldId(slot.field)}
          type="url"
          inputMode="url"
          value={value ?? ''}
          placeholder={PLACEHOLDER[slot.kind]}
          onChange={(event) => change(event.target.value)}
          onBlur={onBlur}
          aria-invalid={!!error || undefined}
          aria-describedby={
            [
              !slot.required && hintId,
              error && errorId(slot.field),
              uploadError && uploadErrorId,
              previewable && previewErrorId,
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          className={`${inputClass} min-w-0`}
        />
        <UploadButton label={label} kind={slot.kind} onFiles={([file]) => void upload.start(file!)} />
        {demoMode && (
          <button
            type="button"
            className={`${demoButtonClass} shrink-0`}
            aria-label={`Use a demo file for ${label}`}
            onClick={() => change(demoSample(slot.kind, aspectRatio))}
          >
            Demo
          </button>
        )}
      </div>
      <FieldError id={errorId(slot.field)} message={error} />
      <UploadStatus
        state={upload.state}
        kind={slot.kind}
        label={label}
        onCancel={upload.cancel}
        errorId={uploadErrorId}
      />
      {previewable && <MediaPreview kind={slot.kind} url={url} label={label} errorId={previewErrorId} />}
    </div>
  )
}
