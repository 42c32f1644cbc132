// autocannon ships no types; the part of its API the bench uses.
declare module 'autocannon' {
  export interface Histogram {
    p50: number
    p90: number
    p99: number
    max: number
    average: number
    mean: number
  }
  export interface Result {
    latency: Histogram
    requests: Histogram & { total: number }
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    '2xx': number
    statusCodeStats?: Record<string, { count: number }>
  }
  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (req: Request) => Request
  }
  export interface Options {
    url: string
    connections?: number
    duration?: number
    amount?: number
    overallRate?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: Request[]
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
