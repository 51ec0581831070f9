import type { ComposerNotice } from './use-model-switch'

interface SwitchNoticeProps {
  notice: ComposerNotice
  onUndo: (undo: NonNullable<ComposerNotice['undo']>) => void
}

/** What the last model or mode switch did, politely announced, with Undo for a model switch. */
export function SwitchNotice({ notice, onUndo }: SwitchNoticeProps) {
  const { undo } = notice
  return (
    <div className="flex items-start gap-3 has-[>p:empty]:hidden">
      <p role="status" className="flex-1 text-xs text-accent-300 empty:hidden">
        {notice.text}
      </p>
      {undo && (
        <button
          type="button"
          onClick={() => onUndo(undo)}
          title={`Back to ${undo.modelName} with every value as it was`}
          className="rounded-md border border-ink-600 px-2 py-0.5 text-xs font-medium text-ink-200 hover:border-accent-400 focus-visible:outline-2 focus-visible:outline-accent-400"
        >
          Undo
        </button>
      )}
    </div>
  )
}
