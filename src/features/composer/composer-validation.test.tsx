import { renderHook, waitFor } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { loadValidator, useComposerValidation } from './composer-validation'
import { catalogV1 } from '@/catalog/models-v1'
import { defaultValues } from './form-values'

const OPTIONS = { allowDemoMedia: true }
let imports = 0
vi.mock('./validate-composer', async (importOriginal) => {
  imports++
  return importOriginal()
})

// Some browsers (Chromium 150 among them) keep a module that failed to load as failed for the page's life: the
// checks must not be fetched while the browser knows it is offline, and must load by themselves once it is back.
it('does not fetch the form’s checks while offline, and loads them once the browser is back online', async () => {
  const model = catalogV1.models[0]!
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  const { result } = renderHook(() => useComposerValidation(model, defaultValues(model), OPTIONS))
  await expect(loadValidator()).rejects.toThrow()
  expect(imports).toBe(0)
  await waitFor(() => expect(result.current.validation).toMatchObject({ ok: false, firstMessage: /back online/ }))

  onLine.mockReturnValue(true)
  window.dispatchEvent(new Event('online'))
  await waitFor(() => expect(result.current.checksReady).toBe(true))
  expect(imports).toBe(1)
})
