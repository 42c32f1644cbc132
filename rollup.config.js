/**
 * TV app bundles:
 *  - dist/js/app.modern.js  boxes whose engine knows `noModule` (Chrome 61+), no polyfills needed;
 *  - dist/js/app.legacy.js  ES5 + core-js for Chrome 38-class boxes; node_modules are transpiled too,
 *                           because Lightning core > 2.11 and axios ship syntax those engines cannot parse;
 *  - dist/js/mocks.js       msw for preview and tests (desktop browsers only, so modern only);
 *  - dist/js/emulator.js    the operators' emulator page, dist/emulator.html (desktop only, modern only).
 * static/, settings.json, msw's service worker and the Lightning inspector are copied next to them.
 * NODE_ENV=production builds what boxes get and nothing else: no mocks.js, mockServiceWorker.js, emulator or
 * inspector (a production server never serves them either). TVHALL_DIST names another output folder.
 */
import { cpSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import typescript from '@rollup/plugin-typescript'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { babel } from '@rollup/plugin-babel'
import terser from '@rollup/plugin-terser'
import lightningNoEval from './src/build/lightningNoEval.js'

const DIST = process.env.TVHALL_DIST || 'dist'
const PRODUCTION = process.env.NODE_ENV === 'production'
const MODERN_TARGET = { chrome: '61' }
const LEGACY_TARGET = { chrome: '38' }

// Only our own sources: core ships .ts files next to its .js and must not be compiled again.
const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'mocks/**/*.ts'],
    // The BFF is Node code, except its pure domain rules, which the mocks apply as the BFF does.
    exclude: ['node_modules/**', 'test/**', /[\\/]src[\\/]bff[\\/](?!domain[\\/])/, 'boss-stub/**'],
    compilerOptions: { noEmit: false, noCheck: true, target: 'ES2022', sourceMap: false, declaration: false },
    noEmitOnError: false,
  })

const transpile = (targets, polyfill) =>
  babel({
    babelHelpers: 'bundled',
    babelrc: false,
    configFile: false,
    extensions: ['.js', '.mjs', '.cjs', '.ts'],
    // core-js is the polyfill itself; transforming it would make it import itself.
    exclude: [/node_modules[\\/]core-js/, /node_modules[\\/]@babel[\\/]runtime/],
    sourceType: 'unambiguous',
    compact: false,
    presets: [
      [
        '@babel/preset-env',
        polyfill ? { targets, bugfixes: true, useBuiltIns: 'usage', corejs: '3.51' } : { targets, bugfixes: true },
      ],
    ],
  })

// TVHALL_NO_MINIFY=1 keeps bundles readable for debugging on a box.
const minify = !process.env.TVHALL_NO_MINIFY

/**
 * ui-components from its ES sources (the package's `./src` export) instead of its prebuilt `dist` file: that file is
 * transpiled to old syntax with Babel's helpers inside, so every style object the components build (on each focus
 * move and render) went through `_objectSpread`/`_defineProperty` and each async step through `_asyncToGenerator`
 * even on engines that run spread natively (0.3–0.7 s of the channel list's scroll profile, RESULTS.md issue 22).
 * From its sources, rollup shakes out what the hall does not use, and our own Babel pass transpiles for each target
 * (the legacy bundle still gets ES5). The types stay the package's own.
 */
function uiComponentsSource() {
  return {
    name: 'ui-components-source',
    resolveId(id, importer) {
      if (id !== '@lightningjs/ui-components') return null
      return this.resolve('@lightningjs/ui-components/src', importer, { skipSelf: true })
    },
  }
}

// `production`: the bundle runs under the production CSP (the TV app); development-only bundles (mocks, emulator,
// bench baseline) are never served there and may keep code like TypeBox's own `function Function(...)`.
const plugins = (targets, polyfill, production = false) => [
  // First, so it patches core's own text; its bundle check sees the minified output (no 'unsafe-eval' in the CSP).
  lightningNoEval({ checkBundle: production }),
  json(),
  uiComponentsSource(),
  nodeResolve({ browser: true, exportConditions: ['browser'], extensions: ['.mjs', '.js', '.ts', '.json'] }),
  ts(),
  commonjs(),
  transpile(targets, polyfill),
  // Lightning finds states by class name (`class Loading extends this`), so names must survive minifying.
  minify &&
    terser({
      ecma: polyfill ? 5 : 2018,
      safari10: true,
      keep_classnames: true,
      keep_fnames: true,
      format: { comments: false },
    }),
]

const onwarn = (warning, warn) => {
  // The SDK and core use `this` at module level and eval in a few places; both are known and harmless.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'EVAL' || warning.code === 'CIRCULAR_DEPENDENCY') return
  // A package missing from node_modules would otherwise be left as a bare import the box cannot load: the bundle
  // builds and the hall dies at boot. A missing install step must fail the build instead.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`unresolved import: ${warning.message}`)
  warn(warning)
}

