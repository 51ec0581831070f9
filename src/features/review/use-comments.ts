import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Comment, NewComment } from '@/catalog/review-contract'
import { updateRender } from '@/features/renders/renders-cache'
import { reviewClient } from '@/lib/review-client'

const commentsKey = (renderId: string) => ['comments', renderId]

/**
 * A take's comments (read again every 15 s and on focus, so a teammate's comment shows up), and the changes
 * to them; each change also sets the take's count of open comments, which its gallery card shows.
 */
export function useComments(renderId: string) {
  const queryClient = useQueryClient()
  const comments = useQuery({
    queryKey: commentsKey(renderId),
    queryFn: ({ signal }) => reviewClient.comments(renderId, signal),
    refetchInterval: 15_000,
  })
  const settle = (change: (list: Comment[]) => Comment[]) => {
    const list = change(queryClient.getQueryData<Comment[]>(commentsKey(renderId)) ?? [])
    queryClient.setQueryData(commentsKey(renderId), list)
    const open = list.filter((c) => !c.resolved).length
    void updateRender(queryClient, renderId, (record) => ({ ...record, openComments: open || undefined }))
  }
  const add = useMutation({
    mutationFn: (comment: NewComment) => reviewClient.addComment(renderId, comment),
    onSuccess: (comment) =>
      settle((list) => [...list, comment].sort((a, b) => a.atMs - b.atMs || a.createdAtMs - b.createdAtMs)),
  })
  const resolve = useMutation({
    mutationFn: ({ id, resolved }: { id: string; resolved: boolean }) => reviewClient.setResolved(id, resolved),
    onSuccess: (comment) => settle((list) => list.map((c) => (c.id === comment.id ? comment : c))),
  })
  return { comments, add, resolve }
}
