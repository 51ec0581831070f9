import { useState } from 'react'
import { type FieldSpec, type IntegerFieldSpec } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { FieldError } from '@/components/field-error'
import { FieldRadioGroup } from '@/components/field-radio-group'
import { FieldToggle } from '@/components/field-toggle'
import { errorId, fieldId } from './field-ids'

export interface SpecFieldProps {
  name: WireField
  spec: FieldSpec
  value: unknown
  onChange: (value: unknown) => void
  onBlur?: () => void
  error?: string
}

export const inputClass =
  'w-full rounded-lg border border-ink-600 bg-ink-900 px-3 py-2 text-sm text-ink-200 placeholder:text-ink-400 focus:border-accent-400 aria-invalid:border-red-400'
export const labelClass = 'text-xs font-medium text-ink-400'

/** Ranges up to this wide get a slider; wider ones (a seed) a plain number box. */
const SLIDER_MAX_SPAN = 120

const unitWord = (unit: string | undefined) => (unit === 's' ? 'seconds' : unit)

/** A blank box means "not set" for an optional number, and "invalid" for one that has a default. */
function parseNumber(text: string, spec: IntegerFieldSpec): number | undefined {
  if (text.trim() === '') return spec.default === undefined ? undefined : Number.NaN
  return Number(text)
}

function RangeField({ name, spec, value, onChange, onBlur, error }: SpecFieldProps & { spec: IntegerFieldSpec }) {
  const label = FIELD_LABELS[name]
  const shown = typeof value === 'number' && Number.isFinite(value) ? value : ''
  const describedBy = error ? errorId(name) : undefined
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={fieldId(name)} className={labelClass}>
        {label}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={fieldId(name)}
          type="range"
          min={spec.min}
          max={spec.max}
          step={1}
          value={shown === '' ? (spec.default ?? spec.min) : shown}
          onChange={(event) => onChange(Number(event.target.value))}
          onBlur={onBlur}
          aria-describedby={describedBy}
          aria-valuetext={shown === '' ? undefined : `${shown} ${unitWord(spec.unit) ?? ''}`.trim()}
          className="flex-1 accent-accent-500"
        />
        <input
          type="number"
          min={spec.min}
          max={spec.max}
          step={1}
          value={shown}
          onChange={(event) => onChange(parseNumber(event.target.value, spec))}
          onBlur={onBlur}
          aria-label={`${label} in ${unitWord(spec.unit) ?? 'units'}`}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy}
          className={`${inputClass} !w-20`}
        />
      </div>
      <FieldError id={errorId(name)} message={error} />
    </div>
  )
}

export function NumberField({
  name,
  spec,
  value,
  onChange,
  onBlur,
  error,
}: SpecFieldProps & { spec: IntegerFieldSpec }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={fieldId(name)} className={labelClass}>
        {FIELD_LABELS[name]}
      </label>
      <input
        id={fieldId(name)}
        type="number"
        min={spec.min}
        max={spec.max}
        step={1}
        value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
        onChange={(event) => onChange(parseNumber(event.target.value, spec))}
        onBlur={onBlur}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? errorId(name) : undefined}
        className={inputClass}
      />
      <FieldError id={errorId(name)} message={error} />
    </div>
  )
}

/** Renders any catalog field from its spec alone: steps and enums as radio groups, ranges, text, toggles. */
export function SpecField(props: SpecFieldProps) {
  const { name, spec, value, onChange, error } = props
  const label = FIELD_LABELS[name]
  if (spec.type === 'boolean') {
    return <FieldToggle label={label} checked={value === true} onChange={onChange} />
  }
  if (spec.type === 'enum' || (spec.type === 'integer' && spec.values)) {
    const unit = spec.type === 'integer' && spec.unit ? ` ${spec.unit}` : ''
    const values: readonly (string | number)[] = spec.values ?? []
    return (
      <div className="flex flex-col gap-1">
        <FieldRadioGroup
          label={label}
          options={values.map((v) => ({ value: v, label: `${v}${unit}` }))}
          value={value as string | number | undefined}
          onChange={onChange}
          invalid={!!error}
          describedBy={error ? errorId(name) : undefined}
        />
        <FieldError id={errorId(name)} message={error} />
      </div>
    )
  }
  if (spec.type === 'integer') {
    return spec.max - spec.min <= SLIDER_MAX_SPAN ? (
      <RangeField {...props} spec={spec} />
    ) : (
      <NumberField {...props} spec={spec} />
    )
  }
  return <TextField {...props} text={typeof value === 'string' ? value : ''} maxLength={spec.maxLength} />
}

/**
 * A long text (the negative prompt). The composer learns of typing in a transition, so the box keeps its own
 * text for the keystroke's frame and takes the form's value whenever the form changes it (a reset, a remix, Undo).
 */
function TextField({
  name,
  text: formText,
  maxLength,
  onChange,
  onBlur,
  error,
}: SpecFieldProps & { text: string; maxLength: number | undefined }) {
  const [text, setText] = useState(formText)
  const [seen, setSeen] = useState(formText)
  if (formText !== seen) {
    setSeen(formText)
    setText(formText)
  }
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={fieldId(name)} className={labelClass}>
        {FIELD_LABELS[name]}
      </label>
      <textarea
        id={fieldId(name)}
        rows={2}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          onChange(event.target.value)
        }}
        onBlur={onBlur}
        aria-invalid={!!error || undefined}
        aria-describedby={`${fieldId(name)}-count${error ? ` ${errorId(name)}` : ''}`}
        className={inputClass}
      />
      <span id={`${fieldId(name)}-count`} className="text-right text-xs text-ink-400">
        {text.length} / {maxLength}
      </span>
      <FieldError id={errorId(name)} message={error} />
    </div>
  )
}
