import { expect, it } from 'vitest'
import type { SpendRow } from '@/catalog/credits-contract'
import { csvCell, spendCsv } from './spend-csv'

const row = (key: string | null, credits: number): SpendRow => ({
  key,
  renders: 1,
  credits,
  succeededRenders: 1,
  succeededCredits: credits,
  failedRenders: 0,
  failedCredits: 0,
})

it('defuses cells a spreadsheet would run as formulas, and quotes what needs quoting', () => {
  expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
  for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1`).replace(/^"/, '')).toMatch(/^'/)
  expect(csvCell('Ana, the lead')).toBe('"Ana, the lead"')
  expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
  expect(csvCell('grok')).toBe('grok')
  expect(csvCell(12.5)).toBe('12.5')
  expect(csvCell(null)).toBe('')
})

it('writes the total, then a row per day, model and author', () => {
  const csv = spendCsv({
    from: '2027-03-01',
    to: '2027-03-02',
    total: row(null, 30),
    byDay: [row('2027-03-01', 30)],
    byModel: [row('grok', 30)],
    byAuthor: [row('=cmd', 30)],
  })
  expect(csv.split('\r\n')).toEqual([
    'group,key,renders,credits,succeeded_renders,succeeded_credits,failed_renders,failed_credits',
    'total,,1,30,1,30,0,0',
    'day,2027-03-01,1,30,1,30,0,0',
    'model,grok,1,30,1,30,0,0',
    "author,'=cmd,1,30,1,30,0,0",
    '',
  ])
})
