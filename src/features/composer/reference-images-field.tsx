import { useState } from 'react'
import { FIELD_LABELS } from '@/catalog/wire-fields'
import { FieldError } from '@/components/field-error'
import { demoSample } from './demo-samples'
import { errorId, fieldId } from './field-ids'
import type { MediaFieldProps } from './media-slot-field'
import { ReferenceImageRow } from './reference-image-row'
import { labelClass } from './spec-field'
import { demoButtonClass, UploadButton } from './upload-controls'
import { dropZoneClass, useFileDrop } from './use-file-drop'
import { newRowKey, useRowKeys } from './use-row-keys'

const filled = (row: string) => row.trim() !== ''

/** A list of image URLs, from the slot's minimum up to its maximum (Seedance 9, Veo 3.1 3); files become new rows. */
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
  const { keys, apply, latest } = useRowKeys(rows)
  const [files, setFiles] = useState<Record<string, File>>({})
  const [leftOut, setLeftOut] = useState<string>()
  const full = rows.length >= max
  const change = (nextRows: string[], nextKeys: string[]) => {
    apply(nextRows, nextKeys)
    onChange(nextRows)
  }
  // By key, not index: an upload may finish after rows above it were removed.
  const setRow = (key: string, url: string) => {
    const { rows: now, keys: nowKeys } = latest.current
    if (nowKeys.includes(key))
      change(
        now.map((row, i) => (nowKeys[i] === key ? url : row)),
        nowKeys,
      )
  }
  const remove = (index: number) =>
    change(
      rows.filter((_, i) => i !== index),
      keys.filter((_, i) => i !== index),
    )
  const keep = () => rows.map((row, i) => [row, keys[i]!] as const).filter(([row]) => filled(row))
  const addFiles = (picked: File[]) => {
    const kept = keep()
    const taken = picked.slice(0, Math.max(0, max - kept.length))
    const added = taken.map(() => newRowKey())
    setFiles((before) => ({ ...before, ...Object.fromEntries(added.map((key, i) => [key, taken[i]!])) }))
    setLeftOut(
      taken.length < picked.length
        ? `${label} takes at most ${max}; ${picked.length - taken.length} of the files were left out`
        : undefined,
    )
    change([...kept.map(([row]) => row), ...taken.map(() => '')], [...kept.map(([, key]) => key), ...added])
  }
  const addDemo = () => {
    const kept = keep()
    const demo = demoSample('image', aspectRatio, kept.length)
    change(
      [...kept.map(([row]) => row), demo].slice(0, max),
      [...kept.map(([, key]) => key), newRowKey()].slice(0, max),
    )
  }
  const { dragging, dropProps } = useFileDrop(addFiles)
  const idStem = fieldId(slot.field)

  return (
    <div
      role="group"
      aria-labelledby={`${idStem}-label`}
      aria-describedby={`${idStem}-hint${error ? ` ${errorId(slot.field)}` : ''}`}
      className={`flex flex-col gap-1.5 ${dropZoneClass(dragging)}`}
      {...dropProps}
    >
      <div className="flex items-baseline justify-between">
        <span id={`${idStem}-label`} className={labelClass}>
          {label}
        </span>
        <span id={`${idStem}-hint`} className="text-xs text-ink-400">
          {rows.filter(filled).length} of up to {max}
        </span>
      </div>
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <ReferenceImageRow
            key={keys[index]}
            slot={slot}
            number={index + 1}
            idStem={`${idStem}-${index}`}
            value={row}
            file={files[keys[index]!]}
            onChange={(url) => setRow(keys[index]!, url)}
            onBlur={onBlur}
            onRemove={rows.length > 1 ? () => remove(index) : undefined}
            error={error}
            errorId={errorId(slot.field)}
          />
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={demoButtonClass}
          disabled={full}
          onClick={() => change([...rows, ''], [...keys, newRowKey()])}
        >
          Add reference image
        </button>
        <UploadButton label={label} kind="image" multiple disabled={full && rows.every(filled)} onFiles={addFiles} />
        {demoMode && (
          <button type="button" className={demoButtonClass} disabled={full && rows.every(filled)} onClick={addDemo}>
            Add demo image
          </button>
        )}
      </div>
      {leftOut && (
        <p role="alert" className="text-xs text-amber-300">
          {leftOut}
        </p>
      )}
      <FieldError id={errorId(slot.field)} message={error} />
    </div>
  )
}
