// The page's inline CSS and JS. Kept plain (no framework) so the report opens anywhere offline.
#include "report/html_parts.hpp"

namespace pipemu::report::html {

const char* style() {
  return R"CSS(
:root { --ok:#1a7f37; --ok-bg:#dafbe1; --bad:#cf222e; --bad-bg:#ffebe9; --run:#9a6700;
  --run-bg:#fff8c5; --none:#8c959f; --none-bg:#f6f8fa; --stop:#8250df; --stop-bg:#fbefff;
  --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --panel:#f6f8fa; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color:var(--fg); background:var(--bg); }
main { max-width:1280px; margin:0 auto; padding:20px 28px 60px; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size:12.5px; }
h1 { font-size:24px; margin:4px 0 6px; display:flex; gap:12px; align-items:center; }
h2 { font-size:18px; margin:34px 0 8px; padding-bottom:6px; border-bottom:1px solid var(--line); }
h3 { font-size:15px; margin:18px 0 8px; }
a { color:#0969da; text-decoration:none; } a:hover { text-decoration:underline; }
.hint, .muted { color:var(--muted); } .hint { margin:0 0 10px; }
.summary { font-size:15px; margin:0 0 10px; }
.pill { display:inline-block; padding:2px 10px; border-radius:999px; font-size:13px;
  font-weight:600; border:1px solid currentColor; }
.chip { display:inline-block; padding:0 7px; border-radius:6px; font-size:12px;
  border:1px solid var(--line); background:var(--panel); white-space:nowrap; }
.ro { display:inline-block; padding:0 6px; border-radius:6px; font-size:11px; background:#eaeef2;
  color:var(--muted); }
.st-succeeded { color:var(--ok); } .st-failed { color:var(--bad); }
.st-inprogress { color:var(--run); } .st-notstarted { color:var(--none); }
.st-stopped, .st-abandoned { color:var(--stop); }
.pill.st-succeeded { background:var(--ok-bg); } .pill.st-failed { background:var(--bad-bg); }
.pill.st-notstarted { background:var(--none-bg); }
dl.meta { display:grid; grid-template-columns:repeat(auto-fill, minmax(280px, 1fr)); gap:4px 24px;
  margin:8px 0 0; padding:12px 16px; background:var(--panel); border:1px solid var(--line);
  border-radius:8px; }
dl.meta div { display:flex; gap:8px; } dl.meta dt { color:var(--muted); min-width:110px; }
dl.meta dd { margin:0; overflow-wrap:anywhere; }
.rg-0 { border-color:#54aeff; background:#ddf4ff; } .rg-1 { border-color:#c297ff; background:#fbefff; }
.rg-2 { border-color:#4ac26b; background:#dafbe1; } .rg-3 { border-color:#d4a72c; background:#fff8c5; }
.rg-4 { border-color:#ff8182; background:#ffebe9; } .rg-5 { border-color:#ff80c8; background:#ffeff7; }
.rg-6 { border-color:#8c959f; background:#f6f8fa; } .rg-7 { border-color:#fb8f44; background:#fff1e5; }
.failure { border:1px solid var(--bad); border-left:6px solid var(--bad); background:#fff8f7;
  border-radius:8px; padding:10px 16px 12px; margin:10px 0; }
.failure h3 { margin:4px 0 6px; color:var(--bad); }
.label { margin:10px 0 2px; font-size:11px; text-transform:uppercase; letter-spacing:.05em;
  color:var(--muted); font-weight:600; }
.label + p { margin:0; }
pre.aws-msg { margin:0; padding:8px 10px; background:var(--bad-bg); border-radius:6px;
  white-space:pre-wrap; color:#82071e; }
p.fix { margin:0; padding:8px 10px; background:var(--ok-bg); border-radius:6px; }
pre.log { margin:0; padding:8px 10px; background:#0d1117; color:#e6edf3; border-radius:6px;
  max-height:260px; overflow:auto; white-space:pre-wrap; }
/* timeline */
.tl { border:1px solid var(--line); border-radius:8px; padding:8px 12px 10px; }
.tl-head, .tl-row { display:grid; grid-template-columns:260px 1fr; align-items:center; }
.tl-axis, .tl-stages { position:relative; height:22px; }
.tl-tick { position:absolute; top:2px; transform:translateX(-50%); font-size:11px;
  color:var(--muted); }
.tl-tick:first-child { transform:none; } .tl-tick:last-child { transform:translateX(-100%); }
.tl-corner { font-size:11px; color:var(--muted); text-transform:uppercase; }
.tl-stage { position:absolute; top:2px; height:18px; border-radius:4px; background:#eaeef2;
  border:1px solid var(--line); font-size:11px; overflow:hidden; white-space:nowrap;
  padding:0 5px; color:var(--fg); }
.tl-stage.st-failed { background:var(--bad-bg); border-color:#ff8182; }
.tl-lane { margin-top:8px; border-width:0 0 0 4px; border-style:solid; border-radius:4px;
  padding:2px 0 4px 8px; }
.tl-lane[class] { background:transparent; }
.tl-lane-label { font-weight:600; font-size:13px; margin:2px 0; }
.tl-lane-label small { font-weight:400; color:var(--muted); }
.tl-row { min-height:26px; }
.tl-label { font-size:12.5px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; padding-right:8px; }
.tl-stage-name { color:var(--muted); }
.tl-track { position:relative; height:22px; background:repeating-linear-gradient(to right,
  #eaeef2 0, #eaeef2 1px, transparent 1px, transparent 10%); border-radius:3px; }
.tl-bar { position:absolute; top:2px; height:18px; min-width:4px; border-radius:4px;
  font-size:11px; color:#fff; overflow:hidden; white-space:nowrap; padding:0 6px;
  line-height:18px; box-shadow:0 1px 2px rgba(0,0,0,.15); }
.tl-bar:hover { text-decoration:none; filter:brightness(1.1); outline:2px solid #0969da55; }
.tl-bar.st-succeeded { background:var(--ok); } .tl-bar.st-failed { background:var(--bad); }
.tl-bar.st-inprogress { background:#bf8700; } .tl-bar.st-abandoned, .tl-bar.st-stopped { background:var(--stop); }
.tl-none { font-size:11px; color:var(--none); padding-left:6px; line-height:22px; font-style:italic; }
/* graph */
.graph-wrap { overflow-x:auto; border:1px solid var(--line); border-radius:8px; padding:6px; }
svg.graph { display:block; font-size:12px; }
.g-stage rect { fill:#f6f8fa; stroke:var(--line); }
.g-stage.st-failed rect { fill:#fff8f7; stroke:#ff8182; }
.g-stage-title { font-weight:600; font-size:13px; fill:var(--fg); }
.g-node rect { fill:#fff; stroke:#8c959f; stroke-width:1.2; }
.g-node.st-succeeded rect { fill:var(--ok-bg); stroke:var(--ok); }
.g-node.st-failed rect { fill:var(--bad-bg); stroke:var(--bad); stroke-width:2; }
.g-node.st-notstarted rect { fill:#fff; stroke-dasharray:4 3; }
.g-node:hover rect { stroke-width:2.5; }
.g-name { font-weight:600; fill:var(--fg); } .g-sub { font-size:11px; fill:var(--muted); }
.g-edge { fill:none; stroke-width:1.8; opacity:.75; }
ul.legend { list-style:none; padding:0; margin:8px 0 0; display:flex; flex-wrap:wrap; gap:4px 22px; font-size:13px; }
.swatch { display:inline-block; width:18px; height:4px; border-radius:2px; margin-right:6px; vertical-align:middle; }
/* actions */
details.action { border:1px solid var(--line); border-radius:8px; margin:6px 0; background:#fff; }
details.action.st-failed { border-color:var(--bad); box-shadow:0 0 0 1px var(--bad) inset; }
details.action > summary { cursor:pointer; padding:7px 12px; list-style:none; display:flex;
  gap:8px; align-items:baseline; flex-wrap:wrap; }
details.action > summary::-webkit-details-marker { display:none; }
details.action > summary::before { content:"▸"; color:var(--muted); }
details.action[open] > summary::before { content:"▾"; }
details.action .glyph { font-weight:700; }
details.action .dur { margin-left:auto; color:var(--muted); font-variant-numeric:tabular-nums; }
details.action .sum { flex-basis:100%; padding-left:18px; color:var(--muted); font-size:13px;
  white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
details.action.st-failed .sum { color:var(--bad); }
details.action .body { padding:2px 16px 12px 30px; border-top:1px solid var(--line); color:var(--fg); }
details.action > summary { color:var(--fg); }
details.action .glyph, details.action > summary > b { color:inherit; }
details.action.st-succeeded .glyph { color:var(--ok); } details.action.st-failed .glyph,
details.action.st-failed > summary > b { color:var(--bad); } details.action.st-notstarted > summary { color:var(--none); }
details.action:target, details.action.flash { animation:flash 1.2s ease-out; }
@keyframes flash { from { background:#ddf4ff; } to { background:#fff; } }
.io { display:grid; grid-template-columns:1fr 1fr; gap:12px; }
.io ul, ul.kv { margin:0; padding-left:18px; }
.ids { font-size:12px; margin-top:10px; }
button#expand-all { font-size:12px; margin-left:10px; padding:2px 10px; border:1px solid var(--line);
  border-radius:6px; background:var(--panel); cursor:pointer; vertical-align:middle; }
/* tables */
table.grid { border-collapse:collapse; width:100%; font-size:13px; }
table.grid th, table.grid td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
table.grid th { background:var(--panel); font-weight:600; }
table.grid.small { font-size:12px; margin-top:4px; }
code.hash { word-break:break-all; font-size:11.5px; }
.chg { font-weight:600; } .chg-Add { color:var(--ok); } .chg-Remove { color:var(--bad); } .chg-Modify { color:var(--run); }
.stack-status.bad { color:var(--bad); font-weight:600; }
details.files summary { cursor:pointer; color:var(--muted); font-size:12px; }
footer { margin-top:40px; color:var(--muted); font-size:12px; }
)CSS";
}

const char* script() {
  return R"JS(
(function () {
  function openAction(id) {
    var el = document.getElementById(id);
    if (!el || el.tagName !== 'DETAILS') return;
    el.open = true;
    el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash');
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[href^="#action-"]') : null;
    if (a) openAction(a.getAttribute('href').slice(1));
  });
  if (location.hash.indexOf('#action-') === 0) openAction(location.hash.slice(1));
  var btn = document.getElementById('expand-all');
  if (btn) btn.addEventListener('click', function () {
    var all = document.querySelectorAll('details.action');
    var open = btn.textContent === 'expand all';
    for (var i = 0; i < all.length; i++) all[i].open = open;
    btn.textContent = open ? 'collapse all' : 'expand all';
  });
  // Lets a headless-browser test see that the inline script ran under the page's CSP.
  document.documentElement.setAttribute('data-report-ready', 'yes');
})();
)JS";
}

}  // namespace pipemu::report::html
