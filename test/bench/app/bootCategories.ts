/**
 * A cold start's sampled CPU by what it was for: each sample goes to the first rule whose pattern matches a
 * function on its stack (leaf first for the narrow rules, so a text texture drawn inside a frame counts as a
 * text texture). Names are the minified bundle's own (terser keeps class and function names for Lightning).
 */
export interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
    children?: number[]
  }[]
  samples: number[]
  timeDeltas: number[]
}

const RULES: Array<[string, RegExp]> = [
  ['idle', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['text textures (draw, measure, upload)', /TextTexture|uploadGlTexture|getImageData|fillText|measureText|texImage2D/],
  ['fonts', /FontFace|loadFonts|fontLoader/],
  [
    'Lightning stage and WebGL set-up',
    /^(Stage|WebGLRenderer|WebGLShader|WebGLDefaultShader|Application|WebPlatform|createWebGLContext|compileShader|linkProgram|getContext|_initRenderer)$/,
  ],
  [
    'Lightning frames (update, layout, draw, excl. text)',
    /^(renderFrame|drawFrame|_updateTreeOrder|updateTreeOrder|render|_performUpdateSource|update|_update)$/,
  ],
  ['requests (axios, XHR, JSON)', /axios|dispatchXhrRequest|xhrAdapter|^send$|^parse$|onloadend/],
  [
    'pages and components built (templates, patch)',
    /_template|^patch$|_setup|_init|_construct|_attach|startRouter|navigate|Router/,
  ],
  ['settings, mocks, i18n, theme', /setLanguage|loadTranslations|applyLook|applyUiTheme|Settings|i18n/],
]

export function bootCategories(p: CpuProfile): Array<[string, number]> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const out = new Map<string, number>()
  const add = (k: string, ms: number) => out.set(k, (out.get(k) ?? 0) + ms)
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000
    const stack: { name: string; url: string }[] = []
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!
      stack.push({ name: n.callFrame.functionName, url: n.callFrame.url })
    }
    for (const [label, re] of RULES) {
      if (stack.some((f) => re.test(f.name))) return add(label, ms)
    }
    // Left: code run while a script is evaluated at top level (its own module bodies and what they call).
    const script = [...stack].reverse().find((f) => f.url)
    if (script) return add(`other, in ${script.url.split('/').pop()}`, ms)
    add(`other: ${stack[0]?.name || '?'}`, ms)
  })
  return [...out].sort((a, b) => b[1] - a[1])
}

/**
 * The same samples in time slices (`sliceMs` wide, from `originUs`, the navigation's start on the profile's
 * clock): per slice its busiest categories and the bundle functions nearest the leaf, to follow the boot in order.
 */
export function bootTimeline(p: CpuProfile & { startTime: number }, originUs: number, sliceMs = 250): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const slices = new Map<number, Map<string, number>>()
  let t = p.startTime
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000
    const slice = Math.floor((t - originUs) / 1000 / sliceMs)
    const names: string[] = []
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame
      if (f.functionName && (f.url.endsWith('.js') || !f.url)) names.push(f.functionName)
      if (names.length === 3) break
    }
    const label = names.length ? names.join('<') : byId.get(id)!.callFrame.functionName || '(anon)'
    const m = slices.get(slice) ?? new Map<string, number>()
    m.set(label, (m.get(label) ?? 0) + ms)
    slices.set(slice, m)
  })
  return [...slices]
    .sort((a, b) => a[0] - b[0])
    .map(([s, m]) => {
      const top = [...m]
        .filter(([k]) => k !== '(idle)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${v.toFixed(0)} ${k}`)
      return `  ${String(s * sliceMs).padStart(6)} ms  busy ${[...m]
        .filter(([k]) => k !== '(idle)')
        .reduce((a, [, v]) => a + v, 0)
        .toFixed(0)
        .padStart(3)}: ${top.join(' | ')}`
    })
}
