import { useQueryClient } from '@tanstack/react-query'
import type { VideoInput } from '@/catalog/request-schema'
import { maySpend } from '@/features/credits/spend-guard'
import type { RenderRecord } from '@/features/renders/render-record'
import { useSubmitRender } from '@/features/renders/use-submit-render'

/** Where the composer's input came from (a remix, a continuation…): the shoot-out's first render keeps it. */
export type ComposerLineage = Pick<RenderRecord, 'parentId' | 'relation'>

/**
 * Sends a shoot-out: one render per input, each with its own idempotency key, asked about as one spend. The first
 * render is the group: its id is the group id and the parent of the others (relation `shootout`).
 */
export function useShootout() {
  const queryClient = useQueryClient()
  const { submit } = useSubmitRender()
  return async (inputs: VideoInput[], lineage?: ComposerLineage): Promise<RenderRecord[] | undefined> => {
    const [first, ...rest] = inputs
    if (!first || !(await maySpend(queryClient, inputs, `Try on ${inputs.length} models`))) return undefined
    const groupId = crypto.randomUUID()
    const anchor = await submit(first, { ...lineage, localId: groupId, groupId })
    const others = await Promise.all(
      rest.map((input) => submit(input, { parentId: groupId, relation: 'shootout', groupId })),
    )
    return [anchor, ...others]
  }
}
