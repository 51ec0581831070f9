import { Suspense } from 'react'
import { useWatch, type Control, type UseFormReturn } from 'react-hook-form'
import type { VideoInput } from '@/catalog/request-schema'
import { FieldError } from '@/components/field-error'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { ENHANCE_BUTTON_CLASS, enhanceInputFor } from './enhance-input'
import { errorId, fieldId } from './field-ids'
import type { ComposerValues } from './form-values'
import { inputClass, labelClass } from './spec-field'

// Loads after first paint; until then a disabled button of the same size stands in.
const EnhancePrompt = lazyWithRetry(() => import('./enhance-prompt'))
const enhancePlaceholder = (
  <button type="button" disabled className={`${ENHANCE_BUTTON_CLASS} self-start`}>
    Enhance prompt
  </button>
)

/** The prompt's length as it is typed: the one part of the form that follows every keystroke at once. */
function PromptCount({ control, max }: { control: Control<ComposerValues>; max: number | undefined }) {
  const prompt = useWatch({ control, name: 'prompt' })
  return (
    <span id={`${fieldId('prompt')}-count`} className="text-xs text-ink-400">
      {prompt.length} / {max}
    </span>
  )
}

interface PromptFieldProps {
  form: UseFormReturn<ComposerValues>
  max: number | undefined
  error: string | undefined
  /** The request as the form builds it now, which Enhance prompt starts from. */
  input: VideoInput
}

/** The prompt: its text box (typed into without rendering the form), its count, its message and Enhance prompt. */
export function PromptField({ form, max, error, input }: PromptFieldProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={fieldId('prompt')} className={labelClass}>
          Prompt
        </label>
        <PromptCount control={form.control} max={max} />
      </div>
      <textarea
        id={fieldId('prompt')}
        rows={5}
        className={inputClass}
        placeholder="A handheld chase through a crowded market at blue hour."
        aria-invalid={!!error || undefined}
        aria-describedby={`${fieldId('prompt')}-count${error ? ` ${errorId('prompt')}` : ''}`}
        {...form.register('prompt')}
      />
      <FieldError id={errorId('prompt')} message={error} />
      <Suspense fallback={enhancePlaceholder}>
        <EnhancePrompt
          input={enhanceInputFor(input)}
          onAccept={(prompt) => form.setValue('prompt', prompt, { shouldDirty: true, shouldTouch: true })}
        />
      </Suspense>
    </div>
  )
}
