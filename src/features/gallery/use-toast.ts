import { useCallback, useEffect, useState } from 'react'

export interface ToastState {
  message: string
  undo?: () => void
}

const TOAST_MS = 8000

/** One toast at a time; a new one replaces the old, and each disappears after a while. */
export function useToast() {
  const [toast, setToast] = useState<ToastState>()
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(undefined), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast])
  return { toast, show: setToast, dismiss: useCallback(() => setToast(undefined), []) }
}
