/**
 * A deliberately broken build, to see the crawler's issue-17 rules fail (every test must be able to fail):
 *
 *   node test/e2e/breakBuild.ts            # dist/ → test-output/dist-broken/
 *   E2E_DIST=test-output/dist-broken vitest run --project e2e test/e2e/crawler.test.ts test/e2e/finished.test.ts
 *
 * Each break puts back one defect issue 17 found, in the built modern bundle (names survive minifying):
 *  - first focus: the spending limit opens on its first preset, 不限 (first-focus-risky);
 *  - hints: home stops naming the digit keys, which still open its tiles (hint-keys);
 *  - finished is finished: results no longer cut the steps from the history (back-into-finished).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const root = new URL('../../', import.meta.url).pathname
const out = `${root}test-output/dist-broken`
rmSync(out, { recursive: true, force: true })
cpSync(`${root}dist`, out, { recursive: true })

const BREAKS: [what: string, from: RegExp, to: string][] = [
  ['spending limit opens on 不限', /selectedIndex=currentPreset\(/, 'selectedIndex=0*currentPreset('],
  ['home hint without digits', /\["digits",\s*t\("hint\.openTile"\)\],?/, ''],
  [
    'results keep their steps in the history',
    /function finishTransaction\((\w+),(\w+)\)\{/,
    'function finishTransaction($1,$2){return;',
  ],
]

const file = `${out}/js/app.modern.js`
let code = readFileSync(file, 'utf8')
for (const [what, from, to] of BREAKS) {
  if (!from.test(code)) throw new Error(`cannot break "${what}": ${from} not in the bundle (renamed?)`)
  code = code.replace(from, to)
  console.log(`broken: ${what}`)
}
writeFileSync(file, code)
console.log(`E2E_DIST=${out}`)
