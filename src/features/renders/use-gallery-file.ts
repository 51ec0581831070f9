import { useQueryClient } from '@tanstack/react-query'
import { ledgerClient } from '@/lib/ledger-client'

export interface ImportOutcome {
  message: string
  ok: boolean
}

/** Export of the team's whole gallery to a JSON file, and import of one: both done by the studio server. */
export function useGalleryFile() {
  const queryClient = useQueryClient()
  return {
    exportToFile: () => {
      // The server streams the file and names it (Content-Disposition: attachment).
      const link = document.createElement('a')
      link.href = ledgerClient.exportUrl
      link.download = ''
      link.click()
    },
    importFile: async (file: File): Promise<ImportOutcome> => {
      try {
        const { added, skipped } = await ledgerClient.importGallery(await file.text())
        await queryClient.invalidateQueries({ queryKey: ['gallery'] })
        const known = skipped > 0 ? ' (already in the gallery, or unreadable)' : ''
        return { ok: true, message: `Imported ${added}, skipped ${skipped}${known}.` }
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : 'The file could not be imported.' }
      }
    },
  }
}
