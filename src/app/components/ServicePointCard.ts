/** One service point (营业网点): name, address, hours and phone, with a QR code a phone opens as a map. */
import { Lightning } from '@lightningjs/sdk'
import type { ServicePoint } from '../../contract/index.ts'
import { localized, t } from '../lib/i18n.ts'
import { insertZeroWidthSpaces } from '../lib/text.ts'
import { Colors, FontSize, textPatch } from '../lib/theme.ts'
import QrCode from './QrCode.ts'

export const POINT_W = 1160
export const POINT_H = 236
const QR_SIZE = 200

export interface ServicePointCardSpec extends Lightning.Component.TemplateSpec {
  point: ServicePoint
  Body: object
  PointName: object
  PointAddress: object
  PointHours: object
  PointPhone: object
  PointQr: typeof QrCode
  QrHint: object
}

export default class ServicePointCard
  extends Lightning.Component<ServicePointCardSpec>
  implements Lightning.Component.ImplementTemplateSpec<ServicePointCardSpec>
{
  static override _template(): Lightning.Component.Template<ServicePointCardSpec> {
    return {
      w: POINT_W,
      h: POINT_H,
      Body: { texture: Lightning.Tools.getRoundRect(POINT_W, POINT_H, 16, 0, 0, true, Colors.panel) },
      PointName: { x: 32, y: 24, text: textPatch('', { fontSize: FontSize.heading }) },
      PointAddress: { x: 32, y: 86, text: textPatch('') },
      PointHours: { x: 32, y: 140, text: textPatch('') },
      PointPhone: { x: 32, y: 188, text: textPatch('') },
      PointQr: { type: QrCode, x: POINT_W - 20, mountX: 1, y: 20, size: QR_SIZE },
      QrHint: { x: POINT_W - 20 - QR_SIZE - 24, mountX: 1, y: POINT_H - 56, text: textPatch('') },
    }
  }

  set point(p: ServicePoint) {
    const textW = POINT_W - QR_SIZE - 80
    this.patch({
      PointName: {
        text: textPatch(insertZeroWidthSpaces(localized(p.name)), {
          fontSize: FontSize.heading,
          fontStyle: 'bold',
          wordWrapWidth: textW,
          maxLines: 1,
        }),
      },
      PointAddress: {
        text: textPatch(insertZeroWidthSpaces(localized(p.address)), {
          fontSize: FontSize.body,
          wordWrapWidth: textW,
          maxLines: 1,
        }),
      },
      PointHours: {
        text: textPatch(insertZeroWidthSpaces(t('help.hours', { hours: localized(p.hours) })), {
          fontSize: FontSize.small,
          textColor: Colors.textMuted,
          wordWrapWidth: textW,
          maxLines: 1,
        }),
      },
      PointPhone: {
        text: textPatch(t('help.phone', { phone: p.phone }), { fontSize: FontSize.small, textColor: Colors.textMuted }),
      },
      QrHint: { text: textPatch(t('help.scanMap'), { fontSize: FontSize.small, textColor: Colors.accent }) },
    })
    this.tag('PointQr')!.value = p.mapUrl
  }
}
