import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { readDisplayName, saveDisplayName } from '@/lib/display-name'
import { meQuery } from './who-am-i'

/**
 * Where tokens do not name people (one shared token, or none), a creative gives a display name once: kept in this
 * browser, sent with every create, and shown on their renders as self-declared.
 */
export function DisplayNameForm() {
  const queryClient = useQueryClient()
  const [name, setName] = useState(() => readDisplayName() ?? '')
  const [message, setMessage] = useState('')
  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!saveDisplayName(name)) {
      setMessage("Use 1–40 letters, digits, spaces or . ' _ -, starting with a letter or digit.")
      return
    }
    setMessage('Saved: your renders carry this name (self-declared).')
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey })
    void queryClient.invalidateQueries({ queryKey: ['people'] })
  }
  return (
    <form onSubmit={save} className="flex flex-col gap-1.5">
      <label htmlFor="display-name" className="text-xs font-medium text-ink-400">
        Your name on renders (self-declared)
      </label>
      <div className="flex gap-2">
        <input
          id="display-name"
          value={name}
          maxLength={40}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Ana"
          className="min-w-0 flex-1 rounded-lg border border-ink-600 bg-ink-950 px-3 py-1.5 text-sm text-ink-200"
        />
        <button
          type="submit"
          className="rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:border-ink-400"
        >
          Save name
        </button>
      </div>
      <p role="status" className="text-xs text-ink-400 empty:hidden">
        {message}
      </p>
    </form>
  )
}
