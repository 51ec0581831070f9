import { useQuery } from '@tanstack/react-query'
import { byRating } from '@/features/renders/rating-order'
import { isUnfinished, videoUrlOf, type RenderRecord } from '@/features/renders/render-record'
import { creditsText, timeAgo, type Fact } from './card-facts'
import { FactLine, IconButton, SpecChips } from './card-parts'
import { Icon } from './gallery-icons'
import { tileStyle, type ItemActions, type TilePlacement } from './gallery-item'
import { lineageTotalQuery } from '@/features/renders/lineage-total-query'
import type { Tile } from './gallery-tiles'
import { ItemMedia } from './item-media'
import { useNow } from './use-now'

/** The stacked edges drawn above a group's card. */
export const STACK_EDGE_PX = 8

type GroupTile = Extract<Tile, { kind: 'group' }>

interface GroupCardProps {
  tile: GroupTile
  placement: TilePlacement
  modelName: (id: string) => string
  previewId: string | undefined
  actions: Pick<ItemActions, 'hover' | 'lineage'>
  onToggle: (key: string) => void
}

/** The take a stack shows on top: its best-rated newest with something to see, else its newest. */
export function coverOf(members: readonly RenderRecord[]): RenderRecord {
  return byRating(members).find((r) => videoUrlOf(r)) ?? members[0]!
}

/** The stack's credits: Cannon's bills of the takes shown here, summed, and how many are still unbilled. */
export function groupCredits(members: readonly RenderRecord[]): Fact {
  const billed = members.filter((r) => typeof r.billableCredits === 'number')
  const sum = billed.reduce((total, r) => total + r.billableCredits!, 0)
  const unbilled = members.length - billed.length
  return {
    text: billed.length ? `${creditsText(sum)} in all` : '— credits',
    title:
      `The sum of Cannon's bills for the ${members.length} takes shown here` +
      (unbilled ? `; ${unbilled} not billed yet` : ''),
  }
}

function LineageFact({ rootId }: { rootId: string }) {
  const lineage = useQuery(lineageTotalQuery(rootId))
  if (!lineage.data) return <FactLine facts={[{ text: 'Lineage total…' }]} />
  const { credits, renders, unfinished } = lineage.data
  return (
    <FactLine
      facts={[
        {
          text: `lineage ${creditsText(credits)} · ${renders} renders`,
          title:
            'The first render and everything made from it (remixes and continuations too), as the ledger sums it' +
            (unfinished ? `; ${unfinished} still rendering` : ''),
        },
      ]}
    />
  )
}

/** Re-runs and variations of one render (or a shoot-out) as one stacked card that opens to show its takes. */
export function GroupCard({ tile, placement, modelName, previewId, actions, onToggle }: GroupCardProps) {
  const { members, open } = tile
  const now = useNow(false)
  const cover = coverOf(members)
  const first = members.at(-1)!
  const rendering = members.filter(isUnfinished).length
  const models = [...new Set(members.map((r) => modelName(r.input.model)))]
  const label = `${open ? 'Close' : 'Open'} group`
  return (
    <li
      data-index={placement.index}
      aria-posinset={placement.index + 1}
      aria-setsize={placement.setSize}
      aria-label={`Group of ${members.length} takes: ${first.input.prompt}`}
      tabIndex={placement.focusable ? 0 : -1}
      style={tileStyle(placement)}
      onKeyDown={(event) => placement.onKeyDown(event, placement.index)}
      onFocus={(event) => event.target === event.currentTarget && placement.onFocus(placement.index)}
      onMouseEnter={() => actions.hover(cover, true)}
      onMouseLeave={() => actions.hover(cover, false)}
      className="flex flex-col rounded-xl focus-visible:outline-2 focus-visible:outline-accent-400"
    >
      <div className="relative shrink-0" style={{ height: STACK_EDGE_PX }} aria-hidden="true">
        <div className="absolute inset-x-4 top-0 h-1 rounded-t-md bg-ink-700" />
        <div className="absolute inset-x-2 top-1 h-1 rounded-t-md bg-ink-600" />
      </div>
      <div
        className={`flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border bg-ink-900 ${open ? 'border-accent-500/60' : 'border-ink-600'}`}
      >
        <div className="relative shrink-0" style={{ height: placement.mediaHeight }}>
          {/* A pointer's shortcut to the button below, which keyboards and screen readers use. */}
          <div className="h-full w-full cursor-pointer" onClick={() => onToggle(tile.key)}>
            <ItemMedia record={cover} previewing={previewId === cover.localId} />
          </div>
          <span className="pointer-events-none absolute top-1.5 left-1.5 flex items-center gap-1 rounded-full bg-ink-950/80 px-2 py-0.5 text-xs font-medium text-ink-100">
            <Icon name="stack" size={12} />
            {`${members.length} takes`}
          </span>
          {rendering > 0 && (
            <p className="absolute inset-x-0 bottom-0 bg-ink-950/85 px-2 py-1 text-xs text-ink-200">
              {`${rendering} still rendering`}
            </p>
          )}
        </div>
        <div className="flex min-h-0 flex-col gap-1 p-2.5" style={{ height: placement.size.infoHeight }}>
          <p
            className={`text-sm leading-5 text-ink-200 ${placement.size.promptLines === 1 ? 'truncate' : 'line-clamp-2 h-10'}`}
            title={first.input.prompt}
          >
            {first.input.prompt}
          </p>
          <SpecChips specs={models} />
          {open && tile.rootId ? (
            <LineageFact rootId={tile.rootId} />
          ) : (
            <FactLine
              facts={[
                { text: tile.rootId ? 'Re-runs and variations' : 'Shoot-out' },
                {
                  text: `newest ${timeAgo(members[0]!.createdAtMs, now)}`,
                  title: `Newest take made ${new Date(members[0]!.createdAtMs).toLocaleString()}`,
                },
              ]}
            />
          )}
          <FactLine facts={[groupCredits(members)]} className="text-ink-300" />
          <div className="mt-auto flex items-center justify-between">
            <button
              type="button"
              aria-expanded={open}
              title={open ? 'Hide the takes of this group' : `Show the ${members.length} takes of this group`}
              onClick={() => onToggle(tile.key)}
              className="flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-ink-200 hover:bg-ink-700 focus-visible:outline-2 focus-visible:outline-accent-400"
            >
              {label}
              <span className={open ? 'rotate-180' : ''}>
                <Icon name="chevron" size={12} />
              </span>
            </button>
            <IconButton label="Lineage" icon="lineage" onClick={() => actions.lineage(first)} />
          </div>
        </div>
      </div>
    </li>
  )
}
