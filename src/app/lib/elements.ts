/**
 * Typed reads of Lightning's element tree where its types stop: a loose spec types tag() as any, and `children`
 * are plain Elements while the focus (`_getFocused`) wants a Component. Each read is checked at run time, not
 * cast, so a missing name or a row of plain elements gives undefined (and no focus). Types only from the SDK:
 * unit tests load this without a canvas.
 */
import type { Lightning } from '@lightningjs/sdk'

const isElement = (x: unknown): x is Lightning.Element => typeof x === 'object' && x !== null && 'childList' in x

/** Only a component can take the focus: it is an element with the focus methods. */
const isComponent = (x: unknown): x is Lightning.Component =>
  isElement(x) && typeof Reflect.get(x, '_getFocused') === 'function'

/** The `index`th child of `parent` when it is a component (a button of a row built from configs), else undefined. */
export function componentAt(parent: Lightning.Element | undefined, index: number): Lightning.Component | undefined {
  const child = parent?.children[index]
  return isComponent(child) ? child : undefined
}

/** The element tagged `name` under `root`, for code that knows only a name. */
export function taggedElement(root: Lightning.Element, name: string): Lightning.Element | undefined {
  const found: unknown = root.tag(name)
  return isElement(found) ? found : undefined
}

/** The component tagged `name` under `root` (for the focus), undefined when it is missing or a plain element. */
export function taggedComponent(root: Lightning.Element, name: string): Lightning.Component | undefined {
  const found: unknown = root.tag(name)
  return isComponent(found) ? found : undefined
}
