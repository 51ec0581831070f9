import { useQuery } from '@tanstack/react-query'
import { Suspense, useEffect, useId, useRef, useState } from 'react'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { readDisplayName } from '@/lib/display-name'
import { creditsQuery } from '@/lib/queries'
import { meQuery } from './who-am-i'
import { readable } from '@/catalog/wording'

// The panel's forms load when it first opens: they are not needed for the studio's first paint.
const CreditsPanel = lazyWithRetry(() => import('./credits-panel'))

interface CreditsMenuProps {
  onOpenSpend: () => void
}

/** The header's credits: the balance, and on click this browser's spend guard, who it is, and the Spend view. */
export function CreditsMenu({ onOpenSpend }: CreditsMenuProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const balance = useQuery(creditsQuery).data?.creditsRemaining
  const me = useQuery(meQuery).data
  const name = me?.signIn === 'named' ? me.author : (me?.author ?? readDisplayName())
  const nameMissing = me !== undefined && me.signIn !== 'named' && !name

  useEffect(() => {
    if (!open) return
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', close)
    return () => document.removeEventListener('pointerdown', close)
  }, [open])

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
          root.current?.querySelector('button')?.focus()
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-full border border-ink-700 px-3 py-1 whitespace-nowrap text-ink-200 hover:border-ink-400"
      >
        <span>
          {balance === undefined ? 'Credits' : readable(balance)}
          {balance !== undefined && <span className="sr-only sm:not-sr-only"> credits</span>}
        </span>
        {name && <span className="hidden max-w-32 truncate text-ink-400 md:inline">· {name}</span>}
        {nameMissing && <span aria-label="(add your name)" className="size-2 rounded-full bg-accent-400" />}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CreditsPanel
            id={panelId}
            balance={balance}
            me={me}
            onOpenSpend={() => {
              setOpen(false)
              onOpenSpend()
            }}
          />
        </Suspense>
      )}
    </div>
  )
}
