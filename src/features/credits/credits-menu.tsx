import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { readDisplayName } from '@/lib/display-name'
import { creditsQuery } from '@/lib/queries'
import { ConfirmThresholdField } from './confirm-threshold-field'
import { DisplayNameForm } from './display-name-form'
import { meQuery } from './who-am-i'

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
          {balance === undefined ? 'Credits' : `${balance.toLocaleString()}`}
          <span className="hidden sm:inline">{balance === undefined ? '' : ' credits'}</span>
        </span>
        {name && <span className="hidden max-w-32 truncate text-ink-400 md:inline">· {name}</span>}
        {nameMissing && <span aria-label="(add your name)" className="size-2 rounded-full bg-accent-400" />}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Credits and you"
          className="absolute right-0 z-40 mt-2 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-4 rounded-xl border border-ink-600 bg-ink-900 p-4 shadow-xl"
        >
          <p className="text-sm text-ink-200">
            {balance === undefined ? 'Balance not known yet.' : `Balance: ${balance.toLocaleString()} credits.`}
          </p>
          <ConfirmThresholdField />
          {me?.signIn === 'named' ? (
            <p className="text-sm text-ink-200">
              Signed in as <strong>{me.author}</strong> with your own token: your renders carry your name.
            </p>
          ) : (
            <DisplayNameForm />
          )}
          <button
            type="button"
            onClick={() => {
              setOpen(false)
              onOpenSpend()
            }}
            className="rounded-lg border border-ink-600 px-3 py-2 text-sm text-ink-200 hover:border-ink-400"
          >
            Spend by day, model and person
          </button>
        </div>
      )}
    </div>
  )
}
