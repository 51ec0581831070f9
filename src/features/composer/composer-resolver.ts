import type { FieldErrors as FormErrors, Resolver, ResolverResult } from 'react-hook-form'
import type { Catalog } from '@/catalog/catalog-schema'
import type { SchemaOptions } from '@/catalog/request-schema'
import { findModel, type ComposerValues } from './form-values'
import { loadValidator } from './composer-validation'

/**
 * react-hook-form's resolver over the catalog's request schema: the form is valid exactly when the wire
 * input it stands for would pass the BFF. Each zod issue lands on the form field its path names.
 */
export function composerResolver(catalog: Catalog, options: SchemaOptions): Resolver<ComposerValues> {
  return async (values): Promise<ResolverResult<ComposerValues>> => {
    const model = findModel(catalog.models, values.model)
    if (!model) {
      return { values: {}, errors: { model: { type: 'catalog', message: `Unknown model ${values.model}` } } }
    }
    const result = (await loadValidator()).validateComposer(model, values, options)
    if (result.ok) return { values, errors: {} }
    const errors: Record<string, { type: string; message: string }> = {}
    for (const [field, message] of Object.entries(result.errors)) errors[field] = { type: 'catalog', message }
    return { values: {}, errors: errors as FormErrors<ComposerValues> }
  }
}
