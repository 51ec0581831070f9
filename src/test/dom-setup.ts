import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// The first test of a file may wait for a lazy chunk (the gallery) to be transformed: seconds on a busy 2-core
// machine, past the default 1 s of findBy*.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => cleanup())
