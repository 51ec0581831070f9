import { describe, expect, it } from 'vitest'
import { findPostgresBin } from './test-postgres'

describe('finding the Postgres server binaries', () => {
  it('takes the newest /usr/lib/postgresql/N/bin', () => {
    expect(findPostgresBin()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/)
  })

  it('says how to install them when they are missing', () => {
    expect(() => findPostgresBin({ root: '/nonexistent', pathEnv: '/nonexistent/bin' })).toThrow(
      'apt-get install -y postgresql',
    )
  })
})
