// ui-components' base theme ships no types; the test reads it as plain data.
declare module '@lightningjs/ui-components-theme-base' {
  const theme: Record<string, unknown>
  export default theme
}
