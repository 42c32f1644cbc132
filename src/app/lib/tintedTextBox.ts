/**
 * ui-components' texts (button titles, the keypad's keys, tabs) drawn white once and coloured by their element's
 * tint, as the hall's own rows are (rowLook.ts). Their style gives a focused button another `textColor`, which is
 * part of the text texture: every focus move redrew and uploaded two texts (the keypad's arrows drew each key's
 * digit again on focus and on blur: profileKeys.ts, RESULTS.md issue 22). Tinted, a focus move changes only a colour.
 *
 * Nothing may reach the texture as another value, not even for a moment: Lightning frees a text's canvas as soon as
 * any of its settings is set to another value and draws it again at the next frame, even when the settings end up as
 * they were (Texture `_replaceTextureSource` frees the unused source before it re-adds it). Besides the colour, the
 * font stack does so: each of ui-components' style modes holds its own copy of the theme's `fontFamily` array, and
 * Lightning compares arrays by identity.
 */
import { WHITE } from './rowLook.ts'

/** The parts of a Lightning text texture this touches. */
export interface TextTextureLike {
  textColor: number
  shadow?: boolean
  highlight?: boolean
}

/** The parts of a Lightning text element this touches: its tint and its text texture. */
export interface TintableText {
  color: number
  text: TextTextureLike | null
}

const pinned = new WeakSet<object>()

/** The accessor `key` the texture had before it was pinned (its class's own). */
function accessor(tx: object, key: string): PropertyDescriptor | undefined {
  for (let p: object | null = tx; p; p = Reflect.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key)
    if (d) return d.get && d.set ? d : undefined
  }
  return undefined
}

const sameFace = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.join('\n') === b.join('\n'))

/** A font stack equal to the one the texture has is not set again. */
function pinFace(tx: object): void {
  const d = accessor(tx, 'fontFace')
  if (!d) return
  const get = (): unknown => d.get!.call(tx)
  Object.defineProperty(tx, 'fontFace', {
    configurable: true,
    get,
    set: (v: unknown) => {
      if (!sameFace(get(), v)) d.set!.call(tx, v)
    },
  })
}

/**
 * Pins `el`'s text texture to white: a colour set on it from now on goes to the element's tint (and an equal font
 * stack is not set again). A shadow or a
 * highlight is drawn in the texture in its own colour, which a tint would colour too: such a text keeps its colour
 * in the texture.
 */
export function tintText(el: TintableText | null | undefined): void {
  const tx = el && el.text
  if (!el || !tx || pinned.has(tx)) return
  const d = accessor(tx, 'textColor')
  if (!d) return
  const get = (): number => Number(d.get!.call(tx))
  const set = (v: number): void => d.set!.call(tx, v)
  pinned.add(tx)
  pinFace(tx)
  const paint = (v: number) => {
    if (tx.shadow || tx.highlight) {
      el.color = WHITE
      set(v)
    } else {
      el.color = v
      set(WHITE)
    }
  }
  paint(get())
  Object.defineProperty(tx, 'textColor', { configurable: true, get, set: paint })
}

interface TextBoxLike {
  _Text?: TintableText | null
  _updateText(): void
}

/**
 * A ui-components theme extension (`extensions` of the theme: ui-components calls it with `new`, so a function,
 * not an arrow). TextBox makes its text element on its first update: it is pinned then, before its first frame;
 * every later style patch sets the colour through the pin.
 */
export function tintedTextBox(Base: new () => TextBoxLike): new () => TextBoxLike {
  return class extends Base {
    override _updateText(): void {
      super._updateText()
      tintText(this._Text)
    }
  }
}
