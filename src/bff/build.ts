/**
 * `npm run build:bff` (`node src/bff/build.ts [outDir]`): the BFF as plain JavaScript in `dist-bff/` (same tree
 * as `src/`, so `dist-bff/bff/main.js`), for production. Run from `src/bff/main.ts`, Node strips the types of
 * every file as it loads it, and its stripper (amaro, a WebAssembly module) then stays resident: ≈ 17 MB of
 * the BFF's RSS in the profile of issue 22 (test/bench/RESULTS.md). Here each file reachable from main.ts is
 * stripped once, with Node's own stripper in the same mode (whitespace keeps every line and column where it
 * was, so stack traces still point into src/), its relative `.ts` imports renamed `.js`; the data files
 * next to the sources (JSON, the operator page) are copied beside them. Packages stay in node_modules.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { stripTypeScriptTypes } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve(import.meta.dirname, '..')
const ROOT = resolve(SRC, '..')

// Relative module specifiers in static imports/exports and in `import('…')` with a literal.
const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+?)\.ts\2/g

export function toJs(source: string): { code: string; imports: string[] } {
  const code = stripTypeScriptTypes(source, { mode: 'strip' })
  const imports: string[] = []
  const renamed = code.replace(RELATIVE_IMPORT, (_m, head: string, quote: string, path: string) => {
    imports.push(`${path}.ts`)
    return `${head}${quote}${path}.js${quote}`
  })
  return { code: renamed, imports }
}

/** Every non-TypeScript file under `dir` (the data read at run time beside the code). */
function assets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.ts') && e.name !== 'README.md')
    .map((e) => join(e.parentPath, e.name))
}

export function buildBff(outDir = join(ROOT, 'dist-bff')): string {
  rmSync(outDir, { recursive: true, force: true })
  const seen = new Set<string>()
  const queue = [join(SRC, 'bff/main.ts')]
  const dirs = new Set<string>()
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    if (!file.startsWith(`${SRC}/`)) throw new Error(`the BFF imports ${file}, outside src/`)
    const { code, imports } = toJs(readFileSync(file, 'utf8'))
    const out = join(outDir, relative(SRC, file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, code)
    dirs.add(relative(SRC, file).split('/')[0])
    for (const i of imports) queue.push(resolve(dirname(file), i))
  }
  for (const top of dirs)
    for (const asset of assets(join(SRC, top))) {
      const out = join(outDir, relative(SRC, asset))
      mkdirSync(dirname(out), { recursive: true })
      copyFileSync(asset, out)
    }
  // The files are ES modules; without this the nearest package.json (the repo's, "type": "module") decides.
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module", "private": true }\n')
  return join(outDir, 'bff/main.js')
}

if (import.meta.main) {
  const entry = buildBff(process.argv[2] ? resolve(process.argv[2]) : undefined)
  process.stdout.write(`BFF built: node ${relative(process.cwd(), entry)}\n`)
}
