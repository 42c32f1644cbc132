import { describe, expect, it } from 'vitest'
import { droppedFrames, fps, percentile } from '../../bench/lib/stats.ts'

describe('bench statistics', () => {
  it('takes nearest-rank percentiles, whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 … 1
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 95)).toBe(95)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile(samples, 0)).toBe(1)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })

  it('counts the vsyncs skipped between frames and the frame rate', () => {
    const v = 1000 / 60
    expect(droppedFrames([0, v, 2 * v, 5 * v])).toBe(2)
    expect(droppedFrames([0, v * 1.4, v * 2.4])).toBe(0)
    expect(fps([0, 500, 1000])).toBe(2)
  })
})
