import { afterEach, describe, expect, it, vi } from 'vitest'
import { bffClient } from './bff-client'
import { lazyBffClient } from './lazy-bff-client'

describe('lazyBffClient', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('forwards each call, with its arguments, to the client once it has loaded', async () => {
    const estimate = vi.spyOn(bffClient, 'estimate').mockResolvedValue({ credits: 30 } as never)
    await expect(lazyBffClient.estimate({ model: 'sora2', duration: 4 })).resolves.toEqual({ credits: 30 })
    expect(estimate).toHaveBeenCalledWith({ model: 'sora2', duration: 4 })
  })

  it('fails a call as the network does while the browser is offline, without fetching the client', async () => {
    // Some browsers (Chromium 150 among them) keep a module that failed to load as failed for the page's life.
    vi.stubGlobal('navigator', { onLine: false })
    const estimate = vi.spyOn(bffClient, 'estimate').mockResolvedValue({ credits: 30 } as never)
    await expect(lazyBffClient.estimate({ model: 'sora2', duration: 4 })).rejects.toMatchObject({
      status: 0,
      code: 'network',
    })
    expect(estimate).not.toHaveBeenCalled()
    vi.stubGlobal('navigator', { onLine: true })
    await expect(lazyBffClient.estimate({ model: 'sora2', duration: 4 })).resolves.toEqual({ credits: 30 })
  })

  it('is not mistaken for a promise', async () => {
    expect((lazyBffClient as unknown as { then?: unknown }).then).toBeUndefined()
    await expect(Promise.resolve(lazyBffClient)).resolves.toBe(lazyBffClient)
  })
})
