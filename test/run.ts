/**
 * `npm test`: everything CI checks, in the order that fails fastest.
 * Prints one closing line `tests: N passed, N failed` summed over the vitest suites.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { ensureSystemDeps } from './systemDeps.ts'

const root = new URL('..', import.meta.url).pathname
const outDir = `${root}test-output`
mkdirSync(outDir, { recursive: true })
const bin = (name: string) => `${root}node_modules/.bin/${name}`

function step(title: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${title}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`)
    console.log('tests: 0 passed, 1 failed')
    process.exit(r.status ?? 1)
  }
}

function singleLightningCore(): void {
  const r = spawnSync('npm', ['ls', '@lightningjs/core', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
  const copies = new Set(r.stdout.split('\n').filter((l) => l.endsWith('@lightningjs/core')))
  console.log(`\n▶ one copy of @lightningjs/core: ${[...copies].join(', ') || 'none'}`)
  if (copies.size !== 1) {
    console.error('✖ expected exactly one installed copy of @lightningjs/core')
    process.exit(1)
  }
}

const FORMATTED = [
  'src/**/*.{ts,js}',
  'mocks/**/*.ts',
  'boss-stub/**/*.ts',
  'test/**/*.{ts,js}',
  'rollup.config.js',
  'vitest.config.ts',
]

/** The build started beside the static checks: rollup and the checks each keep one of the two cores busy. */
function startBuild(): Promise<{ status: number | null; output: string }> {
  const child = spawn(bin('rollup'), ['-c', '--silent'], { cwd: root, env: process.env })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  process.on('exit', () => child.kill())
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })))
}

ensureSystemDeps()
singleLightningCore()
console.log('\n▶ build (beside the checks below)')
const build = startBuild()
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])
// The folders the code checks cover: one list (test/lint/scope.json), widened by adding a folder there.
const checked: string[] = JSON.parse(readFileSync(`${root}test/lint/scope.json`, 'utf8')).checked
step('no import circles', bin('madge'), [
  '--circular',
  '--no-spinner',
  '--extensions',
  'ts',
  '--ts-config',
  'tsconfig.json',
  ...checked,
])
step('lint', bin('eslint'), ['--config', 'test/lint/eslint.config.js', '--max-warnings', '0', ...checked])
// One file-naming convention for every file, the ones outside the scope too (parsed only: a second or two).
step('file names', bin('eslint'), [
  '--config',
  'test/lint/names.config.js',
  '--max-warnings',
  '0',
  '--no-error-on-unmatched-pattern',
  ...checked.flatMap((dir) => ['--ignore-pattern', dir]),
  'src',
  'mocks',
  'boss-stub',
  'test',
  'rollup.config.js',
  'vitest.config.ts',
])
// One format for every source file (package.json's "prettier"), so a diff shows only what changed.
step('formatted', bin('prettier'), ['--check', '--log-level', 'warn', ...FORMATTED])
// Dead files, exports and dependencies (knip.json names the entries: processes, spawned scripts, tests).
step('no dead code', process.execPath, [bin('knip'), '--no-progress'])
const built = await build
process.stdout.write(built.output)
console.log(`\n▶ build ${built.status === 0 ? 'done' : 'failed'}`)
if (built.status !== 0) {
  console.error('✖ build failed')
  console.log('tests: 0 passed, 1 failed')
  process.exit(built.status ?? 1)
}

const suites = (process.env.TEST_SUITES ?? 'unit,integration,security,e2e').split(',')
// Every answer the integration, security and e2e suites get from a BFF is written down (each distinct one once, out
// of the request path: src/bff/plugins/answerLog.ts) and held to its OpenAPI document below.
const answers = `${outDir}/conformance.jsonl`
rmSync(answers, { force: true })
const LOGGED_SUITES = new Set(['integration', 'security', 'e2e'])
let passed = 0
let failed = 0
let broken = false
for (const suite of suites) {
  const report = `${outDir}/${suite}.json`
  console.log(`\n▶ ${suite} tests`)
  const r = spawnSync(
    bin('vitest'),
    ['run', '--project', suite, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: LOGGED_SUITES.has(suite) ? { ...process.env, BFF_CONFORMANCE_LOG: answers } : process.env,
    },
  )
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
  }
  if (r.status !== 0) broken = true
}
if (existsSync(answers)) {
  console.log('\n▶ every answer the suites got matches the OpenAPI document (status, content type, schema)')
  const r = spawnSync(process.execPath, ['test/conformance/check.ts', answers], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
  if (r.status !== 0) broken = true
}
console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(broken || failed > 0 ? 1 : 0)
