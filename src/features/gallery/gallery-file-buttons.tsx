import { useRef } from 'react'
import { useGalleryFile } from '@/features/renders/use-gallery-file'

const buttonClass = 'rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800'

/** Export the whole gallery to a JSON file, or merge one in. */
export function GalleryFileButtons({ onResult }: { onResult: (message: string) => void }) {
  const { exportToFile, importFile } = useGalleryFile()
  const fileInput = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className={buttonClass} onClick={exportToFile}>
        Export
      </button>
      <button type="button" className={buttonClass} onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label="Gallery file to import"
        className="hidden"
        onChange={async (event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) onResult((await importFile(file)).message)
        }}
      />
    </>
  )
}
