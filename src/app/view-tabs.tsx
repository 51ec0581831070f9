export type StudioView = 'compose' | 'gallery' | 'models'

/** Where the composer and the gallery stand side by side (Tailwind's `lg`); below it, one at a time. */
export const WIDE = '(min-width: 1024px)'

interface ViewTabsProps {
  view: StudioView
  onChange: (view: StudioView) => void
}

const TABS: { view: StudioView; label: string }[] = [
  { view: 'compose', label: 'Compose' },
  { view: 'gallery', label: 'Gallery' },
  { view: 'models', label: 'Models' },
]

/** On a phone: the bottom bar that switches between composing, the gallery and the models, one tap each. */
export function ViewTabs({ view, onChange }: ViewTabsProps) {
  return (
    <nav
      aria-label="Studio views"
      className="fixed inset-x-0 bottom-0 z-20 grid h-14 grid-cols-3 border-t border-ink-800 bg-ink-950 lg:hidden"
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

/** Where the composer stays beside them: the gallery or the models' scorecard in the wide column. */
export function WideViewSwitch({ view, onChange }: ViewTabsProps) {
  return (
    <div role="group" aria-label="Show" className="hidden gap-1 self-start rounded-lg bg-ink-900 p-1 lg:flex">
      {TABS.slice(1).map((tab) => {
        const shown = tab.view === 'models' ? view === 'models' : view !== 'models'
        return (
          <button
            key={tab.view}
            type="button"
            aria-pressed={shown}
            onClick={() => onChange(tab.view)}
            className={`rounded-md px-3 py-1 text-sm ${shown ? 'bg-ink-800 text-accent-300' : 'text-ink-400 hover:text-ink-200'}`}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}
