import { useEffect } from 'react'
import type { MediaSlot } from '@/catalog/catalog-schema'
import { isAcceptedMediaUrl } from '@/catalog/video-input'
import { MediaPreview } from '@/components/media-preview'
import { inputClass } from './spec-field'
import { demoButtonClass, UploadButton, UploadStatus } from './upload-controls'
import { dropZoneClass, useFileDrop } from './use-file-drop'
import { useMediaUpload } from './use-media-upload'

interface ReferenceImageRowProps {
  slot: MediaSlot
  /** 1-based, as people count: "Reference image 2". */
  number: number
  /** The id stem of this row's messages. */
  idStem: string
  value: string
  onChange: (url: string) => void
  onBlur: () => void
  onRemove?: () => void
  /** A file dropped or picked for a new row: uploaded as soon as the row appears. */
  file?: File
  error?: string
  errorId: string
}

/** One reference image: its URL box, Upload (pick, drop or paste), progress, preview and Remove. */
export function ReferenceImageRow({
  slot,
  number,
  idStem,
  value,
  onChange,
  onBlur,
  onRemove,
  file,
  ...rest
}: ReferenceImageRowProps) {
  const label = `Reference image ${number}`
  const upload = useMediaUpload(slot, label, onChange)
  const { dragging, dropProps } = useFileDrop(([picked]) => void upload.start(picked!))
  const { start } = upload
  useEffect(() => {
    if (file) void start(file)
    // Only the file the row was made for; `start` is new every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file])
  const url = value.trim()
  const uploadErrorId = `${idStem}-upload-error`
  const previewable = upload.state.phase === 'idle' && url !== '' && isAcceptedMediaUrl(url, { allowDemoMedia: true })
  const uploadError = upload.state.phase === 'idle' && upload.state.error
  return (
    <li className={`flex flex-col gap-1 ${dropZoneClass(dragging)}`} {...dropProps}>
      <div className="flex gap-2">
        <input
          type="url"
          inputMode="url"
          value={value}
          placeholder="https://…/reference.jpg"
          aria-label={label}
          aria-invalid={!!rest.error || undefined}
          aria-describedby={
            [rest.error && rest.errorId, uploadError && uploadErrorId].filter(Boolean).join(' ') || undefined
          }
          onChange={(event) => {
            upload.clearError()
            onChange(event.target.value)
          }}
          onBlur={onBlur}
          className={`${inputClass} min-w-0`}
        />
        <UploadButton label={label} kind="image" onFiles={([picked]) => void upload.start(picked!)} />
        {onRemove && (
          <button type="button" className={`${demoButtonClass} shrink-0`} onClick={onRemove}>
            <span aria-hidden="true">✕</span>
            <span className="sr-only">Remove {label.toLowerCase()}</span>
          </button>
        )}
      </div>
      <UploadStatus state={upload.state} kind="image" label={label} onCancel={upload.cancel} errorId={uploadErrorId} />
      {previewable && <MediaPreview kind="image" url={url} label={label} errorId={`${idStem}-preview-error`} />}
    </li>
  )
}
