import { FIELD_LABELS } from '@/catalog/catalog-schema'
import { isAcceptedMediaUrl } from '@/catalog/request-schema'
import { FieldError } from '@/components/field-error'
import { MediaPreview } from '@/components/media-preview'
import { demoSample } from './demo-samples'
import { errorId, fieldId } from './field-ids'
import { demoButtonClass, type MediaFieldProps } from './media-slot-field'
import { inputClass, labelClass } from './spec-field'

/** A list of image URLs, from the slot's minimum up to its maximum (Seedance 9, Veo 3.1 3). */
export function ReferenceImagesField({
  slot,
  value,
  onChange,
  onBlur,
  error,
  demoMode,
  aspectRatio,
}: MediaFieldProps<string[] | undefined>) {
  const label = FIELD_LABELS[slot.field]
  const max = slot.maxItems ?? 1
  const rows = value && value.length > 0 ? value : ['']
  const full = rows.length >= max
  const update = (index: number, url: string) => onChange(rows.map((row, i) => (i === index ? url : row)))
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index))
  const addDemo = () => {
    const filled = rows.filter((row) => row.trim() !== '')
    onChange([...filled, demoSample('image', aspectRatio, filled.length)].slice(0, max))
  }

  return (
    <div
      role="group"
      aria-labelledby={`${fieldId(slot.field)}-label`}
      aria-describedby={`${fieldId(slot.field)}-hint${error ? ` ${errorId(slot.field)}` : ''}`}
      className="flex flex-col gap-1.5"
    >
      <div className="flex items-baseline justify-between">
        <span id={`${fieldId(slot.field)}-label`} className={labelClass}>
          {label}
        </span>
        <span id={`${fieldId(slot.field)}-hint`} className="text-xs text-ink-400">
          {rows.filter((row) => row.trim() !== '').length} of up to {max}
        </span>
      </div>
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => {
          const url = row.trim()
          const previewErrorId = `${fieldId(slot.field)}-${index}-preview-error`
          return (
            <li key={index} className="flex flex-col gap-1">
              <div className="flex gap-2">
                <input
                  type="url"
                  inputMode="url"
                  value={row}
                  placeholder="https://…/reference.jpg"
                  aria-label={`Reference image ${index + 1}`}
                  aria-invalid={!!error || undefined}
                  aria-describedby={error ? errorId(slot.field) : undefined}
                  onChange={(event) => update(index, event.target.value)}
                  onBlur={onBlur}
                  className={inputClass}
                />
                {rows.length > 1 && (
                  <button type="button" className={demoButtonClass} onClick={() => remove(index)}>
                    <span aria-hidden="true">✕</span>
                    <span className="sr-only">Remove reference image {index + 1}</span>
                  </button>
                )}
              </div>
              {url !== '' && isAcceptedMediaUrl(url, { allowDemoMedia: true }) && (
                <MediaPreview kind="image" url={url} label={`Reference image ${index + 1}`} errorId={previewErrorId} />
              )}
            </li>
          )
        })}
      </ol>
      <div className="flex gap-2">
        <button type="button" className={demoButtonClass} disabled={full} onClick={() => onChange([...rows, ''])}>
          Add reference image
        </button>
        {demoMode && (
          <button
            type="button"
            className={demoButtonClass}
            disabled={full && rows.every((r) => r.trim() !== '')}
            onClick={addDemo}
          >
            Add demo image
          </button>
        )}
      </div>
      <FieldError id={errorId(slot.field)} message={error} />
    </div>
  )
}
