/**
 * Looking up a box's error code: the knowledge base's answer, or why there is none in the viewer's words
 * (a code it does not know, a failed look-up); either way ErrorCodeAnswer offers a way on.
 */
import type { StbErrorCode } from '../../contract/index.ts'
import { errorCode } from './api.ts'
import { t } from './i18n.ts'
import { errorMessageKey } from './i18nKeys.ts'
import { repairApi } from './repairApi.ts'

export interface CodeAnswer {
  result: StbErrorCode | null
  /** Why there is no result; '' while there is none yet. */
  message: string
}

export const NO_ANSWER: CodeAnswer = { result: null, message: '' }

/** Never fails: a failure is an answer with its message. */
export function lookUpCode(code: string): Promise<CodeAnswer> {
  return repairApi.errorCode(code).then(
    (result) => ({ result, message: '' }),
    (e: unknown) => {
      const c = errorCode(e)
      return { result: null, message: c === 'NOT_FOUND' ? t('code.notFound', { code }) : t(errorMessageKey(c)) }
    },
  )
}
