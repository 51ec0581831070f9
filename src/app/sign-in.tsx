import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { networkError } from '@/lib/api-error'

/** POST /api/session: the server answers with an HttpOnly cookie, so the token never sits in page storage. */
async function signIn(token: string): Promise<void> {
  let response: Response
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
    })
  } catch {
    throw networkError()
  }
  if (response.ok) return
  const body: unknown = await response.json().catch(() => undefined)
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message
  throw new Error(typeof message === 'string' ? message : `Sign-in failed (HTTP ${response.status})`)
}

/** Shown instead of the studio while the BFF answers 401: the studio is gated by STUDIO_ACCESS_TOKEN. */
export function SignIn() {
  const queryClient = useQueryClient()
  const [token, setToken] = useState('')
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: () => queryClient.invalidateQueries(),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    mutation.mutate(token)
  }

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <form onSubmit={submit} className="flex w-full max-w-sm flex-col gap-4 rounded-lg border border-ink-800 p-6">
        <h1 className="text-lg font-semibold text-ink-200">Cannon Studio</h1>
        <p className="text-sm text-ink-400">This studio is private. Enter the access token your team shared.</p>
        <label className="flex flex-col gap-1 text-sm">
          Access token
          <input
            type="password"
            autoComplete="current-password"
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
            className="rounded border border-ink-700 bg-ink-900 px-3 py-2 text-ink-200"
          />
        </label>
        {mutation.isError && (
          <p role="alert" className="text-sm text-red-300">
            {mutation.error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={mutation.isPending}
          className="rounded-lg bg-accent-500 px-4 py-2 font-semibold text-ink-950 hover:bg-accent-400 disabled:opacity-60"
        >
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