function copyAssets() {
  return {
    name: 'copy-assets',
    writeBundle() {
      mkdirSync(`${DIST}/static`, { recursive: true })
      mkdirSync(`${DIST}/js`, { recursive: true })
      for (const name of readdirSync('static')) {
        if (PRODUCTION && name.startsWith('emulator')) continue
        if (name === 'index.html') copyFileSync('static/index.html', `${DIST}/index.html`)
        else cpSync(`static/${name}`, `${DIST}/static/${name}`, { recursive: true })
      }
      copyFileSync('settings.json', `${DIST}/settings.json`)
      if (PRODUCTION) return
      copyFileSync('node_modules/msw/lib/mockServiceWorker.js', `${DIST}/mockServiceWorker.js`)
      // The SDK's postinstall (which used to copy these into support/) does not run under npm 11.
      const devtools = 'node_modules/@lightningjs/core/devtools'
      copyFileSync(`${devtools}/lightning-inspect.js`, `${DIST}/js/lightning-inspect.js`)
      copyFileSync(`${devtools}/lightning-inspect.es5.js`, `${DIST}/js/lightning-inspect.es5.js`)
    },
  }
}

// Engines with ES5 function semantics (V8 before Chrome 43, JavaScriptCore before Safari 10 and QtWebKit)
// make a function's `name` non-configurable; ui-components' mixins redefine it (`static get name`) and Babel's
// class helper throws "Attempting to change configurable attribute of unconfigurable property" before the app
// starts. Found by the legacy bundle's boot on QtWebKit (test/e2e/oldEngine); there such a class keeps its own name.
const OLD_ENGINE_PRELUDE = `(function () {
  try { Object.defineProperty(function () {}, 'name', { get: function () { return '' } }) } catch (e) {
    var define = Object.defineProperty
    Object.defineProperty = function (o, key, desc) {
      if (typeof o === 'function' && key === 'name') {
        var own = Object.getOwnPropertyDescriptor(o, key)
        if (own && !own.configurable) return o
      }
      return define(o, key, desc)
    }
  }
})();`

const app = (file, targets, polyfill, extra = []) => ({
  input: 'src/app/index.ts',
  output: {
    file: `${DIST}/js/${file}`,
    format: 'iife',
    name: 'tvHallApp',
    exports: 'default',
    generatedCode: 'es5',
    intro: polyfill ? OLD_ENGINE_PRELUDE : undefined,
  },
  plugins: [...plugins(targets, polyfill, true), ...extra],
  onwarn,
})

const config = [app('app.modern.js', MODERN_TARGET, false, [copyAssets()])]
// TVHALL_MODERN_ONLY=1 skips the slow legacy pass while iterating on a desktop browser.
if (!process.env.TVHALL_MODERN_ONLY) config.push(app('app.legacy.js', LEGACY_TARGET, true))

// The mocks are written in parallel; until mocks/browser.ts lands, the app builds without them.
if (existsSync('mocks/browser.ts') && !PRODUCTION) {
  config.push({
    input: 'mocks/browser.ts',
    output: { file: `${DIST}/js/mocks.js`, format: 'iife', name: 'tvHallMocks', exports: 'named' },
    plugins: plugins(MODERN_TARGET, false),
    onwarn,
  })
}

// TVHALL_BENCH=1 (npm run bench): the benchmark's baseline Lightning app, same plugins, into dist-bench/ (never shipped).
if (process.env.TVHALL_BENCH) {
  const baseline = (file, targets, polyfill) => ({
    input: 'test/bench/baseline/index.js',
    output: {
      file: `dist-bench/js/${file}`,
      format: 'iife',
      name: 'tvHallApp',
      exports: 'default',
      generatedCode: 'es5',
      intro: polyfill ? OLD_ENGINE_PRELUDE : undefined,
    },
    plugins: plugins(targets, polyfill),
    onwarn,
  })
  config.push(baseline('baseline.modern.js', MODERN_TARGET, false), baseline('baseline.legacy.js', LEGACY_TARGET, true))
}

// The operators' emulator page (desktop browsers only, so modern only). It is its own entry: nothing in
// src/app imports src/emulator, so none of it is in the boxes' bundles.
function copyEmulatorPage() {
  return {
    name: 'copy-emulator-page',
    writeBundle() {
      // Next to index.html, so the page reaches the app, settings.json and js/ by the same relative paths.
      copyFileSync('static/emulator.html', `${DIST}/emulator.html`)
      rmSync(`${DIST}/static/emulator.html`, { force: true })
    },
  }
}
if (!PRODUCTION)
  config.push({
    input: 'src/emulator/index.ts',
    output: { file: `${DIST}/js/emulator.js`, format: 'iife', name: 'tvHallEmulator' },
    plugins: [...plugins(MODERN_TARGET, false), copyEmulatorPage()],
    onwarn,
  })

export default config
