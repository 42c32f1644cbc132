/** Types of ./lightningNoEvalRuntime.js (plain JS: rollup splices it into Lightning core's own modules). */
export function pathGetter(path: string): (obj: unknown) => unknown
export function pathSetter(path: string): (obj: unknown, v: unknown) => void
export function methodRouter(aliases: (string | null)[]): (this: Record<string, unknown>, ...args: unknown[]) => unknown
export function getterRouter(aliases: (string | null)[]): (this: Record<string, unknown>) => unknown
export function setterRouter(aliases: (string | null)[]): (this: Record<string, unknown>, arg: unknown) => void
export function templatePatcher(loc: string[]): (element: unknown, store: unknown[]) => void
