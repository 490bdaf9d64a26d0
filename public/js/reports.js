/*
 * Report pages, better with JavaScript: a Print button (the print stylesheet works without it, from the browser's
 * own menu), and an export's page that follows its progress by itself — asking the API every few seconds, less
 * often as time goes on, and saying the change in a polite live region. Without it, the page's Refresh link does
 * the same.
 */
(function () {
  'use strict';
  var buttons = document.querySelectorAll('.print-button');
  for (var i = 0; i < buttons.length; i += 1) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }

  var box = document.querySelector('.export-progress[data-running="true"]');
  if (!box) return;
  var id = box.getAttribute('data-export-id');
  var bar = document.getElementById('export-bar');
  var rows = document.getElementById('export-rows');
  var download = box.querySelector('.export-download');
  var refresh = box.querySelector('.export-refresh');
  var delay = 2000;

  function say(text) {
    if (rows.textContent !== text) rows.textContent = text;
  }

  function poll() {
    fetch('/api/v1/report-exports/' + id, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (state) {
        bar.value = state.percent;
        bar.textContent = state.percent + ' %';
        if (state.status === 'done') {
          say(rows.getAttribute('data-ready'));
          download.hidden = false;
          if (refresh) refresh.hidden = true;
          return;
        }
        if (state.status === 'failed') {
          say(rows.getAttribute('data-failed'));
          return;
        }
        say(
          state.rowsTotal
            ? rows.getAttribute('data-template').replace('{done}', state.rowsDone).replace('{total}', state.rowsTotal)
            : rows.getAttribute('data-waiting'),
        );
        delay = Math.min(Math.round(delay * 1.5), 10000);
        setTimeout(poll, delay);
      })
      .catch(function () {
        setTimeout(poll, 10000);
      });
  }
  setTimeout(poll, delay);
})();
