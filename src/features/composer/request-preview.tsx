import { useState } from 'react'
import type { VideoInput } from '@/catalog/request-schema'
import { curlCommand, requestBody } from './curl'

interface RequestPreviewProps {
  input: VideoInput
  /** Why the request would be refused as it stands, if it would. */
  problem?: string
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; command: string }

/** The exact JSON the studio will send, and the same request as a cURL command for Cannon. */
export default function RequestPreview({ input, problem }: RequestPreviewProps) {
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' })
  const usesDemoFiles = JSON.stringify(input).includes('"/demo/')

  const copyCurl = async () => {
    const command = curlCommand(input, crypto.randomUUID())
    try {
      await navigator.clipboard.writeText(command)
      setCopy({ kind: 'copied' })
    } catch {
      setCopy({ kind: 'manual', command })
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {problem && <p className="text-xs text-amber-300">Not valid yet: {problem}</p>}
      <pre
        aria-label="Request JSON"
        tabIndex={0}
        className="max-h-64 overflow-auto rounded-lg bg-ink-900 p-3 text-xs break-all whitespace-pre-wrap text-ink-200"
      >
        {JSON.stringify(requestBody(input), null, 2)}
      </pre>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => void copyCurl()}
          className="rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:border-accent-400"
        >
          Copy as cURL
        </button>
        <span role="status" className="text-xs text-ink-400">
          {copy.kind === 'copied' ? 'Copied. The key stays $CANNON_API_KEY: set it in your shell.' : ''}
        </span>
      </div>
      {usesDemoFiles && (
        <p className="text-xs text-ink-400">
          Demo files (/demo/…) exist only in this studio; Cannon needs https:// URLs.
        </p>
      )}
      {copy.kind === 'manual' && (
        <label className="flex flex-col gap-1 text-xs text-ink-400">
          The browser did not allow copying; select the command:
          <textarea
            readOnly
            rows={6}
            value={copy.command}
            className="rounded-lg bg-ink-900 p-2 font-mono text-ink-200"
          />
        </label>
      )}
    </div>
  )
}
