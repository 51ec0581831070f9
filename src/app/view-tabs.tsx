export type StudioView = 'compose' | 'gallery'

/** Where the composer and the gallery stand side by side (Tailwind's `lg`); below it, one at a time. */
export const WIDE = '(min-width: 1024px)'

interface ViewTabsProps {
  view: StudioView
  onChange: (view: StudioView) => void
}

const TABS: { view: StudioView; label: string }[] = [
  { view: 'compose', label: 'Compose' },
  { view: 'gallery', label: 'Gallery' },
]

/** On a phone: the bottom bar that switches between composing and the gallery, one tap each way. */
export function ViewTabs({ view, onChange }: ViewTabsProps) {
  return (
    <nav
      aria-label="Studio views"
      className="fixed inset-x-0 bottom-0 z-20 grid h-14 grid-cols-2 border-t border-ink-800 bg-ink-950 lg:hidden"
    >
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          aria-pressed={view === tab.view}
          onClick={() => {
            onChange(tab.view)
            window.scrollTo({ top: 0 })
          }}
          className={`text-sm font-medium ${view === tab.view ? 'text-accent-300' : 'text-ink-400 hover:text-ink-200'}`}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  )
}
