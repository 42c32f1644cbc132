/** Result codes of the v2.3 protocol (README "Result codes"). */
export const RSP_DESC = {
  '0000': '成功',
  '1001': '签名无效或请求时间超出范围',
  '1002': '参数缺失或格式错误',
  '1003': '未知服务编码',
  '2001': '客户不存在或机顶盒与智能卡不匹配',
  '2002': '记录不存在',
  '2003': '账户已欠费停机',
  '2004': '机顶盒认证失败',
  '3001': '账户余额不足',
  '3002': '订单号已使用',
  '3003': '产品冲突',
  '3004': '订购密码错误',
  '3005': '超出家庭每月消费限额',
  '4001': '充值卡号或密码错误',
  '4002': '充值卡已使用',
  '4003': '充值卡已过期',
  '4004': '充值卡不适用于本地区',
  '5001': '预约时段不可用',
  '5002': '工单状态不允许此操作',
  '9999': '系统繁忙',
} as const

export type RspCode = keyof typeof RSP_DESC

/** Response BODY: flat strings, or lists of flat string objects. */
export type BodyValue = string | Array<Record<string, string>>
export type ResponseBody = Record<string, BodyValue>

/** A business or protocol outcome other than success; the gateway turns it into an HTTP 200 envelope. */
export class BossError extends Error {
  readonly code: RspCode
  readonly body: ResponseBody

  constructor(code: RspCode, desc?: string, body: ResponseBody = {}) {
    super(desc ?? RSP_DESC[code])
    this.code = code
    this.body = body
  }
}
