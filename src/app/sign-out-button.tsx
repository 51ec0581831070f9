import { useMutation, useQueryClient } from '@tanstack/react-query'
import { lazyBffClient } from '@/lib/lazy-bff-client'
import { catalogQuery } from '@/lib/queries'

/** Ends this browser's session on the server; the studio then shows the sign-in screen. */
export function SignOutButton() {
  const queryClient = useQueryClient()
  const signOut = useMutation({
    mutationFn: lazyBffClient.signOut,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogQuery.queryKey }),
  })
  return (
    <button
      type="button"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
      className="rounded border border-ink-700 px-3 py-1 text-ink-300 hover:border-ink-500 hover:text-ink-200 disabled:opacity-60"
    >
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
