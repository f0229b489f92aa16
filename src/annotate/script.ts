/**
 * The page's inline script (issue 21, Deliver 1 and 4): plain JavaScript that works from file:// (no modules, no
 * fetch, no storage). A chip toggles its claim's note; the section list and the verdict boxes hide the chips and
 * notes of the claims they leave out, untint the lines no shown claim marks, and say how many claims are shown.
 */

/** The script, as placed in a <script> element (it contains no "</"). */
export const SCRIPT = `(function () {
  'use strict';
  var sel = document.getElementById('section-filter');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.vf'));
  var chips = Array.prototype.slice.call(document.querySelectorAll('button.chip'));
  var lines = Array.prototype.slice.call(document.querySelectorAll('.ln[data-claims]'));
  var shown = document.getElementById('shown');
  function wanted(el) {
    var verdicts = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var s = sel.value;
    return (s === '' || el.getAttribute('data-section') === s) &&
      verdicts.indexOf(el.getAttribute('data-verdict')) >= 0;
  }
  function apply() {
    var on = {};
    var n = 0;
    chips.forEach(function (c) {
      var show = wanted(c);
      var note = document.getElementById(c.getAttribute('data-note'));
      c.hidden = !show;
      if (!show && note) note.hidden = true;
      if (show) { on[c.getAttribute('data-note')] = true; n++; }
    });
    lines.forEach(function (l) {
      var any = l.getAttribute('data-claims').split(' ').some(function (id) { return on[id]; });
      l.classList.toggle('dim', !any);
    });
    shown.textContent = n + ' of ' + chips.length + ' claims shown';
  }
  sel.addEventListener('change', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  document.getElementById('draft').addEventListener('click', function (ev) {
    var chip = ev.target.closest ? ev.target.closest('button.chip') : null;
    if (!chip) return;
    var note = document.getElementById(chip.getAttribute('data-note'));
    if (!note) return;
    note.hidden = !note.hidden;
    chip.setAttribute('aria-expanded', String(!note.hidden));
  });
  apply();
})();`;
