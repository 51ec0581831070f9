import { Fragment, type MouseEvent } from 'react'
import type { Fact } from './card-facts'
import { Icon, type IconName } from './gallery-icons'

export const iconButtonClass =
  'flex h-7 w-7 items-center justify-center rounded-md text-ink-200 hover:bg-ink-700 hover:text-ink-100 focus-visible:outline-2 focus-visible:outline-accent-400'
export const cornerClass =
  'flex h-7 w-7 items-center justify-center rounded-md bg-ink-950/70 text-sm hover:bg-ink-950 focus-visible:outline-2 focus-visible:outline-accent-400'

/** An icon button: its name is read out and shown on hover; `warning` marks it as the thing to do, and why. */
export function IconButton(props: {
  label: string
  icon: IconName
  onClick: (event: MouseEvent) => void
  expanded?: boolean
  warning?: string
  /** Not yet possible, and why (shown on hover). */
  disabledWhy?: string
}) {
  return (
    <button
      type="button"
      aria-label={props.label}
      aria-description={props.warning}
      title={props.disabledWhy ?? props.warning ?? props.label}
      disabled={props.disabledWhy !== undefined}
      aria-expanded={props.expanded}
      onClick={props.onClick}
      className={`${iconButtonClass} disabled:cursor-not-allowed disabled:text-ink-600 disabled:hover:bg-transparent ${props.warning ? 'bg-amber-950/80 text-amber-200' : ''}`}
    >
      <Icon name={props.icon} />
    </button>
  )
}

/** A quiet count of a take's open comments, which opens the take to read them. */
export function OpenCommentsBadge({ count, onOpen }: { count: number; onOpen: () => void }) {
  const label = `${count} open comment${count === 1 ? '' : 's'}`
  return (
    <button
      type="button"
      aria-label={label}
      title={`${label}: open the take to read them`}
      onClick={onOpen}
      className="flex h-6 items-center gap-1 rounded-full px-1.5 text-[11px] text-ink-400 tabular-nums hover:bg-ink-700 hover:text-ink-200 focus-visible:outline-2 focus-visible:outline-accent-400"
    >
      <Icon name="comment" size={13} />
      {count}
    </button>
  )
}

/** Short facts on one line, separated by dots; each says more on hover. */
export function FactLine({ facts, className = 'text-ink-400' }: { facts: (Fact | undefined)[]; className?: string }) {
  const shown = facts.filter((f): f is Fact => f !== undefined)
  return (
    <p className={`truncate text-xs leading-4 ${className}`}>
      {shown.map((fact, i) => (
        <Fragment key={fact.text}>
          {i > 0 && ' · '}
          <span title={fact.title}>{fact.text}</span>
        </Fragment>
      ))}
    </p>
  )
}

/** The settings that shape a take, as small chips on one line: those that do not fit wrap out of sight. */
export function SpecChips({ specs }: { specs: string[] }) {
  return (
    <div className="flex h-5 flex-wrap items-center gap-1 overflow-hidden text-[11px] leading-4 whitespace-nowrap">
      {specs.map((spec, i) => (
        <span
          key={`${i}-${spec}`}
          className={`max-w-full truncate rounded-full bg-ink-800 px-1.5 py-0.5 ${i === 0 ? 'text-ink-200' : 'text-ink-400'}`}
        >
          {spec}
        </span>
      ))}
    </div>
  )
}
