import { useCallback, useEffect, useMemo, useRef } from 'react'

type AnyFunction = (...args: never[]) => unknown
type Call = (...args: unknown[]) => unknown

/**
 * The same object on every render, whose functions call the latest ones given: what a memoised card is passed
 * does not change when only the functions behind it do.
 */
export function useStableCallbacks<T extends { [K in keyof T]: AnyFunction }>(callbacks: T): T {
  const latest = useRef(callbacks)
  useEffect(() => {
    latest.current = callbacks
  })
  const call = useCallback(
    (name: string, args: unknown[]) => (latest.current[name as keyof T] as unknown as Call)(...args),
    [],
  )
  const names = Object.keys(callbacks).join(' ')
  return useMemo(
    () =>
      Object.fromEntries(
        names.split(' ').map((name) => [name, (...args: unknown[]) => call(name, args)]),
      ) as unknown as T,
    [names, call],
  )
}
