import type { FieldSpec, IntegerFieldSpec, Model, WireField } from '@/catalog/catalog-schema'
import type { ComposerValues } from './form-values'
import { SeedField } from './seed-field'
import { SpecField } from './spec-field'
import type { FormField } from './validate-composer'

export interface FieldsProps {
  model: Model
  values: ComposerValues
  errorOf: (field: FormField) => string | undefined
  setField: (field: WireField, value: unknown) => void
  touch: (field: WireField) => void
}

export const valueOf = (values: ComposerValues, field: WireField) => values[field]

/** Text, toggles and the seed sit under "Advanced"; the shot's shape (duration, ratio, resolution) above. */
const isAdvanced = (name: WireField, spec: FieldSpec) =>
  spec.type === 'text' || spec.type === 'boolean' || name === 'seed'

function scalarFields(model: Model) {
  return (Object.entries(model.fields) as [WireField, FieldSpec][]).filter(([name]) => name !== 'prompt')
}

export function ShotFields({ model, values, errorOf, setField, touch }: FieldsProps) {
  return scalarFields(model)
    .filter(([name, spec]) => !isAdvanced(name, spec))
    .map(([name, spec]) => (
      <SpecField
        key={`${model.id}-${name}`}
        name={name}
        spec={spec}
        value={valueOf(values, name)}
        onChange={(value) => setField(name, value)}
        onBlur={() => touch(name)}
        error={errorOf(name)}
      />
    ))
}

export function AdvancedFields({
  model,
  values,
  errorOf,
  setField,
  touch,
  seedLocked,
  onSeedLockedChange,
}: FieldsProps & { seedLocked: boolean; onSeedLockedChange: (locked: boolean) => void }) {
  const fields = scalarFields(model).filter(([name, spec]) => isAdvanced(name, spec))
  if (fields.length === 0) return null
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-ink-800 p-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-ink-400 uppercase">Advanced</legend>
      {fields.map(([name, spec]) => {
        const props = {
          name,
          value: valueOf(values, name),
          onChange: (value: unknown) => setField(name, value),
          onBlur: () => touch(name),
          error: errorOf(name),
        }
        return name === 'seed' && spec.type === 'integer' ? (
          <SeedField
            key={`${model.id}-${name}`}
            {...props}
            spec={spec as IntegerFieldSpec}
            locked={seedLocked}
            onLockedChange={onSeedLockedChange}
          />
        ) : (
          <SpecField key={`${model.id}-${name}`} {...props} spec={spec} />
        )
      })}
    </fieldset>
  )
}
