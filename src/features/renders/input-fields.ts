import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'

/** The label a person reads for an input field, as the composer shows it. */
export function fieldLabel(name: string): string {
  return name === 'model' ? 'Model' : (FIELD_LABELS[name as WireField] ?? name)
}

/** An input value as text, with the field's unit where the catalog gives one ("5 s"). */
export function formatInputValue(value: unknown, model?: Model, name?: string): string {
  if (value === undefined) return '—'
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  const spec = name ? model?.fields[name as WireField] : undefined
  if (spec?.type === 'integer' && spec.unit && typeof value === 'number') return `${value} ${spec.unit}`
  return String(value)
}
