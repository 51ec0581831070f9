import { useQueryClient } from '@tanstack/react-query'
import { galleryFileContent, galleryFileName, newRendersOnly, parseGalleryFile } from './gallery-file'
import { addRenders, currentRenders } from './renders-cache'

export interface ImportOutcome {
  message: string
  ok: boolean
}

/** Export of every render to a JSON file, and import of one, merged without duplicates. */
export function useGalleryFile() {
  const queryClient = useQueryClient()
  return {
    exportToFile: () => {
      const blob = new Blob([galleryFileContent(currentRenders(queryClient))], { type: 'application/json' })
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = galleryFileName()
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 0)
    },
    importFile: async (file: File): Promise<ImportOutcome> => {
      const parsed = parseGalleryFile(await file.text())
      if (!parsed.ok) return { ok: false, message: parsed.message }
      const fresh = newRendersOnly(currentRenders(queryClient), parsed.renders)
      await addRenders(queryClient, fresh)
      const known = parsed.renders.length - fresh.length
      const parts = [`Imported ${fresh.length} render${fresh.length === 1 ? '' : 's'}`]
      if (known > 0) parts.push(`${known} already in the gallery`)
      if (parsed.damaged > 0) parts.push(`${parsed.damaged} unreadable, skipped`)
      return { ok: true, message: `${parts.join('; ')}.` }
    },
  }
}
