import type { Model } from '@/catalog/catalog-schema'
import { FieldRadioGroup } from '@/components/field-radio-group'

interface ModelPickerProps {
  models: readonly Model[]
  value: string
  onChange: (id: string) => void
}

/** Each model's name and its one line, as a keyboard-operable radio group named "Model". */
export function ModelPicker({ models, value, onChange }: ModelPickerProps) {
  const selected = models.find((model) => model.id === value)
  return (
    <div className="flex flex-col gap-1">
      <FieldRadioGroup
        label="Model"
        variant="cards"
        value={value}
        onChange={onChange}
        options={models.map((model) => ({ value: model.id, label: model.name, description: model.tagline }))}
      />
      {selected?.idInferred && (
        <p className="text-xs text-ink-400">
          The id <code>{selected.id}</code> follows Cannon&apos;s naming but is not confirmed by Cannon yet.
        </p>
      )}
    </div>
  )
}
