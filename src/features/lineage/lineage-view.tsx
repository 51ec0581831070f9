import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import { Modal } from '@/components/modal'
import { fromLedger } from '@/features/renders/ledger-record'
import type { RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { useRenderActions } from '@/features/renders/use-render-actions'
import { useLineage } from './lineage-query'
import { LineageRow, totalText } from './lineage-row'
import { buildLineage, familyRecords, pathTo, visibleNodes, type LineageNode } from './lineage-tree'

interface LineageViewProps {
  /** The render it was opened from: its family is shown, with it marked. */
  localId: string
  catalog: Catalog
  onClose: () => void
  onOpen: (record: RenderRecord) => void
  onCompare: (localIds: string[]) => void
}

/** A family this small opens fully; a larger one opens along the path to the render it was opened from. */
const OPEN_ALL_UP_TO = 200
const ROWS_PER_STEP = 300
const MAX_COMPARED = 4

function openAtFirst(root: LineageNode, localId: string): Set<string> {
  if (root.total.renders > OPEN_ALL_UP_TO) return new Set([root.record.localId, ...pathTo(root, localId)])
  return new Set(visibleNodes(root, { has: () => true }, Infinity).map((n) => n.record.localId))
}

/** Lineage: the tree from the first render to every render made from it, with branch and grand totals. */
export default function LineageView({ localId, catalog, onClose, onOpen, onCompare }: LineageViewProps) {
  const lineage = useLineage(localId)
  const { data: known = [] } = useQuery(rendersQuery)
  const data = lineage.data
  const root = useMemo(() => {
    if (!data) return undefined
    return buildLineage(data.rootId, familyRecords(data.renders.map(fromLedger), known))
  }, [data, known])
  const [chosenOpen, setOpen] = useState<ReadonlySet<string>>()
  const [rowLimit, setRowLimit] = useState(ROWS_PER_STEP)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const actions = useRenderActions()
  const modelName = (id: string) => catalog.models.find((m) => m.id === id)?.name ?? id

  if (!root) {
    return (
      <Modal label="Lineage" onClose={onClose}>
        {lineage.isError ? (
          <p
            role="alert"
            className="text-sm text-red-300"
          >{`The lineage could not be loaded: ${lineage.error.message}`}</p>
        ) : (
          <p className="text-sm text-ink-400">Loading the lineage…</p>
        )}
      </Modal>
    )
  }
  const open = chosenOpen ?? openAtFirst(root, localId)
  const rows = visibleNodes(root, open, rowLimit)
  const toggle = (id: string, set: ReadonlySet<string>) => {
    const next = new Set(set)
    if (!next.delete(id)) next.add(id)
    return next
  }

  return (
    <Modal label="Lineage" onClose={onClose}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm text-ink-200">
          {`In all: ${totalText(root.total)}`}
        </p>
        <button
          type="button"
          disabled={selected.size < 2}
          onClick={() => onCompare([...selected])}
          className="rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40"
        >
          {`Compare selected (${selected.size})`}
        </button>
      </div>
      {data?.truncated && (
        <p className="text-sm text-amber-300">
          This family is larger than the studio lists at once: the oldest renders are shown, and the totals are theirs.
        </p>
      )}
      <ul aria-label="Lineage tree" className="flex flex-col">
        {rows.map((node) => {
          const id = node.record.localId
          return (
            <LineageRow
              key={id}
              node={node}
              modelName={modelName(node.record.input.model)}
              current={id === localId}
              open={node.children.length > 0 ? open.has(id) : undefined}
              selected={selected.has(id)}
              canSelectMore={selected.size < MAX_COMPARED}
              onToggle={() => setOpen(toggle(id, open))}
              onOpen={() => onOpen(node.record)}
              onRerun={() => void actions.rerun(node.record)}
              onSelect={() => setSelected(toggle(id, selected))}
            />
          )
        })}
      </ul>
      {rows.length === rowLimit && (
        <button
          type="button"
          onClick={() => setRowLimit((n) => n + ROWS_PER_STEP)}
          className="self-start rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800"
        >
          Show more
        </button>
      )}
    </Modal>
  )
}
