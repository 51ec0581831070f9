import { useState, type ClipboardEvent, type DragEvent } from 'react'

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files')

/**
 * Files dropped onto an element or pasted while focus is inside it (a copied image). `dragging` is true while
 * files are held over it, for a highlight. Text drags and text pastes are left to the URL box. The innermost
 * zone takes the files (a reference image row, not the list around it).
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false)
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.stopPropagation()
    event.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }
  const dropProps = {
    onDragEnter: over,
    onDragOver: over,
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.stopPropagation()
      setDragging(false)
      const files = Array.from(event.dataTransfer.files)
      if (files.length > 0) onFiles(files)
    },
    onPaste: (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? [])
      if (files.length === 0) return
      event.preventDefault()
      event.stopPropagation()
      onFiles(files)
    },
  }
  return { dragging, dropProps }
}

/** The drop target's look: an outline, so the highlight moves nothing. */
export const dropZoneClass = (dragging: boolean) =>
  `rounded-lg outline-2 outline-offset-4 outline-dashed ${dragging ? 'bg-accent-500/5 outline-accent-400' : 'outline-transparent'}`
