import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Catalog, Model } from '@/catalog/catalog-schema'
import { Modal } from '@/components/modal'
import type { ComposerValues } from '@/features/composer/form-values'
import { isUnfinished } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { estimateQuery } from '@/lib/estimates'
import { MAX_SHOOTOUT_MODELS, MIN_SHOOTOUT_MODELS, planShootout } from './shootout-plan'
import { ShootoutMapping } from './shootout-row'
import { ShootoutReport } from './shootout-report'
import { useShootout, type ComposerLineage } from './use-shootout'
import { readable } from '@/catalog/wording'

interface TryOnModelsDialogProps {
  catalog: Catalog
  /** The composer's values and model when the dialog opened: what every model is tried with. */
  values: ComposerValues
  from: Model
  demoMode: boolean
  lineage?: ComposerLineage
  /** Opens Compare on the shoot-out's finished takes. */
  onCompare: (localIds: string[]) => void
  onClose: () => void
}

const buttonClass = 'rounded-lg px-3 py-2 text-sm'

/** Try on models: the composer's input on 2–8 models at once, mapped per model, then followed to Compare. */
export default function TryOnModelsDialog(props: TryOnModelsDialogProps) {
  const { catalog, values, from, demoMode, lineage, onCompare, onClose } = props
  const options = useMemo(() => ({ allowDemoMedia: demoMode }), [demoMode])
  const rows = useMemo(() => planShootout(values, from, catalog.models, options), [values, from, catalog, options])
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set([from.id]))
  const picked = rows.filter((row) => chosen.has(row.model.id) && !row.problem)
  const estimates = useQueries({ queries: picked.map((row) => estimateQuery(row.model, row.input)) })
  const known = estimates.every((e) => typeof e.data?.credits === 'number')
  const total = known ? estimates.reduce((sum, e) => sum + e.data!.credits!, 0) : null
  const [sentIds, setSentIds] = useState<string[]>()
  const [sending, setSending] = useState(false)
  const [estimatedTotal, setEstimatedTotal] = useState<number | null>(null)
  const shootout = useShootout()
  const { data: renders = [] } = useQuery(rendersQuery)
  const sent = sentIds?.flatMap((id) => renders.filter((r) => r.localId === id)) ?? []
  const modelName = (id: string) => catalog.models.find((m) => m.id === id)?.name ?? id

  const allFinished = sentIds !== undefined && sent.length === sentIds.length && !sent.some(isUnfinished)
  const finishedTakes = sent.filter((r) => r.status === 'succeeded').map((r) => r.localId)
  const compared = useRef(false)
  useEffect(() => {
    if (!allFinished || finishedTakes.length < MIN_SHOOTOUT_MODELS || compared.current) return
    compared.current = true
    onCompare(finishedTakes)
  }, [allFinished, finishedTakes, onCompare])

  const toggle = (id: string) =>
    setChosen((old) => {
      const next = new Set(old)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const send = async () => {
    setSending(true)
    try {
      const records = await shootout(
        picked.map((row) => row.input),
        lineage,
      )
      if (records) {
        setEstimatedTotal(total)
        setSentIds(records.map((r) => r.localId))
      }
    } finally {
      setSending(false)
    }
  }
  const count = picked.length
  const canSend = count >= MIN_SHOOTOUT_MODELS && count <= MAX_SHOOTOUT_MODELS && !sending

  return (
    <Modal label="Try on models" onClose={onClose}>
      <p className="line-clamp-2 text-sm text-ink-400">{values.prompt}</p>
      {sentIds ? (
        <ShootoutReport records={sent} modelName={modelName} estimated={estimatedTotal} />
      ) : (
        <div className="grid gap-4 md:grid-cols-[220px_1fr]">
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-xs font-medium text-ink-400">{`Models (${MIN_SHOOTOUT_MODELS}–${MAX_SHOOTOUT_MODELS})`}</legend>
            {rows.map((row) => (
              <label key={row.model.id} className="flex items-center gap-2 text-sm text-ink-200">
                <input
                  type="checkbox"
                  checked={chosen.has(row.model.id) && !row.problem}
                  disabled={!!row.problem || (!chosen.has(row.model.id) && count >= MAX_SHOOTOUT_MODELS)}
                  onChange={() => toggle(row.model.id)}
                  aria-describedby={row.problem ? `shootout-problem-${row.model.id}` : undefined}
                  className="accent-accent-500"
                />
                {row.model.name}
                {row.problem && (
                  <span id={`shootout-problem-${row.model.id}`} className="sr-only">{`: ${row.problem}`}</span>
                )}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-2">
            <ul aria-label="Per model" className="flex flex-col gap-1.5">
              {rows
                .filter((row) => chosen.has(row.model.id) || row.problem)
                .map((row) => (
                  <ShootoutMapping key={row.model.id} row={row} estimate={estimates[picked.indexOf(row)]?.data} />
                ))}
            </ul>
          </div>
        </div>
      )}
      {!sentIds && (
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p className="mr-auto text-sm text-ink-200" aria-live="polite">
            {count < MIN_SHOOTOUT_MODELS
              ? `Choose at least ${MIN_SHOOTOUT_MODELS} models`
              : estimates.some((e) => e.isPending)
                ? `${count} models · estimating…`
                : total === null
                  ? `${count} models · total unknown: not every model has an estimate`
                  : `${count} models · total ≈ ${readable(total)} credits`}
          </p>
          <button type="button" onClick={onClose} className={`${buttonClass} text-ink-400 hover:text-ink-200`}>
            Cancel
          </button>
          <button
            type="button"
            disabled={!canSend}
            onClick={() => void send()}
            className={`${buttonClass} bg-accent-500 font-semibold text-ink-950 hover:bg-accent-400 disabled:opacity-50`}
          >
            {`Send to ${count} models`}
          </button>
        </div>
      )}
    </Modal>
  )
}
