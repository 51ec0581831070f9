import { useEffect, useRef } from 'react'
import { CancelButton } from '@/components/cancel-button'
import { answerSpendQuestion, type SpendQuestion } from './spend-question'
import { readable } from '@/catalog/wording'

/** Asks before an action estimated over the browser's threshold spends; Escape or Cancel sends nothing. */
export default function SpendConfirmDialog({ question }: { question: SpendQuestion }) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
    confirm.current?.focus()
    return () => returnTo?.focus()
  }, [question])
  const credits = readable(question.credits)
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60 p-4">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="spend-confirm-title"
        aria-describedby="spend-confirm-body"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.stopPropagation()
          answerSpendQuestion(false)
        }}
        className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-ink-600 bg-ink-900 p-5"
      >
        <h2 id="spend-confirm-title" className="text-base font-semibold text-ink-200">
          Spend about {credits} credits?
        </h2>
        <p id="spend-confirm-body" className="text-sm text-ink-200">
          {question.what} is estimated at about {credits} credits. This browser asks before anything over{' '}
          {readable(question.threshold)} credits (change it under Credits in the header).
        </p>
        <div className="flex justify-end gap-2">
          <CancelButton onClick={() => answerSpendQuestion(false)} />
          <button
            ref={confirm}
            type="button"
            onClick={() => answerSpendQuestion(true)}
            className="rounded-lg bg-accent-500 px-3 py-2 text-sm font-semibold text-ink-950 hover:bg-accent-400"
          >
            Spend ≈ {credits} credits
          </button>
        </div>
      </div>
    </div>
  )
}
