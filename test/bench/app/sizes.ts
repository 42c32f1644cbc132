import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const ROOT = new URL('../../../', import.meta.url).pathname

/** Bytes a box downloads: the bundle gzipped (level 9, as a CDN or nginx `gzip_static` would serve it). */
export function gzipKB(path: string): number {
  return gzipSync(readFileSync(`${ROOT}${path}`), { level: 9 }).length / 1024
}

export function bundleSizes() {
  return {
    modern: { hall: gzipKB('dist/js/app.modern.js'), baseline: gzipKB('dist-bench/js/baseline.modern.js') },
    legacy: { hall: gzipKB('dist/js/app.legacy.js'), baseline: gzipKB('dist-bench/js/baseline.legacy.js') },
  }
}
