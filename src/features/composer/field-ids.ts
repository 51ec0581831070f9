import type { FormField } from './validate-composer'

export const fieldId = (field: FormField) => `composer-${field}`
export const errorId = (field: FormField) => `composer-${field}-error`
