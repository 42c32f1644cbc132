/**
 * Closure versions of the code Lightning core 2.x generates with `new Function`, so the app runs under a CSP
 * without 'unsafe-eval'. src/build/lightningNoEval.js splices these into core's modules at build time; each one
 * keeps the semantics of the code string core would have compiled (read beside core's dist/src sources).
 */

const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/

function pathKeys(path) {
  if (typeof path !== 'string' || !PATH.test(path)) {
    // Core would have compiled any expression here; the app only animates dotted property paths.
    throw new Error('[Lightning] unsupported property path "' + path + '" (only dotted names work without eval)')
  }
  return path.split('.')
}

/** Element.getGetter: `return obj.<path>`. */
export function pathGetter(path) {
  const keys = pathKeys(path)
  const last = keys.length - 1
  if (last === 0) {
    const key = keys[0]
    return function (obj) {
      return obj[key]
    }
  }
  return function (obj) {
    let o = obj
    for (let i = 0; i <= last; i++) o = o[keys[i]]
    return o
  }
}

/** Element.getSetter: `obj.<path> = v`. */
export function pathSetter(path) {
  const keys = pathKeys(path)
  const last = keys.length - 1
  const key = keys[last]
  return function (obj, v) {
    let o = obj
    for (let i = 0; i < last; i++) o = o[keys[i]]
    o[key] = v
  }
}

/**
 * The alias core's router picks for `this._stateIndex`: its generated chain is
 * `if (i < k) <aliases[k-1]>; else …; <last alias>` with a test at every k where the alias changes.
 */
function aliasFor(aliases, i) {
  const n = aliases.length
  for (let k = 1; k < n; k++) {
    if (aliases[k] !== aliases[k - 1] && i < k) return aliases[k - 1]
  }
  return aliases[n - 1]
}

/** StateMachine._addMethodRouter: calls the current state's version of the method. */
export function methodRouter(aliases) {
  return function () {
    const alias = aliasFor(aliases, this._stateIndex)
    if (!alias) return undefined
    return this[alias].apply(this, arguments)
  }
}

/** StateMachine._getGetterRouter. */
export function getterRouter(aliases) {
  return function () {
    const alias = aliasFor(aliases, this._stateIndex)
    return alias ? this[alias] : undefined
  }
}

/** StateMachine._getSetterRouter. */
export function setterRouter(aliases) {
  return function (arg) {
    const alias = aliasFor(aliases, this._stateIndex)
    if (alias) this[alias] = arg
  }
}

/*
 * Component.parseTemplate: core's parseTemplateRec writes one statement per template step into `context.loc`
 * (a closed set of forms, all listed below) and compiles them with `new Function("element", "store", code)`.
 * Each statement is compiled here into a closure over a variable table instead; a form this does not know
 * fails at once, so a core upgrade that writes new forms is caught by the first template, not mis-run.
 */
const IDENT = '[A-Za-z_$][\\w$]*'
const STORE = /^store\[(\d+)\]$/
const NUMBER = /^-?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|Infinity|NaN)$/i

// Every closure comes from a small factory and captures only that factory's parameters: the ES5 bundle turns
// block-scoped consts captured in one big function into shared vars, and QtWebKit 602 (JSC) then resolved one of
// them to its scope object ("_ is not a function ... JSLexicalEnvironment") and never left the boot screen.
const constant = (value) => () => value
const storeAt = (n) => (vars) => vars.store[n]
const newFromStore = (n, name) => (vars) => new vars.store[n](vars[name].stage)
const createElement = (name) => (vars) => vars[name].stage.createElement()
const enableTextTexture = (name) => (vars) => vars[name].enableTextTexture()
const member = (name, key) => (vars) => vars[name][key]
const variable = (name) => (vars) => vars[name]

function compileExpression(src) {
  let m
  if (src === 'true') return constant(true)
  if (src === 'false') return constant(false)
  if (src === 'null') return constant(null)
  if (src === 'undefined') return constant(undefined)
  if (src.charAt(0) === '"') return constant(JSON.parse(src))
  if (NUMBER.test(src)) return constant(Number(src))
  if ((m = STORE.exec(src))) return storeAt(Number(m[1]))
  if ((m = new RegExp('^new store\\[(\\d+)\\]\\((' + IDENT + ')\\.stage\\)$').exec(src)))
    return newFromStore(Number(m[1]), m[2])
  if ((m = new RegExp('^(' + IDENT + ')\\.stage\\.createElement\\(\\)$').exec(src))) return createElement(m[1])
  if ((m = new RegExp('^(' + IDENT + ')\\.enableTextTexture\\(\\)$').exec(src))) return enableTextTexture(m[1])
  if ((m = new RegExp('^(' + IDENT + ')\\["([^"]*)"\\]$').exec(src))) return member(m[1], m[2])
  if ((m = new RegExp('^(' + IDENT + ')\\.(' + IDENT + ')$').exec(src))) return member(m[1], m[2])
  if (new RegExp('^' + IDENT + '$').test(src)) return variable(src)
  throw new Error('[Lightning] template step not understood without eval: ' + src)
}

const ASSIGN_VAR = new RegExp('^(?:var )?(' + IDENT + ') = (.+)$')
const ASSIGN_PROP = new RegExp('^(.+?)(?:\\["([^"]*)"\\]|\\.(ref)) = (.+)$')
const ADD_CHILD = new RegExp('^(' + IDENT + ')\\.childList\\.add\\((.+)\\)$')
const BIND = new RegExp('^element\\.__bindProperty\\((store\\[\\d+\\]), (.+), "([^"]*)"\\)$')

const bind = (binding, target, key) => (vars) => {
  vars.element.__bindProperty(binding(vars), target(vars), key)
}
const addChild = (name, child) => (vars) => {
  vars[name].childList.add(child(vars))
}
const setVar = (name, value) => (vars) => {
  vars[name] = value(vars)
}
const setProp = (target, key, value) => (vars) => {
  target(vars)[key] = value(vars)
}

function compileStatement(src) {
  let m
  if ((m = BIND.exec(src))) return bind(compileExpression(m[1]), compileExpression(m[2]), m[3])
  if ((m = ADD_CHILD.exec(src))) return addChild(m[1], compileExpression(m[2]))
  if ((m = ASSIGN_VAR.exec(src))) return setVar(m[1], compileExpression(m[2]))
  if ((m = ASSIGN_PROP.exec(src)))
    return setProp(compileExpression(m[1]), m[2] !== undefined ? m[2] : m[3], compileExpression(m[4]))
  throw new Error('[Lightning] template step not understood without eval: ' + src)
}

/** Replaces `new Function("element", "store", loc.join(";\n"))`: same statements, same order, as closures. */
export function templatePatcher(loc) {
  const steps = loc.map(compileStatement)
  const n = steps.length
  return function (element, store) {
    const vars = { element: element, store: store }
    for (let i = 0; i < n; i++) steps[i](vars)
  }
}
