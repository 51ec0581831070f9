import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { Catalog, FieldSpec } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/catalog-schema'
import { buildModelInputSchema, firstIssue, type VideoInput } from '@/catalog/request-schema'
import { buildVideoInput, defaultValues, type ComposerValues } from './build-input'

interface ComposerProps {
  catalog: Catalog
  demoMode: boolean
  onSubmit: (input: VideoInput) => Promise<unknown>
}

const inputClass =
  'w-full rounded-lg border border-ink-600 bg-ink-900 px-3 py-2 text-sm text-ink-200 placeholder:text-ink-400 focus:border-accent-400'

function ScalarField({
  name,
  spec,
  register,
}: {
  name: WireField
  spec: FieldSpec
  register: ReturnType<typeof useForm<ComposerValues>>['register']
}) {
  const id = `field-${name}`
  const label = FIELD_LABELS[name]
  if (spec.type === 'enum' || (spec.type === 'integer' && spec.values)) {
    const options = spec.type === 'enum' ? spec.values : spec.values!
    const unit = spec.type === 'integer' ? ` ${spec.unit ?? ''}` : ''
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-ink-400">
          {label}
        </label>
        <select
          id={id}
          className={inputClass}
          {...register(name, { setValueAs: (v: string) => (spec.type === 'integer' ? Number(v) : v) })}
        >
          {options.map((v) => (
            <option key={v} value={v}>
              {`${v}${unit}`.trim()}
            </option>
          ))}
        </select>
      </div>
    )
  }
  if (spec.type === 'integer') {
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-ink-400">
          {label}
        </label>
        <input
          id={id}
          type="number"
          min={spec.min}
          max={spec.max}
          step={1}
          className={inputClass}
          {...register(name, { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
        />
      </div>
    )
  }
  return null
}

export function Composer({ catalog, demoMode, onSubmit }: ComposerProps) {
  const first = catalog.models[0]!
  const { register, handleSubmit, control, reset, getValues } = useForm<ComposerValues>({
    defaultValues: defaultValues(first),
  })
  const [error, setError] = useState<{ field?: string; message: string }>()
  const modelId = useWatch({ control, name: 'model' })
  const model = catalog.models.find((m) => m.id === modelId) ?? first

  const submit = handleSubmit(async (values) => {
    const input = buildVideoInput(model, values)
    const parsed = buildModelInputSchema(model, { allowDemoMedia: demoMode }).safeParse(input)
    if (!parsed.success) {
      setError(firstIssue(parsed.error))
      return
    }
    setError(undefined)
    await onSubmit(input)
  })

  const modelField = register('model', {
    onChange: (event: { target: { value: string } }) => {
      const next = catalog.models.find((m) => m.id === event.target.value)
      if (next) reset({ ...defaultValues(next), prompt: getValues('prompt') })
    },
  })

  const layoutFields = (['duration', 'aspect_ratio', 'resolution'] as const).filter((f) => model.fields[f])

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Composer">
      <div className="flex flex-col gap-1">
        <label htmlFor="field-model" className="text-xs font-medium text-ink-400">
          Model
        </label>
        <select id="field-model" className={inputClass} {...modelField}>
          {catalog.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <p className="text-xs text-ink-400">{model.tagline}</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="field-prompt" className="text-xs font-medium text-ink-400">
          Prompt
        </label>
        <textarea
          id="field-prompt"
          rows={5}
          className={inputClass}
          placeholder="A handheld chase through a crowded market at blue hour."
          {...register('prompt')}
        />
      </div>
      <div className="grid grid-cols-3 gap-3">
        {layoutFields.map((name) => (
          <ScalarField key={`${model.id}-${name}`} name={name} spec={model.fields[name]!} register={register} />
        ))}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error.message}
        </p>
      )}
      <button
        type="submit"
        className="rounded-lg bg-accent-500 px-4 py-2 font-semibold text-ink-950 hover:bg-accent-400"
      >
        Generate
      </button>
    </form>
  )
}
