import type { RenderRecord } from '@/features/renders/render-record'

export interface FieldDifference {
  field: string
  /** One value per render, in the order given; undefined where a render does not set the field. */
  values: unknown[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The input fields whose values are not the same in every render, model first, then in field order. */
export function inputDifferences(records: Pick<RenderRecord, 'input'>[]): FieldDifference[] {
  const fields = [...new Set(records.flatMap((r) => Object.keys(r.input)))]
  fields.sort((a, b) => (a === 'model' ? -1 : b === 'model' ? 1 : 0))
  return fields
    .map((field) => ({ field, values: records.map((r) => r.input[field]) }))
    .filter(({ values }) => values.some((v) => !same(v, values[0])))
}
