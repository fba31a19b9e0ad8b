/** Runs `body` for `rounds` rounds of about `ms` milliseconds each; returns operations per second per round. */
export function measureSync(
  body: (i: number) => void,
  count: number,
  rounds = 7,
  ms = 400,
): number[] {
  // Warm-up: let the JIT settle before anything is recorded.
  const warmEnd = performance.now() + Math.max(ms, 1500)
  for (let i = 0; performance.now() < warmEnd; i++) body(i % count)
  const rates: number[] = []
  for (let r = 0; r < rounds; r++) {
    let ops = 0
    const start = performance.now()
    let now = start
    while (now - start < ms) {
      for (let k = 0; k < 256; k++) body((ops + k) % count)
      ops += 256
      now = performance.now()
    }
    rates.push((ops * 1000) / (now - start))
  }
  return rates
}

export async function measureAsync(
  body: (i: number) => Promise<void>,
  count: number,
  rounds = 5,
  ms = 400,
): Promise<number[]> {
  const warmEnd = performance.now() + Math.max(ms, 1500)
  for (let i = 0; performance.now() < warmEnd; i++) await body(i % count)
  const rates: number[] = []
  for (let r = 0; r < rounds; r++) {
    let ops = 0
    const start = performance.now()
    let now = start
    while (now - start < ms) {
      for (let k = 0; k < 16; k++) await body((ops + k) % count)
      ops += 16
      now = performance.now()
    }
    rates.push((ops * 1000) / (now - start))
  }
  return rates
}

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
export const fmtSpread = (s: Spread): string => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`
