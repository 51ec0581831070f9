import { useQuery } from '@tanstack/react-query'
import {
  memo,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import { useForm, type FormState, type Path, type UseFormReturn } from 'react-hook-form'
import type { Catalog, Model, WireField } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import { EstimateLabel } from '@/components/estimate-label'
import { useEstimate } from '@/lib/estimates'
import { reportCreateRefusal, useCreateRefusal } from '@/lib/create-refusals'
import { creditsQuery } from '@/lib/queries'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { FieldRadioGroup } from '@/components/field-radio-group'
import { AdvancedFields, ShotFields } from './composer-fields'
import { composerResolver } from './composer-resolver'
import { loadValidator, useComposerValidation } from './composer-validation'
import { GenerateReasons } from './generate-reasons'
import { defaultValues, findMode, findModel, isEmpty, valuesFromInput, type ComposerValues } from './form-values'
import { ModelPicker } from './model-picker'
import { PromptField } from './prompt-field'
import { placeRefusal } from './refusal-placement'
import { switchMode } from './model-switch'
import { eventTimeMs, isRepeat, type LastSubmit } from './repeat-submit'
import { randomSeed } from './seed-field'
import { SwitchNotice } from './switch-notice'
import { readDraft, useSaveDraft } from './use-composer-draft'
import { useFormValues } from './use-form-values'
import { useModelSignals } from './use-model-signals'
import { useModelSwitch } from './use-model-switch'
import type { FormField } from './validate-composer'

const MediaFields = lazyWithRetry(() => import('./media-fields'))
const RequestPreview = lazyWithRetry(() => import('./request-preview'))
interface ComposerProps {
  catalog: Catalog
  demoMode: boolean
  /** Sends the render; false when the creative called it off (e.g. at the spend question). */
  onSubmit: (input: VideoInput) => Promise<unknown>
  /** A render's input to load into the form (Re-run, Remix, Continue clip); loaded whenever `key` changes. */
  remix?: { input: VideoInput; key: string }
  /** Try on models: opens the shoot-out with what the form holds now. */
  onTryOnModels?: (values: ComposerValues, model: Model) => void
}

export function Composer(props: ComposerProps) {
  const { catalog, demoMode } = props
  const options = useMemo(() => ({ allowDemoMedia: demoMode }), [demoMode])
  const resolver = useMemo(() => composerResolver(catalog, options), [catalog, options])
  const [initial] = useState(() => readDraft(catalog) ?? defaultValues(catalog.models[0]!))
  // Validation shows from `validation` in the form; the resolver runs only when Generate submits, never per key.
  const form = useForm<ComposerValues>({ defaultValues: initial, resolver, reValidateMode: 'onSubmit' })
  // useForm renders the component that calls it again right after it mounts (it marks the form ready from a
  // layout effect: a synchronous render in the task of the first commit, which also runs every waiting effect
  // there). Only this host renders then: `form` is one object for good, and the parts of its state the form
  // shows are the same values, so the form itself does not.
  const { touchedFields, isSubmitted, isSubmitting } = form.formState
  return (
    <ComposerForm
      {...props}
      form={form}
      options={options}
      touchedFields={touchedFields}
      isSubmitted={isSubmitted}
      isSubmitting={isSubmitting}
    />
  )
}

type ComposerFormProps = ComposerProps &
  Pick<FormState<ComposerValues>, 'touchedFields' | 'isSubmitted' | 'isSubmitting'> & {
    form: UseFormReturn<ComposerValues>
    options: { allowDemoMedia: boolean }
  }

const ComposerForm = memo(function ComposerForm({
  catalog,
  demoMode,
  onSubmit,
  remix,
  onTryOnModels,
  form,
  options,
  touchedFields,
  isSubmitted,
  isSubmitting,
}: ComposerFormProps) {
  const typed = useCallback(
    (field: string) => findModel(catalog.models, form.getValues('model'))?.fields[field as WireField]?.type === 'text',
    [catalog, form],
  )
  const { values, settle } = useFormValues(form, typed)
  const model = findModel(catalog.models, values.model) ?? catalog.models[0]!
  const mode = findMode(model, values.mode)
  const { validation, checksReady } = useComposerValidation(model, values, options)
  const switcher = useModelSwitch(form, catalog.models, model)
  const forgetStash = switcher.forget
  const [sentNotice, setSentNotice] = useState('')
  const [submitError, setSubmitError] = useState<string>()
  const sending = useRef(false)
  const pressedWhileSending = useRef(0)
  const lastSubmit = useRef<LastSubmit>(undefined)
  const loadedRemix = useRef<string>(undefined)
  useSaveDraft(values)
  const estimate = useEstimate(model, validation.input)
  const balance = useQuery(creditsQuery).data?.creditsRemaining
  const modelSignals = useModelSignals()
  const refusal = placeRefusal(model, values, useCreateRefusal())

  // A new remix: announce it and set the seed lock while rendering (React's "adjust state on a prop change"),
  // load the values into the form store in an effect.
  const [announcedRemix, setAnnouncedRemix] = useState<string>()
  if (remix && remix.key !== announcedRemix) {
    setAnnouncedRemix(remix.key)
    const target = findModel(catalog.models, remix.input.model)
    switcher.say(
      target
        ? `Loaded the render's settings: ${target.name}, ${findMode(target, valuesFromInput(target, remix.input).mode).label}. Edit, then Generate.`
        : `That render used the model ${remix.input.model}, which this catalog does not have; nothing was loaded.`,
    )
  }
  useEffect(() => {
    if (!remix || remix.key === loadedRemix.current) return
    loadedRemix.current = remix.key
    const target = findModel(catalog.models, remix.input.model)
    if (!target) return
    forgetStash()
    form.reset({ ...valuesFromInput(target, remix.input), seedLocked: remix.input.seed !== undefined })
  }, [remix, catalog, form, forgetStash])

  /**
   * A field's message, once it is worth showing (an empty field is not an error until touched or submitted),
   * else Cannon's refusal of the value it holds.
   */
  const errorOf = (field: FormField) => {
    const message = validation.ok ? undefined : validation.errors[field]
    const value = values[field]
    const touched = field in touchedFields
    if (message && (touched || isSubmitted || !isEmpty(value))) return message
    return refusal?.at === field ? refusal.message : undefined
  }
  const setField = (field: WireField, value: unknown) => {
    switcher.edited(field)
    form.setValue(field as Path<ComposerValues>, value as never, { shouldTouch: true, shouldDirty: true })
  }
  const seedLocked = values.seedLocked === true
  const setSeedLocked = (locked: boolean) => {
    switcher.edited('seedLocked')
    form.setValue('seedLocked', locked, { shouldDirty: true })
  }
  const touch = (field: WireField) =>
    form.setValue(field as Path<ComposerValues>, form.getValues(field) as never, { shouldTouch: true })

  const changeMode = (id: string) => {
    switcher.edited('mode')
    const result = switchMode(form.getValues(), model, id)
    form.reset(result.values, { keepTouched: true, keepIsSubmitted: true })
    switcher.say(result.changes.length > 0 ? `${result.changes.join('; ')}.` : '')
  }

  /** `pressedAtMs`: when the person pressed (the event's own time), so a busy page does not stretch the window. */
  const generate = async (pressedAtMs = Date.now()) => {
    if (sending.current) {
      // A press while the last one is still being sent is part of its burst: it keeps the window open.
      pressedWhileSending.current = Math.max(pressedWhileSending.current, pressedAtMs)
      return
    }
    sending.current = true
    pressedWhileSending.current = 0
    setSubmitError(undefined)
    reportCreateRefusal(undefined)
    try {
      await form.handleSubmit(async (submitted) => {
        const result = (await loadValidator()).validateComposer(model, submitted, options)
        if (!result.ok) return
        const last = lastSubmit.current
        if (last && isRepeat(last, JSON.stringify(result.input), pressedAtMs)) {
          // A burst of repeats stays one render however long it lasts: each repeat restarts the window.
          lastSubmit.current = { ...last, atMs: Math.max(last.atMs, pressedAtMs) }
          return
        }
        if ((await onSubmit(result.input)) === false) return
        setSentNotice(`Sent to ${model.name}: it is in the gallery.`)
        switcher.say('')
        const seed = model.fields.seed
        const nextSeed =
          !seedLocked && seed?.type === 'integer' && submitted.seed !== undefined ? randomSeed(seed) : undefined
        if (nextSeed !== undefined) {
          switcher.edited('seed')
          form.setValue('seed', nextSeed)
        }
        const next = nextSeed === undefined ? result.input : { ...result.input, seed: nextSeed }
        lastSubmit.current = { key: JSON.stringify(next), atMs: Math.max(pressedAtMs, pressedWhileSending.current) }
      })()
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : 'The render could not be sent')
    } finally {
      sending.current = false
    }
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    event.preventDefault()
    void generate(eventTimeMs(event))
  }
  // The second click of a double click (detail 2) is the same intent as the first.
  const onGenerateClick = (event: MouseEvent) => {
    if (event.detail <= 1) void generate(eventTimeMs(event))
  }

  const promptSpec = model.fields.prompt
  const promptMax = promptSpec?.type === 'text' ? promptSpec.maxLength : undefined
  const [previewOpen, setPreviewOpen] = useState(false)

  return (
    <form
      aria-label="Composer"
      className="flex flex-col gap-5 lg:h-full lg:overflow-y-auto lg:pr-3"
      onSubmit={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
      onBlur={settle}
      // A person about to edit or press Generate: the form's checks load now if the idle moment has not come yet.
      onFocus={() => void loadValidator().catch(() => undefined)}
    >
      <ModelPicker models={catalog.models} value={model.id} onChange={switcher.changeModel} {...modelSignals} />
      <SwitchNotice notice={switcher.notice} onUndo={switcher.undo} />

      <PromptField form={form} max={promptMax} error={errorOf('prompt')} input={validation.input} />

      {model.modes.length > 1 && (
        <FieldRadioGroup
          label="Mode"
          options={model.modes.map((m) => ({ value: m.id, label: m.label }))}
          value={mode.id}
          onChange={changeMode}
        />
      )}
      {mode.media.length > 0 && (
        <Suspense fallback={<p className="text-xs text-ink-400">Loading media slots…</p>}>
          <MediaFields {...{ model, values, errorOf, setField, touch, mode, demoMode }} />
        </Suspense>
      )}
      <ShotFields {...{ model, values, errorOf, setField, touch }} />
      <AdvancedFields {...{ model, values, errorOf, setField, touch, seedLocked }} onSeedLockedChange={setSeedLocked} />

      <details onToggle={(event) => setPreviewOpen(event.currentTarget.open)} className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-ink-400">Request preview</summary>
        {previewOpen && (
          <Suspense fallback={<p className="text-xs text-ink-400">Loading…</p>}>
            <RequestPreview input={validation.input} problem={validation.ok ? undefined : validation.firstMessage} />
          </Suspense>
        )}
      </details>

      <div className="sticky bottom-14 z-10 mt-auto flex flex-col gap-2 border-t border-ink-800 bg-ink-950 pt-3 pb-3 lg:bottom-0">
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={onGenerateClick}
            disabled={(checksReady && !validation.ok) || isSubmitting}
            aria-describedby="composer-generate-reason"
            className="flex-1 rounded-lg bg-accent-500 px-4 py-2.5 font-semibold text-ink-950 hover:bg-accent-400 disabled:cursor-not-allowed disabled:opacity-50"
          >
            Generate
          </button>
          <span id="composer-estimate" className="max-w-[55%] text-right">
            <EstimateLabel estimate={estimate} balance={balance} />
          </span>
        </div>
        {onTryOnModels && (
          <button
            type="button"
            onClick={() => onTryOnModels(form.getValues(), model)}
            title="The same input on several models at once, side by side"
            className="self-start rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800"
          >
            Try on models
          </button>
        )}
        <GenerateReasons reasons={validation.ok ? [] : validation.messages} />
        <p role="status" className="text-xs text-emerald-300 empty:hidden">
          {sentNotice}
        </p>
        {(submitError ?? (refusal?.at === 'generate' && refusal.message)) && (
          <p role="alert" className="text-sm text-red-300">
            {submitError ?? refusal?.message}
          </p>
        )}
      </div>
    </form>
  )
})
