import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { readable } from '@/catalog/wording'

interface SpendChartProps {
  days: { day: string; credits: number }[]
}

const HEIGHT = 180
/** Room for the first and last day's bars. */
const HALF_DAY_S = 43_200
const ACCENT = '#f97316'
const AXIS = { stroke: '#8b8ba0', grid: { stroke: '#272733' }, ticks: { stroke: '#272733' } }

/** Credits per day as bars (uPlot: small, canvas-drawn, loaded only with the Spend view). */
export function SpendChart({ days }: SpendChartProps) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const xs = days.map(({ day }) => Date.parse(`${day}T00:00:00Z`) / 1000)
    const ys = days.map(({ credits }) => credits)
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: true, points: { show: false } },
        scales: {
          x: { time: true, range: (_u, min, max) => [min - HALF_DAY_S, max + HALF_DAY_S] },
          y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] },
        },
        axes: [AXIS, { ...AXIS, size: 56 }],
        series: [
          {},
          {
            label: 'Credits',
            fill: ACCENT,
            stroke: ACCENT,
            paths: uPlot.paths.bars!({ size: [0.7, 48] }),
            points: { show: false },
          },
        ],
      },
      [xs, ys],
      element,
    )
    const observer = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }))
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [days])
  const total = days.reduce((sum, { credits }) => sum + credits, 0)
  return (
    <div
      ref={box}
      role="img"
      aria-label={`Credits per day, ${days[0]?.day} to ${days.at(-1)?.day}: ${readable(total)} in all`}
      className="w-full"
    />
  )
}
