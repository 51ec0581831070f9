import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { EnhanceInput } from '@/catalog/request-schema'
import { enhanceRequestQuery, startEnhance } from '@/lib/enhance-requests'
import { ENHANCE_BUTTON_CLASS } from './enhance-input'

interface EnhancePromptProps {
  /** The enhance input for the current form, or the reason there is none yet. */
  input: EnhanceInput | { reason: string }
  onAccept: (prompt: string) => void
}

const buttonClass = ENHANCE_BUTTON_CLASS

/** Enhance prompt: prompt.enhance.video through the BFF, followed to the end, then Accept or Discard. */
export default function EnhancePrompt({ input, onAccept }: EnhancePromptProps) {
  const queryClient = useQueryClient()
  const [requestId, setRequestId] = useState<string>()
  const start = useMutation({ mutationFn: startEnhance, onSuccess: setRequestId })
  const request = useQuery({ ...enhanceRequestQuery(requestId ?? ''), enabled: requestId !== undefined })
  const status = request.data?.status
  const enhanced = status === 'succeeded' ? request.data?.output?.enhancedPrompt : undefined
  const busy = start.isPending || (requestId !== undefined && status !== 'succeeded' && status !== 'failed')

  useEffect(() => {
    if (status === 'succeeded' || status === 'failed') void queryClient.invalidateQueries({ queryKey: ['credits'] })
  }, [status, queryClient])

  const close = () => {
    setRequestId(undefined)
    start.reset()
  }
  const failure =
    start.error?.message ??
    request.error?.message ??
    (status === 'failed' ? (request.data?.errorMessage ?? 'Cannon could not enhance the prompt') : undefined) ??
    (status === 'succeeded' && !enhanced ? 'Cannon answered without an enhanced prompt' : undefined)

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={'reason' in input || busy}
          onClick={() => {
            if ('reason' in input) return
            setRequestId(undefined)
            start.mutate(input)
          }}
        >
          {busy ? 'Enhancing…' : 'Enhance prompt'}
        </button>
        <span className="text-xs text-ink-400">{'reason' in input ? input.reason : busy ? '1 credit' : ''}</span>
      </div>
      {failure && (
        <p role="alert" className="text-xs text-red-300">
          Enhance failed: {failure}
        </p>
      )}
      {enhanced && (
        <section
          aria-label="Enhanced prompt"
          className="flex flex-col gap-2 rounded-lg border border-accent-400/60 p-3"
        >
          <p className="text-sm text-ink-200">{enhanced}</p>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                onAccept(enhanced)
                close()
              }}
            >
              Accept
            </button>
            <button type="button" className={buttonClass} onClick={close}>
              Discard
            </button>
          </div>
        </section>
      )}
    </div>
  )
}
