/** Small statistics for the benchmark: nearest-rank percentiles, so p95 of 200 samples is a sample. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

/**
 * Frames a 60 Hz display would have shown between rAF timestamps, minus the ones we did show:
 * an interval of 50 ms is 3 vsyncs, so 2 were dropped. Half a frame of jitter is not a drop.
 */
export function droppedFrames(frameTimes: readonly number[], vsyncMs = 1000 / 60): number {
  let dropped = 0
  for (let i = 1; i < frameTimes.length; i++) {
    const vsyncs = Math.round((frameTimes[i] - frameTimes[i - 1]) / vsyncMs)
    if (vsyncs > 1) dropped += vsyncs - 1
  }
  return dropped
}

export function fps(frameTimes: readonly number[]): number {
  if (frameTimes.length < 2) return NaN
  return ((frameTimes.length - 1) * 1000) / (frameTimes[frameTimes.length - 1] - frameTimes[0])
}
