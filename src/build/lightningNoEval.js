/**
 * Rollup plugin: Lightning core 2.x compiles code with `new Function` in seven places (templates, state routers,
 * a spread probe, animated property accessors), which forces 'unsafe-eval' into the CSP. This splices the closure
 * versions from ./lightningNoEvalRuntime.js into core's modules and fails the build when any bundle still holds a
 * `new Function` or a `Function(...)` call, so a core upgrade cannot quietly bring eval back.
 */
import { fileURLToPath } from 'node:url'

const RUNTIME = fileURLToPath(new URL('./lightningNoEvalRuntime.js', import.meta.url))

/** Per core module: the exact text to replace and its replacement; a miss fails the build. */
const PATCHES = {
  'tree/Element.mjs': {
    names: ['pathGetter', 'pathSetter'],
    edits: [
      ["getter = new Function('obj', 'return obj.' + propertyPath);", 'getter = pathGetter(propertyPath);'],
      ["setter = new Function('obj', 'v', 'obj.' + propertyPath + ' = v');", 'setter = pathSetter(propertyPath);'],
    ],
  },
  'application/StateMachine.mjs': {
    names: ['methodRouter', 'getterRouter', 'setterRouter'],
    edits: [
      // The probe only chose between spread and apply in generated code; the closures use apply.
      ['const func = new Function("return [].concat(...arguments);");\n                func();', ''],
      [
        'const router = new Function([], functionBody);\n\n        const descriptor',
        'const router = methodRouter(aliases);\n\n        const descriptor',
      ],
      [
        'const router = new Function([], functionBody);\n        return router;',
        'const router = getterRouter(aliases);\n        return router;',
      ],
      ['const router = new Function(["arg"], functionBody);', 'const router = setterRouter(aliases);'],
    ],
  },
  'application/Component.mjs': {
    names: ['templatePatcher'],
    edits: [
      [
        'const code = context.loc.join(";\\n");\n        const f = new Function("element", "store", code);',
        'const f = templatePatcher(context.loc);',
      ],
    ],
  },
}

/**
 * core-js (the legacy bundle's polyfills) keeps two `Function(...)` fallbacks no browser reaches: the global
 * object when `globalThis`, `window`, `self` and `global` are all missing, and Node's `require`.
 */
const CORE_JS_PATCHES = {
  'global-this.js': [" || Function('return this')();", ';'],
  'get-built-in-node-module.js': ["return Function('return require(\"' + name + '\")')();", ''],
}

const CORE_JS = /[\\/]core-js[\\/]internals[\\/]([\w-]+\.js)$/
const CORE = /[\\/]@lightningjs[\\/]core[\\/]dist[\\/]src[\\/](.+\.mjs)$/
// `new Function(`, `Function(` called as a value, and `Function.apply/call(`; not `isFunction(` or `typeof Function`.
const EVAL_USE = /\bnew\s+Function\b|(?<![\w$.])Function\s*\(|\bFunction\s*\.\s*(?:apply|call)\s*\(/g

/** Every `Function` constructor use left in a bundle's code, with a little context each. */
export function evalUses(code) {
  const found = []
  for (const m of code.matchAll(EVAL_USE)) found.push(code.slice(Math.max(0, m.index - 60), m.index + 60))
  return found
}

/** `checkBundle`: fail the build on any Function-constructor use left; for bundles served under the production CSP. */
export default function lightningNoEval({ checkBundle = true } = {}) {
  return {
    name: 'lightning-no-eval',
    transform(code, id) {
      const polyfill = CORE_JS.exec(id)
      const fallback = polyfill && CORE_JS_PATCHES[polyfill[1]]
      if (fallback) {
        if (!code.includes(fallback[0]))
          this.error(`lightning-no-eval: core-js ${polyfill[1]} no longer contains: ${fallback[0]}`)
        return { code: code.replace(fallback[0], fallback[1]), map: null }
      }
      const m = CORE.exec(id)
      if (!m) return null
      const file = m[1].replace(/\\/g, '/')
      const patch = PATCHES[file]
      if (!patch) return null
      let out = code.replace(/\r\n/g, '\n')
      for (const [from, to] of patch.edits) {
        if (!out.includes(from))
          this.error(`lightning-no-eval: ${file} no longer contains the code it replaces: ${from.split('\n')[0]}`)
        out = out.replace(from, to)
      }
      return { code: `import { ${patch.names.join(', ')} } from ${JSON.stringify(RUNTIME)};\n${out}`, map: null }
    },
    generateBundle(_options, bundle) {
      if (!checkBundle) return
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        const uses = evalUses(chunk.code)
        if (uses.length > 0) {
          this.error(
            `lightning-no-eval: ${chunk.fileName} still compiles code at run time (the CSP has no 'unsafe-eval'):\n  ${uses.join('\n  ')}`,
          )
        }
      }
    },
  }
}
