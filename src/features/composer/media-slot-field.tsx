import { FIELD_LABELS, type MediaSlot } from '@/catalog/catalog-schema'
import { isAcceptedMediaUrl } from '@/catalog/request-schema'
import { FieldError } from '@/components/field-error'
import { MediaPreview } from '@/components/media-preview'
import { demoSample } from './demo-samples'
import { errorId, fieldId } from './field-ids'
import { inputClass, labelClass } from './spec-field'

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

export const demoButtonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:border-accent-400 disabled:opacity-50'

/** One media URL: paste it, see it, or pick the studio's demo file in demo mode. */
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
  const url = (value ?? '').trim()
  const previewable = url !== '' && isAcceptedMediaUrl(url, { allowDemoMedia: true })
  const previewErrorId = `${fieldId(slot.field)}-preview-error`
  const hintId = `${fieldId(slot.field)}-hint`
  return (
    <div className="flex flex-col gap-1.5">
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
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          aria-invalid={!!error || undefined}
          aria-describedby={
            [!slot.required && hintId, error && errorId(slot.field), previewable && previewErrorId]
              .filter(Boolean)
              .join(' ') || undefined
          }
          className={inputClass}
        />
        {demoMode && (
          <button
            type="button"
            className={demoButtonClass}
            aria-label={`Use a demo file for ${label}`}
            onClick={() => onChange(demoSample(slot.kind, aspectRatio))}
          >
            Demo
          </button>
        )}
      </div>
      <FieldError id={errorId(slot.field)} message={error} />
      {previewable && <MediaPreview kind={slot.kind} url={url} label={label} errorId={previewErrorId} />}
    </div>
  )
}
