import type { Me } from '@/catalog/credits-contract'
import { ConfirmThresholdField } from './confirm-threshold-field'
import { DisplayNameForm } from './display-name-form'
import { readable } from '@/catalog/wording'

interface CreditsPanelProps {
  id: string
  balance: number | undefined
  me: Me | undefined
  onOpenSpend: () => void
}

/** What the header's credits button opens: the balance, this browser's spend guard, who it is, the Spend view. */
export default function CreditsPanel({ id, balance, me, onOpenSpend }: CreditsPanelProps) {
  return (
    <div
      id={id}
      role="region"
      aria-label="Credits and you"
      className="absolute right-0 z-40 mt-2 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-4 rounded-xl border border-ink-600 bg-ink-900 p-4 shadow-xl"
    >
      <p className="text-sm text-ink-200">
        {balance === undefined ? 'Balance not known yet.' : `Balance: ${readable(balance)} credits.`}
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
        onClick={onOpenSpend}
        className="rounded-lg border border-ink-600 px-3 py-2 text-sm text-ink-200 hover:border-ink-400"
      >
        Spend by day, model and person
      </button>
    </div>
  )
}
