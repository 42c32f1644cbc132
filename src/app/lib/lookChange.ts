/** Settings tells the App that the viewer changed the look; the App carries it into the running hall. */
let listener: (() => void) | null = null

export function onLookChange(fn: () => void): void {
  listener = fn
}

export function lookChanged(): void {
  if (listener) listener()
}
