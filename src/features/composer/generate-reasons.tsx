interface GenerateReasonsProps {
  /** Every reason Generate is blocked; none when it is ready. */
  reasons: readonly string[]
}

/** Under Generate: every blocking reason as a plain instruction, or the shortcut when it is ready. */
export function GenerateReasons({ reasons }: GenerateReasonsProps) {
  return (
    <div id="composer-generate-reason" className="text-xs text-ink-400">
      {reasons.length === 0 ? (
        <p>Ctrl+Enter (⌘+Enter) also generates.</p>
      ) : (
        <ul className="flex list-disc flex-col gap-0.5 pl-4 text-amber-200/90">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
