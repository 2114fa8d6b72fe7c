#include "report/html_assets.h"

namespace eph {

std::string_view html_report_style() {
  return R"(:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--panel:#f6f8fa;--border:#d1d9e0;--link:#0969da;--code-bg:#f6f8fa;--focus:#0969da;
--critical:#a3208f;--high:#cf222e;--medium:#bc4c00;--low:#1b7c83;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--border:#3d444d;--link:#4493f8;--code-bg:#151b23;--focus:#4493f8;
--critical:#d97ad2;--high:#ff7b72;--medium:#f0883e;--low:#56d4dd;--info:#79c0ff}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,select:focus-visible,.finding:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.page{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
.top{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap;border-bottom:1px solid var(--border);padding-bottom:12px}
.top h1{margin:0;font-size:22px}
.top .total{font-size:16px;font-weight:600}
.top .meta{color:var(--muted);margin-left:auto;font-size:12px}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px;margin:18px 0}
.summary section{background:var(--panel);border:1px solid var(--border);border-radius:8px;padding:10px 14px}
.summary h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:0 0 6px}
.summary table{width:100%;border-collapse:collapse}
.summary td{padding:2px 0;vertical-align:top}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums;width:3em}
.summary button{all:unset;cursor:pointer;color:var(--link);word-break:break-all}
.summary button:hover{text-decoration:underline}
.summary button:focus-visible{outline:2px solid var(--focus)}
.filters{position:sticky;top:0;z-index:2;display:flex;gap:12px;flex-wrap:wrap;align-items:center;background:var(--bg);padding:10px 0;border-bottom:1px solid var(--border)}
.filters label{display:flex;gap:6px;align-items:center;color:var(--muted);font-size:13px}
.filters select,.filters button{font:inherit;color:var(--fg);background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:4px 8px;max-width:320px}
.filters output{margin-left:auto;color:var(--muted);font-size:13px}
.keys{color:var(--muted);font-size:12px}
kbd{font:11px ui-monospace,monospace;border:1px solid var(--border);border-bottom-width:2px;border-radius:4px;padding:0 4px;background:var(--panel)}
.file>h2{font-size:15px;margin:22px 0 8px;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.file>h2 .count{color:var(--muted);font-family:system-ui,sans-serif;font-weight:400;font-size:13px}
.finding{border:1px solid var(--border);border-left:4px solid var(--sev);border-radius:8px;padding:10px 14px;margin:10px 0;background:var(--bg)}
.finding[data-severity=critical]{--sev:var(--critical)}.finding[data-severity=high]{--sev:var(--high)}
.finding[data-severity=medium]{--sev:var(--medium)}.finding[data-severity=low]{--sev:var(--low)}.finding[data-severity=info]{--sev:var(--info)}
.finding>header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--sev);border:1px solid var(--sev);border-radius:10px;padding:0 7px}
.rule{font-weight:600;font-family:ui-monospace,monospace}
.where{font-family:ui-monospace,monospace;font-size:12px}
.resource{color:var(--muted);font-family:ui-monospace,monospace;font-size:12px}
.suppressed-note{color:var(--muted);font-style:italic}
.message{margin:6px 0;font-size:14.5px}
pre.frame{background:var(--code-bg);border:1px solid var(--border);border-radius:6px;padding:8px 10px;overflow-x:auto;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;margin:8px 0;tab-size:4}
pre.frame .ln{color:var(--muted);user-select:none}
pre.frame .caret{color:var(--sev);font-weight:700}
.evidence{margin:6px 0;padding-left:20px;font-size:13px}
.evidence .where{color:var(--muted)}
.fix,.docs{margin:4px 0;font-size:13px}
.chain{margin:10px 0 4px;overflow-x:auto;border:1px solid var(--border);border-radius:6px;background:var(--panel);padding:4px}
.chain figcaption{font-size:12px;color:var(--muted);padding:2px 6px}
.chain svg{display:block}
.errors li{font-family:ui-monospace,monospace;font-size:12.5px}
.empty{color:var(--muted);padding:20px 0}
[hidden]{display:none!important}
@media print{.filters{position:static}}
)";
}

std::string_view html_report_script() {
  return R"((function () {
  'use strict';
  var keys = ['severity', 'rule', 'file'];
  var selects = {};
  keys.forEach(function (k) { selects[k] = document.getElementById('filter-' + k); });
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var files = Array.prototype.slice.call(document.querySelectorAll('.file'));
  var count = document.getElementById('shown-count');
  var empty = document.getElementById('nothing-shown');

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, '') || location.search.replace(/^\?/, ''));
    keys.forEach(function (k) {
      var v = params.get(k) || '';
      var known = Array.prototype.some.call(selects[k].options, function (o) { return o.value === v; });
      selects[k].value = known ? v : '';
    });
  }
  function writeFragment() {
    var params = new URLSearchParams();
    keys.forEach(function (k) { if (selects[k].value) params.set(k, selects[k].value); });
    var text = params.toString();
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
  }
  function apply() {
    var shown = 0;
    findings.forEach(function (f) {
      var visible = keys.every(function (k) { return !selects[k].value || f.dataset[k] === selects[k].value; });
      f.hidden = !visible;
      if (visible) ++shown;
    });
    files.forEach(function (s) { s.hidden = !s.querySelector('.finding:not([hidden])'); });
    count.textContent = shown + ' of ' + findings.length + (findings.length === 1 ? ' finding' : ' findings') + ' shown';
    document.body.dataset.shown = String(shown);
    empty.hidden = shown > 0 || findings.length === 0;
  }
  keys.forEach(function (k) {
    selects[k].addEventListener('change', function () { apply(); writeFragment(); });
  });
  document.getElementById('filter-reset').addEventListener('click', function () {
    keys.forEach(function (k) { selects[k].value = ''; });
    apply(); writeFragment();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter]'), function (b) {
    b.addEventListener('click', function () {
      var k = b.dataset.filter;
      selects[k].value = b.dataset.value;
      apply(); writeFragment();
      selects[k].focus();
    });
  });
  window.addEventListener('hashchange', function () { if (/=/.test(location.hash) || !location.hash) { readFragment(); apply(); } });
  // j / k: next and previous finding shown; / : the first filter.
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(SELECT|INPUT|TEXTAREA)$/.test(e.target.tagName)) return;
    if (e.key === '/') { e.preventDefault(); selects.severity.focus(); return; }
    if (e.key !== 'j' && e.key !== 'k') return;
    var visible = findings.filter(function (f) { return !f.hidden; });
    if (!visible.length) return;
    var at = visible.indexOf(document.activeElement.closest ? document.activeElement.closest('.finding') : null);
    var next = e.key === 'j' ? Math.min(at + 1, visible.length - 1) : Math.max(at - 1, 0);
    visible[next].focus();
    visible[next].scrollIntoView({block: 'nearest'});
  });
  readFragment();
  apply();
})();
)";
}

}  // namespace eph
