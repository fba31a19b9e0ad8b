import type { Seat } from '../../engine/types.js'
import { useId } from 'react'

/** The recommended structure drawn as seats: one chair per leader, split when one person holds both. */
export function SeatsDiagram({ seats, label }: { seats: readonly Seat[]; label: string }) {
  const width = Math.max(1, seats.length) * 170
  const gradient = `${useId().replace(/:/g, '')}-both`
  return (
    <figure className="seats">
      <svg
        viewBox={`0 0 ${width} 150`}
        role="img"
        aria-label={`${label}: ${seats.map(describe).join(' and ')}`}
      >
        <defs>
          <linearGradient id={gradient} x1="0" x2="1">
            <stop offset="0.5" stopColor="var(--cto)" />
            <stop offset="0.5" stopColor="var(--caio)" />
          </linearGradient>
        </defs>
        {seats.map((seat, index) => (
          <SeatShape
            key={`${seat.title}-${index}`}
            seat={seat}
            x={index * 170 + 85}
            gradient={gradient}
          />
        ))}
        {seats.length === 2 && (
          <path d="M 130 62 L 210 62" stroke="var(--ink-3)" strokeWidth="3" strokeDasharray="6 6" />
        )}
      </svg>
      <figcaption>
        {seats.map((seat, index) => (
          <span
            key={`${seat.title}-${index}`}
            className={`seat-chip seat-${seat.title === 'CTO/CAIO' ? 'both' : seat.title.toLowerCase()}`}
          >
            {describe(seat)}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

function SeatShape({ seat, x, gradient }: { seat: Seat; x: number; gradient: string }) {
  const fractional = seat.engagement === 'fractional'
  const fill =
    seat.title === 'CTO'
      ? 'var(--cto)'
      : seat.title === 'CAIO'
        ? 'var(--caio)'
        : `url(#${gradient})`
  return (
    <g>
      <circle cx={x} cy={62} r={44} fill={fill} opacity={fractional ? 0.55 : 1} />
      {fractional && (
        <circle
          cx={x}
          cy={62}
          r={44}
          fill="none"
          stroke="var(--ink-2)"
          strokeWidth="3"
          strokeDasharray="8 6"
        />
      )}
      <text
        x={x}
        y={68}
        textAnchor="middle"
        className={seat.title.length > 4 ? 'seat-title seat-title-long' : 'seat-title'}
      >
        {seat.title}
      </text>
      <text x={x} y={134} textAnchor="middle" className="seat-engagement">
        {seat.engagement}
      </text>
    </g>
  )
}

function describe(seat: Seat): string {
  return `${seat.title} ${seat.engagement}`
}
