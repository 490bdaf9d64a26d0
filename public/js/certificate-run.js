/*
 * A certificate run's page, better with JavaScript: it follows the run's progress in place — asking the API every
 * few seconds, less often as time goes on — updating the bar, the table of counts and saying the counts in a polite
 * live region — and, once the run has ended, stops saying the page may be closed and offers the result. Without it, the page reloads itself while the run goes on.
 */
(function () {
  'use strict';
  var box = document.querySelector('.run-progress[data-active="true"]');
  if (!box) return;
  var id = box.getAttribute('data-run-id');
  var bar = document.getElementById('run-bar');
  var counts = document.getElementById('run-counts');
  var status = document.getElementById('run-status');
  var finished = box.querySelector('.run-finished');
  var leave = box.querySelector('.run-leave');
  var cells = document.querySelectorAll('.run-counts-table [data-count]');
  var delay = 1500;

  function fill(template, state) {
    return template
      .replace('{done}', state.done)
      .replace('{failed}', state.failed)
      .replace('{left}', state.left)
      .replace('{total}', state.total);
  }

  function poll() {
    fetch('/api/v1/certificate-runs/' + id, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (state) {
        bar.max = state.total;
        bar.value = state.total - state.left;
        bar.textContent = state.percent + ' %';
        var text = fill(counts.getAttribute('data-template'), state);
        if (counts.textContent !== text) counts.textContent = text;
        status.textContent = box.getAttribute('data-status-' + state.status) || state.status;
        for (var i = 0; i < cells.length; i++) cells[i].textContent = state[cells[i].getAttribute('data-count')];
        if (state.status === 'done' || state.status === 'failed') {
          if (leave) leave.hidden = true;
          finished.hidden = false;
          return;
        }
        delay = Math.min(Math.round(delay * 1.3), 8000);
        setTimeout(poll, delay);
      })
      .catch(function () {
        setTimeout(poll, 10000);
      });
  }
  setTimeout(poll, delay);
})();
