/**
 * ui-components' base theme carries its images (arrows, a check mark, the keypad's backspace) as base64 PNGs, and
 * every theme set turns each into a blob URL byte by byte in JS (`base64ToBlobURL`: half of `_processTheme`'s time,
 * ≈ 0.1 s of a box's boot at CPU ×6: profileBoot.ts, RESULTS.md issue 22). The same PNGs, decoded once into
 * static/icons/ui-*.png (Apache-2.0, from @lightningjs/ui-components-theme-base), are set in their place, so no
 * base64 string is left for that walk. Of them the hall shows only the keypad's delete key.
 */

/** Each base64 image of the base theme, by its path in the theme, and the file that replaces it. */
export const THEME_IMAGE_FILES: Record<string, string> = {
  'asset.arrowLeft': 'icons/ui-arrow-left.png',
  'asset.arrowRight': 'icons/ui-arrow-right.png',
  'asset.backspaceOutline': 'icons/ui-backspace.png',
  'asset.check': 'icons/ui-check.png',
  'componentConfig.Keyboard.style.keyProps.delete.icon': 'icons/ui-backspace.png',
}

/** A theme part that puts those files (as `asset` makes their URLs) where the base theme has its base64 images. */
export function themeImages(asset: (file: string) => string): Record<string, unknown> {
  const theme: Record<string, unknown> = {}
  // The branches made so far, by their path: paths share their first keys (componentConfig.Keyboard…).
  const branches = new Map<string, Record<string, unknown>>()
  for (const [path, file] of Object.entries(THEME_IMAGE_FILES)) {
    const keys = path.split('.')
    let at = theme
    for (let i = 0; i < keys.length - 1; i++) {
      const branchPath = keys.slice(0, i + 1).join('.')
      let branch = branches.get(branchPath)
      if (!branch) {
        branch = {}
        at[keys[i]] = branch
        branches.set(branchPath, branch)
      }
      at = branch
    }
    at[keys[keys.length - 1]] = asset(file)
  }
  return theme
}
