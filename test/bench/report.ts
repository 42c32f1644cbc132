import type { AppBench } from './app/benchApp.ts'
import type { WpeBench } from './app/wpeBench.ts'
import type { BffBench } from './bff/benchBff.ts'
import type { ScaleOutBench } from './bff/scaleOut.ts'
import type { Step } from './bff/load.ts'
import { percentile } from './lib/stats.ts'

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–')
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')
const signed = (n: number) => (n >= 0 ? `+${f0(n)}` : `−${f0(-n)}`)
const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)}` : '–')
const med = (xs: number[]) => percentile(xs, 50)

/** The figures as one markdown table: what was measured, the hall (subject), its baseline, and how far apart. */
export function table(
  app: AppBench | null,
  bff: BffBench | null,
  wpe: WpeBench | null = null,
  scale: ScaleOutBench | null = null,
): string {
  const rows: string[][] = []
  if (app) {
    const { sizes: s, hallKeys: hk, baseKeys: bk, mem } = app
    rows.push([
      'Modern bundle, gzip KB',
      f1(s.modern.hall),
      f1(s.modern.baseline),
      ratio(s.modern.hall, s.modern.baseline),
    ])
    rows.push([
      'Legacy (ES5) bundle, gzip KB',
      f1(s.legacy.hall),
      f1(s.legacy.baseline),
      ratio(s.legacy.hall, s.legacy.baseline),
    ])
    rows.push([
      `Navigation → the household's name drawn on home (hall, __tvhall.scan() every 100 ms, then its frame) / first frame (baseline), ms, median of ${app.hallBoot.length}`,
      f0(med(app.hallBoot)),
      f0(med(app.baseBoot)),
      `+${f0(med(app.hallBoot) - med(app.baseBoot))} ms`,
    ])
    rows.push([
      `Key-to-frame p50, ms (hall n=${hk.samples.length}, ${hk.noEffect} presses drew nothing; baseline Row n=${bk.samples.length})`,
      f1(percentile(hk.samples, 50)),
      f1(percentile(bk.samples, 50)),
      ratio(percentile(hk.samples, 50), percentile(bk.samples, 50)),
    ])
    rows.push([
      'Key-to-frame p95, ms',
      f1(percentile(hk.samples, 95)),
      f1(percentile(bk.samples, 95)),
      ratio(percentile(hk.samples, 95), percentile(bk.samples, 95)),
    ])
    for (const [name, xs] of Object.entries(hk.bySegment))
      rows.push([
        `  key-to-frame on ${name}: p50 / p95, ms (n=${xs.length})`,
        `${f1(percentile(xs, 50))} / ${f1(percentile(xs, 95))}`,
        '',
        '',
      ])
    const baseScroll = `${f1(app.scrollBaseline.fps)} / ${app.scrollBaseline.dropped} (Row, ${app.scrollBaseline.rows} across and back)`
    rows.push([
      `Scrolling payments (longest list, ${app.scrollPayments.rows} rows down and up, a key every 120 ms): fps / dropped frames`,
      `${f1(app.scrollPayments.fps)} / ${app.scrollPayments.dropped}`,
      baseScroll,
      '',
    ])
    rows.push([
      `Scrolling bills list (${app.scrollBills.rows} rows down and up): fps / dropped frames`,
      `${f1(app.scrollBills.fps)} / ${app.scrollBills.dropped}`,
      baseScroll,
      '',
    ])
    rows.push([
      `Scrolling the channel list of ${app.channelProduct} (product detail, ${app.scrollChannels.rows} rows down and up): fps / dropped frames`,
      `${f1(app.scrollChannels.fps)} / ${app.scrollChannels.dropped}`,
      baseScroll,
      '',
    ])
    rows.push([
      `JS heap after GC, MB: after round 1 → after round ${mem.visits / app.screens.length} of ${app.screens.length} screens`,
      `${f1(mem.first.heapMB)} → ${f1(mem.last.heapMB)}`,
      'growth ≤ 2 MB',
      mem.last.heapMB - mem.first.heapMB <= 2 ? 'ok' : 'LEAK?',
    ])
    rows.push([
      'Lightning texture memory after gc(true), MP (×4 = MB)',
      `${f1(mem.first.textureMP)} → ${f1(mem.last.textureMP)}`,
      'growth ≤ 0.5 MP',
      mem.last.textureMP - mem.first.textureMP <= 0.5 ? 'ok' : 'LEAK?',
    ])
  }
  if (wpe) {
    const { hallKeys: hk, baseKeys: bk } = wpe
    const engine = `WPE WebKit ${wpe.version} (cog headless, CPU not throttled)`
    rows.push([
      `${engine}: navigation → home interactive with live data (hall) / first frame (baseline), ms, median of ${wpe.hallBoot.length}`,
      f0(med(wpe.hallBoot)),
      f0(med(wpe.baseBoot)),
      `+${f0(med(wpe.hallBoot) - med(wpe.baseBoot))} ms`,
    ])
    rows.push([
      `${engine}: key-to-frame p50, ms (hall n=${hk.samples.length}, ${hk.noEffect} presses drew nothing; baseline Row n=${bk.samples.length})`,
      f1(percentile(hk.samples, 50)),
      f1(percentile(bk.samples, 50)),
      ratio(percentile(hk.samples, 50), percentile(bk.samples, 50)),
    ])
    rows.push([
      `${engine}: key-to-frame p95, ms`,
      f1(percentile(hk.samples, 95)),
      f1(percentile(bk.samples, 95)),
      ratio(percentile(hk.samples, 95), percentile(bk.samples, 95)),
    ])
    for (const [name, xs] of Object.entries(hk.bySegment))
      rows.push([
        `  WPE key-to-frame on ${name}: p50 / p95, ms (n=${xs.length})`,
        `${f1(percentile(xs, 50))} / ${f1(percentile(xs, 95))}`,
        '',
        '',
      ])
  }
  if (bff) {
    const d = bff.atRateDirect
    const b = bff.atRateBff
    rows.push([
      `Account balance at ${bff.rate} rps fixed rate: BFF GET /api/v1/account vs BOSS gateway direct, p50 ms`,
      f0(b.p50),
      f0(d.p50),
      `${signed(b.p50 - d.p50)} ms`,
    ])
    rows.push(['  same, p99 ms', f0(b.p99), f0(d.p99), `${signed(b.p99 - d.p99)} ms`])
    const sd = bff.stepDirect.max,
      sp = bff.stepProxy.max,
      sb = bff.stepBff.max
    const stepCell = (m: Step | null) => (m ? `${m.target} (p99 ${f0(m.p99)} ms)` : 'none')
    const codes = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')
    rows.push([
      `Max arrival rate with ≤ 1 % errors, ${bff.stepSeconds} s steps offered to stub, proxy and BFF in turn (ladder ${bff.ladder[0]}…${bff.ladder[bff.ladder.length - 1]}: 10–130 % of the stub's ${f0(bff.stubNow.rps)} rps closed loop just before), requests round robin over ${bff.households} boxes' sessions: BFF GET /api/v1/account vs @fastify/http-proxy → stub, rps (p99 at that step)`,
      stepCell(sb),
      stepCell(sp),
      sb && sp ? ratio(sb.target, sp.target) : '–',
    ])
    rows.push(['  stub alone (gateway direct), same steps', stepCell(sd), '', ''])
    const over = bff.stepBff.steps.find((x) => !x.ok)
    rows.push([
      '  BFF status codes at its max step / first step over',
      sb ? codes(sb.codes) : '–',
      '',
      over
        ? `at ${over.target}: ${codes(over.codes)}, got ${f0(over.rps)} rps, p99 ${f0(over.p99)} ms`
        : 'ladder top reached',
    ])
    rows.push([
      `Closed loop, ${bff.connections} connections, median of ${bff.flatRounds} rounds taken in turn: BFF GET /api/v1/account vs @fastify/http-proxy → stub, rps (errors)`,
      `${f0(bff.maxBff.rps)} (${f1(bff.maxBff.errors * 100)}%)`,
      `${f0(bff.maxProxy.rps)} (${f1(bff.maxProxy.errors * 100)}%)`,
      `×${med(bff.flatRatios).toFixed(2)} (median of the rounds' ratios ${bff.flatRatios.map((r) => r.toFixed(2)).join(', ')}); stub alone ${f0(bff.maxDirect.rps)}`,
    ])
    rows.push([
      '  same, p99 ms',
      f0(bff.maxBff.p99),
      f0(bff.maxProxy.p99),
      `${signed(bff.maxBff.p99 - bff.maxProxy.p99)} ms (stub alone ${f0(bff.maxDirect.p99)})`,
    ])
    rows.push([
      `RSS at ${bff.peak} rps steady, MB: BFF for ${bff.memorySeconds} s vs a bare fastify app on the same Node for ${bff.bareSeconds} s, start → max (end); load average ${bff.loadDuringSteady.map((n) => n.toFixed(1)).join(', ')} as it began`,
      `${f0(bff.rss[0])} → ${f0(Math.max(...bff.rss))} (${f0(bff.rss[bff.rss.length - 1])})`,
      `${f0(bff.bareRss[0])} → ${f0(Math.max(...bff.bareRss))} (${f0(bff.bareRss[bff.bareRss.length - 1])})`,
      `${ratio(Math.max(...bff.rss), Math.max(...bff.bareRss))}; BFF p99 ${f0(bff.steady.p99)} ms, ${codes(bff.steady.codes)}`,
    ])
    const g = bff.growth
    rows.push([
      '  BFF RSS growth over the steady run: median of its second sixth → of its last sixth, MB',
      `${f0(g.first)} → ${f0(g.last)}`,
      '',
      `${g.growth >= 0 ? '+' : '−'}${f1(Math.abs(g.growth) * 100)} % (${g.growth <= 0.05 ? 'no growth: within 5 %' : 'GROWS: more than 5 %'})`,
    ])
    rows.push([
      '  load average (1, 5, 15 min) at the end of the BFF half',
      bff.loadAverage.map((n) => n.toFixed(1)).join(', '),
      '',
      '',
    ])
  }
  if (scale) {
    const stepOf = (m: Step | null) => (m ? `${m.target} (p99 ${f0(m.p99)} ms)` : 'none')
    rows.push([
      `Scale-out on one Redis, closed loop ${scale.one.runs.length} rounds in turn: two BFF instances (Node cluster) vs one, GET /api/v1/account rps (p99 ms)`,
      `${f0(scale.two.rps)} (${f0(scale.two.p99)})`,
      `${f0(scale.one.rps)} (${f0(scale.one.p99)})`,
      `×${med(scale.ratios).toFixed(2)} (rounds ${scale.ratios.map((r) => r.toFixed(2)).join(', ')}); stub alone ${f0(scale.stub.rps)}`,
    ])
    rows.push([
      '  same, max arrival rate with ≤ 1 % errors (ladder relative to the stub, steps in turn)',
      stepOf(scale.steps.two.max),
      stepOf(scale.steps.one.max),
      scale.steps.two.max && scale.steps.one.max ? ratio(scale.steps.two.max.target, scale.steps.one.max.target) : '–',
    ])
    rows.push([
      '  RSS after the runs, MB (pair: both instances, the cluster primary apart); load average at the end',
      `${f0(scale.rssTwo)} (+ primary ${f0(scale.rssBalancer)})`,
      f0(scale.rssOne),
      scale.loadAverage.map((n) => n.toFixed(1)).join(', '),
    ])
  }
  return [
    '| measure | hall (subject) | baseline | difference |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}
