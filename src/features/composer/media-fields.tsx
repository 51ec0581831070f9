import type { MediaSlot, Mode } from '@/catalog/catalog-schema'
import { valueOf, type FieldsProps } from './composer-fields'
import { MediaSlotField } from './media-slot-field'
import { ReferenceImagesField } from './reference-images-field'

/** The current mode's media slots. Loaded on demand: the default mode of every model is text only. */
export default function MediaFields({ mode, demoMode, ...props }: FieldsProps & { mode: Mode; demoMode: boolean }) {
  const { values, errorOf, setField, touch } = props
  const common = (slot: MediaSlot) => ({
    slot,
    onBlur: () => touch(slot.field),
    error: errorOf(slot.field),
    demoMode,
    aspectRatio: values.aspect_ratio,
  })
  return mode.media.map((slot) =>
    slot.maxItems !== undefined ? (
      <ReferenceImagesField
        key={slot.field}
        {...common(slot)}
        value={valueOf(values, slot.field) as string[] | undefined}
        onChange={(urls) => setField(slot.field, urls)}
      />
    ) : (
      <MediaSlotField
        key={slot.field}
        {...common(slot)}
        value={valueOf(values, slot.field) as string | undefined}
        onChange={(url) => setField(slot.field, url)}
      />
    ),
  )
}
