import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evalUses } from '../../../src/build/lightningNoEval.js'
import {
  getterRouter,
  methodRouter,
  pathGetter,
  pathSetter,
  setterRouter,
  templatePatcher,
} from '../../../src/build/lightningNoEvalRuntime.js'

// The CSP has no 'unsafe-eval' (issue 15): the built bundles compile no code at run time, and the closures that
// replace Lightning core's `new Function` code do what core's generated code did (held against that code here).

const DIST = new URL('../../../dist/js/', import.meta.url).pathname

describe('the built TV app bundles', () => {
  for (const file of ['app.modern.js', 'app.legacy.js']) {
    it(`${file} holds no \`new Function\` or \`Function(...)\` and carries the closure versions`, () => {
      if (!existsSync(DIST + file))
        throw new Error(`${DIST}${file} is missing: run \`npm run build\` first (npm test does)`)
      const code = readFileSync(DIST + file, 'utf8')
      expect(evalUses(code)).toEqual([])
      expect(code).toContain('templatePatcher')
    })
  }

  it('the check finds every way of calling the Function constructor, and nothing else', () => {
    expect(evalUses('var f = new Function("a", "return a")')).toHaveLength(1)
    expect(evalUses('g = Function("return this")()')).toHaveLength(1)
    expect(evalUses('Function.apply(null, ["x"])')).toHaveLength(1)
    expect(
      evalUses('if (Utils.isFunction(x) || typeof x === "function" || x instanceof Function) y.Function(1)'),
    ).toEqual([])
  })
})

/** Core 2.20's router code (StateMachine._addMethodRouter & co.), as it built it, for comparison. */
function coreRouterCode(aliases: (string | null)[], hit: (alias: string) => string, miss: string): string {
  const code = ['var i = this._stateIndex;']
  let cur = aliases[0]
  for (let i = 1; i < aliases.length; i++) {
    if (aliases[i] !== cur) code.push(cur ? `if (i < ${i}) ${hit(cur)}; else` : `if (i < ${i}) ${miss}; else`)
    cur = aliases[i]
  }
  code.push(cur ? `${hit(cur)};` : ';')
  return code.join('\n')
}

describe('state routers without eval', () => {
  const cases: (string | null)[][] = [[], ['$a'], [null], ['$a', '$a', null, '$b', '$b', '$a'], [null, '$b', null]]
  const indexes = [-1, 0, 1, 2, 3, 4, 5, 6, 9, undefined]
  const target = (i: number | undefined) => ({
    _stateIndex: i,
    $a(...args: unknown[]) {
      return ['a', ...args]
    },
    $b(...args: unknown[]) {
      return ['b', ...args]
    },
  })
  for (const aliases of cases) {
    it(`picks the same state member as core for ${JSON.stringify(aliases)}`, () => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the reference: core's own generated code
      const coreMethod = new Function(
        coreRouterCode(aliases, (a) => `return this["${a}"].apply(this, arguments)`, 'return '),
      ) as (...a: unknown[]) => unknown
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const coreGet = new Function(coreRouterCode(aliases, (a) => `return this["${a}"]`, 'return ')) as () => unknown
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const coreSet = new Function(
        'arg',
        coreRouterCode(aliases, (a) => `this["${a}"] = arg`, ''),
      ) as (arg: unknown) => void
      for (const i of indexes) {
        const t = target(i)
        expect(methodRouter(aliases).call(t, 1, 2)).toEqual(coreMethod.call(t, 1, 2))
        expect(getterRouter(aliases).call(t)).toBe(coreGet.call(t))
        const mine = target(i) as Record<string, unknown>
        const theirs = target(i) as Record<string, unknown>
        setterRouter(aliases).call(mine, 7)
        coreSet.call(theirs, 7)
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs))
      }
    })
  }
})

describe('property accessors without eval', () => {
  it('read and write dotted paths as `obj.<path>` does', () => {
    const obj = { x: 1, texture: { w: 2, shader: { amount: 3 } } }
    expect(pathGetter('x')(obj)).toBe(1)
    expect(pathGetter('texture.shader.amount')(obj)).toBe(3)
    pathSetter('texture.shader.amount')(obj, 9)
    pathSetter('x')(obj, 5)
    expect(obj).toEqual({ x: 5, texture: { w: 2, shader: { amount: 9 } } })
    expect(() => pathGetter('x; alert(1)')).toThrow(/unsupported property path/)
  })
})

describe('templates without eval', () => {
  /** A stand-in element recording what the template does to it. */
  class El {
    static made = 0
    id = ++El.made
    props: Record<string, unknown> = {}
    children: unknown[] = []
    stage: { createElement: () => El }
    texture: El | undefined
    text: El | undefined
    constructor(stage?: { createElement: () => El }) {
      this.stage = stage ?? { createElement: () => new El(this.stage) }
      return new Proxy(this, {
        get: (t, k) =>
          typeof k === 'string' && k in t.props ? t.props[k] : (t as Record<string | symbol, unknown>)[k],
        set: (t, k, v) => {
          if (typeof k === 'string' && !['props', 'children', 'stage', 'texture', 'text'].includes(k)) t.props[k] = v
          else (t as Record<string | symbol, unknown>)[k] = v
          return true
        },
      })
    }
    get childList() {
      return { add: (c: unknown) => this.children.push(c) }
    }
    enableTextTexture() {
      return (this.text ??= new El(this.stage))
    }
    __bindProperty(binding: unknown, target: unknown, key: string) {
      this.props[`bound:${key}`] = [binding, target]
    }
  }
  // Every statement form Component.parseTemplateRec / parseTemplatePropRec / parsePropertyBindings writes.
  const binding = { __propertyBinding: true }
  const store: unknown[] = [El, { y: 3 }, binding, El, binding, [1, 2], El]
  const loc = [
    'var rList0 = element.stage.createElement()',
    'rList0.ref = "List"',
    'var rItem1 = new store[0](rList0.stage)',
    'rItem1.ref = "Item"',
    'rItem1["x"] = -1.5e-7',
    'rItem1["visible"] = false',
    'rItem1["color"] = "0xff00ff = \\"x\\"; y"',
    'rItem1["pos"] = store[1]',
    'rItem1["nothing"] = undefined',
    'var rItem1__text = rItem1.enableTextTexture()',
    'rItem1__text["text"] = "标题"',
    'element.__bindProperty(store[2], rItem1__text, "fontSize")',
    'rList0.childList.add(rItem1)',
    'element.childList.add(rList0)',
    'var element__texture = new store[3](element.stage)',
    'element__texture["w"] = 10',
    'element["texture"] = element__texture',
    'element__texture = element.texture',
    'element__texture["h"] = Infinity',
    'element["shader"] = store[1]',
    'element.__bindProperty(store[4], element["shader"], "amount")',
    'element["list"] = store[5]',
    'element.childList.add(store[6])',
  ]
  it("does what core's compiled template did, statement for statement", () => {
    El.made = 0
    const mine = new El()
    templatePatcher(loc)(mine, store)
    El.made = 0
    const theirs = new El()
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the reference: core's own compilation
    ;(new Function('element', 'store', loc.join(';\n')) as (e: unknown, s: unknown[]) => void)(theirs, store)
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs))
    expect(JSON.stringify(mine)).toContain('标题')
  })
  it('refuses a statement it does not know instead of guessing', () => {
    expect(() => templatePatcher(['element.x = alert(1)'])).toThrow(/not understood/)
  })
})
