/** The report's stylesheet (inline; the CSP allows exactly this block by its hash). */
export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #656d76; --line: #d8dee4; --soft: #f6f8fa; --bg: #ffffff; --accent: #0969da;
  --red: #cf222e; --red-bg: #ffebe9; --green: #1a7f37; --green-bg: #dafbe1; --amber: #9a6700; --amber-bg: #fff8c5;
  --purple: #8250df; --purple-bg: #fbefff; --orange: #bc4c00; --orange-bg: #fff1e5; --grey-bg: #eaeef2;
  --mono: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; color: var(--fg); background: var(--bg); }
body { margin: 0; }
#app { max-width: 1480px; margin: 0 auto; padding: 0 20px 40px; }
h1 { font-size: 20px; margin: 0 0 4px; }
section.section { scroll-margin-top: 110px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
h3 { font-size: 15px; margin: 0 0 6px; }
h4 { font-size: 13px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.h-note { font-size: 13px; font-weight: normal; color: var(--muted); }
.mono, code, pre { font-family: var(--mono); font-size: 12.5px; }
.small { font-size: 12px; }
.muted { color: var(--muted); }
.offscreen { position: fixed; left: -9999px; top: 0; }
button { font: inherit; cursor: pointer; }
button.link { background: none; border: 0; color: var(--accent); padding: 0; font-size: 13px; font-weight: normal; }
button.link:hover { text-decoration: underline; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }

/* verdict header */
header.verdict { margin: 16px 0 0; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.verdict-line { display: flex; gap: 16px; align-items: center; padding: 14px 16px; }
.go .verdict-line { background: var(--green-bg); border-bottom: 1px solid #aceebb; }
.nogo .verdict-line { background: var(--red-bg); border-bottom: 1px solid #ffcecb; }
.verdict-label { font-size: 22px; font-weight: 800; letter-spacing: .04em; color: #fff; padding: 8px 16px; border-radius: 6px; white-space: nowrap; }
.go .verdict-label { background: var(--green); }
.nogo .verdict-label { background: var(--red); }
.reasons { margin: 0; padding-left: 18px; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 16px; border-bottom: 1px solid var(--line); }
.count { display: flex; align-items: baseline; gap: 6px; border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 6px 12px; border-left-width: 4px; }
.count .n { font-size: 18px; font-weight: 700; font-variant-numeric: tabular-nums; }
.count .l { color: var(--muted); }
.count:hover { background: var(--soft); }
.meta-grid { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 16px; padding: 12px 16px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dl.meta dt, dl.facts dt { color: var(--muted); }
dl.meta dd, dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table.engines { border-collapse: collapse; align-self: start; }
table.engines th, table.engines td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); }
table.engines th { color: var(--muted); font-weight: 600; font-size: 12px; }

/* class colours */
.c-new-divergence { border-left-color: var(--red); --c: var(--red); --cb: var(--red-bg); }
.c-known-quirk, .c-known-regression { border-left-color: var(--purple); --c: var(--purple); --cb: var(--purple-bg); }
.c-waived { border-left-color: var(--amber); --c: var(--amber); --cb: var(--amber-bg); }
.c-crash, .c-timeout { border-left-color: var(--orange); --c: var(--orange); --cb: var(--orange-bg); }
.c-error { border-left-color: #57606a; --c: #57606a; --cb: var(--grey-bg); }
.c-pass { border-left-color: var(--green); --c: var(--green); --cb: var(--green-bg); }
.c-t-new { --c: var(--red); --cb: var(--red-bg); }
.c-t-changed { --c: var(--orange); --cb: var(--orange-bg); }
.c-t-still-failing { --c: var(--amber); --cb: var(--amber-bg); }
.c-t-fixed { --c: var(--green); --cb: var(--green-bg); }
.c-t-removed { --c: #57606a; --cb: var(--grey-bg); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 10px; color: var(--c); background: var(--cb); white-space: nowrap; text-transform: uppercase; letter-spacing: .03em; }

/* toolbar */
.toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; background: var(--bg); border-bottom: 1px solid var(--line); padding: 10px 0; margin-top: 8px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; align-items: center; gap: 2px; border: 1px solid var(--line); border-left: 4px solid var(--c); border-radius: 14px; padding: 2px 10px 2px 6px; font-size: 12.5px; cursor: pointer; user-select: none; }
.chip-n { color: var(--muted); font-variant-numeric: tabular-nums; }
.toolbar select, .toolbar input[type=search], .frame-controls select { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.toolbar input[type=search] { min-width: 260px; flex: 1; }
.shown { color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.keys { color: var(--muted); font-size: 12px; width: 100%; }
.jump { display: flex; gap: 16px; font-size: 13px; padding: 6px 0 0; }

/* groups and cases */
.group { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; background: var(--bg); }
.group-head { width: 100%; display: flex; align-items: center; gap: 10px; text-align: left; background: var(--soft); border: 0; border-radius: 8px; padding: 8px 12px; }
.group.expanded .group-head { border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
.chev { color: var(--muted); transition: transform .1s; display: inline-block; width: 10px; }
.group.expanded .chev { transform: rotate(90deg); }
.sig { font-weight: 600; }
.fp { color: var(--muted); font-size: 12px; }
.group-count { font-weight: 600; white-space: nowrap; }
.example { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; min-width: 0; font-size: 12.5px; }
.case { border-top: 1px solid var(--line); outline: none; scroll-margin-top: 120px; }
.case:first-child { border-top: 0; }
.case-head { display: grid; grid-template-columns: 150px minmax(120px, 220px) minmax(120px, 1fr) minmax(0, 2fr) 70px; gap: 10px; align-items: baseline; padding: 6px 12px; cursor: pointer; }
.case-head > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.case-head > .badge { justify-self: start; max-width: 100%; }
.case-head:hover { background: var(--soft); }
.case.selected > .case-head { background: #ddf4ff; box-shadow: inset 3px 0 0 var(--accent); }
.case-summary { color: var(--muted); font-size: 12.5px; }
.case-time { text-align: right; color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.more { margin: 8px 12px; border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 3px 10px; }
.empty { padding: 12px 0; }

/* case detail */
.detail { padding: 12px 16px 16px; background: #fbfcfd; border-top: 1px dashed var(--line); }
.case-facts { margin-bottom: 10px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
.expired { color: var(--red); font-weight: 600; }
.panel { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); padding: 10px 12px; margin: 10px 0; }
.cause code { background: var(--soft); padding: 1px 5px; border-radius: 4px; }
.error-text { white-space: pre-wrap; margin: 0; color: var(--red); }

/* frames */
.frame-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 10px; font-size: 13px; }
.segmented { display: inline-flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.seg { border: 0; border-right: 1px solid var(--line); background: var(--bg); padding: 4px 12px; font-size: 13px; }
.seg:last-child { border-right: 0; }
.seg.active { background: var(--accent); color: #fff; }
.side { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-start; }
.fig { margin: 0; }
.fig figcaption { font-size: 12px; color: var(--muted); margin-bottom: 4px; font-weight: 600; white-space: pre; }
.stage { position: relative; overflow: hidden; border: 1px solid #afb8c1; cursor: crosshair;
  background-color: #fff; background-image: linear-gradient(45deg, #e6e6e6 25%, transparent 25%, transparent 75%, #e6e6e6 75%), linear-gradient(45deg, #e6e6e6 25%, transparent 25%, transparent 75%, #e6e6e6 75%);
  background-size: 12px 12px; background-position: 0 0, 6px 6px; }
.frame-img { position: absolute; left: 0; top: 0; width: 100%; height: 100%; image-rendering: pixelated; user-select: none; }
.overlay, .slider-top, .blink-ref, .blink-cand { position: absolute; inset: 0; }
.lbox { position: absolute; border: 1px solid rgba(9, 105, 218, .55); pointer-events: none; }
.lbox.hl { border: 2px solid #e5006b; background: rgba(229, 0, 107, .12); }
.probe { position: absolute; display: none; outline: 1px solid #fff; box-shadow: 0 0 0 2px #000; pointer-events: none; z-index: 3; }
.slider-line { position: absolute; top: 0; bottom: 0; width: 2px; margin-left: -1px; background: #fff; box-shadow: 0 0 0 1px rgba(0,0,0,.5); pointer-events: none; }
.fig.slider input[type=range] { display: block; width: 100%; margin-top: 6px; }
.blink-bar { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; font-size: 13px; }
.blink-bar button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 2px 10px; }
.stage[data-showing=reference] .blink-cand { visibility: hidden; }
.stage[data-showing=candidate] .blink-ref { visibility: hidden; }
.readout { margin-top: 8px; padding: 5px 8px; background: var(--soft); border-radius: 4px; min-height: 28px; white-space: pre-wrap; }
.readout.differs { background: var(--red-bg); }

/* tables */
.scroll { overflow: auto; max-height: 480px; }
.scroll.tall { max-height: none; }
table.grid { border-collapse: collapse; font-size: 12.5px; width: max-content; min-width: 100%; }
table.grid th, table.grid td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.grid th { position: sticky; top: 0; background: var(--soft); font-weight: 600; color: var(--muted); font-size: 12px; z-index: 1; }
table.grid .num { text-align: right; font-variant-numeric: tabular-nums; font-family: var(--mono); }
table.layout td.node { white-space: pre; }
table.layout tr.differs td.node { font-weight: 700; color: #a40e5e; }
table.grid td.diff { background: var(--red-bg); color: var(--red); font-weight: 600; }
table.events tr.op-delete td { background: #fff5f5; }
table.events tr.op-insert td { background: #f0fff4; }
table.events tr.op-change td { background: #fffbea; }
.divergence { padding: 6px 0; border-top: 1px solid var(--line); }
.divergence:first-of-type { border-top: 0; }
.div-head { display: flex; gap: 8px; align-items: baseline; margin-bottom: 4px; }
.kind { font-family: var(--mono); font-size: 11px; padding: 0 6px; border-radius: 4px; background: var(--grey-bg); }
.divergence details summary { color: var(--muted); font-size: 12px; cursor: pointer; }
.divergence pre { margin: 4px 0 0; white-space: pre-wrap; max-height: 240px; overflow: auto; }

/* reproducer */
.replay { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
.replay code { background: #1f2328; color: #f6f8fa; padding: 5px 10px; border-radius: 6px; }
.copy { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 2px 10px; font-size: 12.5px; }
.copy[data-copied=yes] { border-color: var(--green); color: var(--green); }
.yaml-head { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; font-size: 12.5px; }
.yaml-head .copy { margin-left: auto; }
pre.yaml { counter-reset: ln; margin: 0; max-height: 360px; overflow: auto; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; }
pre.yaml .ln { display: block; padding: 0 10px 0 0; white-space: pre; }
pre.yaml .ln::before { counter-increment: ln; content: counter(ln); display: inline-block; width: 3.5em; padding-right: 10px; margin-right: 8px; text-align: right; color: #8c959f; border-right: 1px solid var(--line); user-select: none; }
pre.yaml .ln.hit { background: #fff1b8; }

/* quirks */
table.quirks td.quirk-name { min-width: 300px; max-width: 460px; white-space: normal; }
.qstate { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.q-reproduced { background: var(--green-bg); color: var(--green); }
.q-diverges { background: var(--red-bg); color: var(--red); }
.q-waived { background: var(--amber-bg); color: var(--amber); }
.q-failed { background: var(--orange-bg); color: var(--orange); }
.q-not-exercised { background: var(--grey-bg); color: var(--muted); }
td.qcell { min-width: 180px; max-width: 320px; white-space: normal; }
.flag-off { margin-left: 6px; font-size: 11px; color: var(--purple); background: var(--purple-bg); border-radius: 4px; padding: 0 5px; }
.tags { margin-top: 2px; }
.tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; margin-right: 4px; }

/* trend */
.trend-counts { display: flex; gap: 16px; margin-bottom: 8px; }
.tcount strong { font-size: 16px; }
.t-new strong { color: var(--red); } .t-fixed strong { color: var(--green); } .t-still-failing strong { color: var(--amber); } .t-changed strong { color: var(--orange); }

/* performance */
.ratio { font-size: 14px; margin: 0 0 8px; }
.perf { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
.perf-chart { width: 720px; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.perf-chart .axis { font-size: 10.5px; fill: var(--muted); }
.perf-chart .gridline { stroke: #eef1f4; }
.perf-chart .baseline, .perf-chart .tick { stroke: #8c959f; }
.perf-chart .bar.sref { fill: #0969da; fill-opacity: .75; }
.perf-chart .bar.scand { fill: #e16f24; fill-opacity: .8; }
.perf-chart .median { stroke-width: 1.5; stroke-dasharray: 4 3; }
.perf-chart .median.sref { stroke: #0550ae; } .perf-chart .median.scand { stroke: #bc4c00; }
.perf-chart .sref-text { fill: #0550ae; } .perf-chart .scand-text { fill: #bc4c00; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.swatch.sref { background: #0969da; } .swatch.scand { background: #e16f24; }
table.perf-table { width: auto; min-width: 0; }
footer { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
footer p { margin: 2px 0; }
@media (max-width: 900px) { .meta-grid { grid-template-columns: 1fr; } .case-head { grid-template-columns: 110px 1fr 70px; } .case-title, .case-summary { display: none; } }
`;
