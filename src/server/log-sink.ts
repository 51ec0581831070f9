/** Where batched lines go: process.stdout in the Node entry. */
interface LineStream {
  write(text: string): unknown
}

const MAX_BATCH = 256

/**
 * Writes log lines in batches, once per turn of the event loop. Node writes stdout synchronously when it is a
 * file or a pipe, so one write per request line costs a system call on every poll; a batch costs one for all
 * the requests of a turn. Lines still pending when the process exits are written then.
 */
export function batchedLineWriter(stream: LineStream): (line: string) => void {
  let pending: string[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0) return
    const text = `${pending.join('\n')}\n`
    pending = []
    stream.write(text)
  }
  process.on('exit', flush)
  return (line) => {
    pending.push(line)
    if (pending.length >= MAX_BATCH) flush()
    else if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  }
}
