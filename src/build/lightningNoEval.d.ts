/** Types of ./lightningNoEval.js (plain JS: rollup.config.js imports it). */
import type { Plugin } from 'rollup'
export function evalUses(code: string): string[]
export default function lightningNoEval(options?: { checkBundle?: boolean }): Plugin
