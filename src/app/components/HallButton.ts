/**
 * ui-components' Button with the callbacks its key mixin (withHandleKey) calls typed, so pages set
 * `onEnter` without a cast: OK on the button calls it; true means the key was handled.
 */
import { Button } from '@lightningjs/ui-components'

export default class HallButton extends Button {
  declare onEnter: (() => boolean | void) | undefined
}
