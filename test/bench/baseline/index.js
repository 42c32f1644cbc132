/**
 * The benchmark's baseline: the smallest Lightning app that stands on the same feet as the hall
 * (core + SDK Launch + ui-components, built by the same rollup config). One Row of Buttons with text,
 * nothing fetched, nothing routed: what any Lightning app costs on this box before it does anything.
 * Plain JS because the shared config compiles TypeScript only under src/ and mocks/; everything after
 * that step (resolve, commonjs, babel for each target, terser) is the same as for the hall.
 */
import { Launch, Lightning } from '@lightningjs/sdk'
import { Button, Row } from '@lightningjs/ui-components'

const LABELS = ['余额', '账单', '套餐', '充值', '报修', '消息', '帮助']

class BaselineApp extends Lightning.Component {
  static _template() {
    return {
      Background: { rect: true, w: 1920, h: 1080, color: 0xff0b1a2e },
      Menu: {
        type: Row,
        x: 90,
        y: 400,
        w: 1740,
        h: 120,
        style: { itemSpacing: 40 },
        items: LABELS.map((title, i) => ({ type: Button, ref: `Button${i}`, title, w: 220, h: 100 })),
      },
    }
  }

  _getFocused() {
    return this.tag('Menu')
  }
}

export default function start(appSettings, platformSettings, appData) {
  return Launch(BaselineApp, appSettings, platformSettings, appData)
}
