const GIVE_UP_MS = 10_000

/**
 * How long a clip or audio file plays, in seconds, read by the browser's own media element from the file's
 * metadata; undefined when this browser cannot read it (a codec it lacks, no duration in the header), which is
 * not a reason to refuse the file: Cannon may read it fine.
 */
export function readMediaDuration(file: Blob, kind: 'video' | 'audio'): Promise<number | undefined> {
  const url = URL.createObjectURL(file)
  const element = document.createElement(kind)
  element.preload = 'metadata'
  element.muted = true
  return new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), GIVE_UP_MS)
    const finish = (seconds: number | undefined) => {
      clearTimeout(timer)
      resolve(seconds)
    }
    element.addEventListener('loadedmetadata', () =>
      finish(Number.isFinite(element.duration) && element.duration > 0 ? element.duration : undefined),
    )
    element.addEventListener('error', () => finish(undefined))
    element.src = url
  }).finally(() => {
    element.removeAttribute('src')
    URL.revokeObjectURL(url)
  })
}
