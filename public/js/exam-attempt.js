/*
 * Taking an exam, better with JavaScript: answers are saved as they are given (numbered saves, so a late or
 * repeated one never overwrites a newer answer), "saved" is shown only once the server confirms it, answers
 * given offline wait in localStorage and are sent when the connection returns, and the timer is announced to
 * screen readers at 10, 5 and 1 minutes left only. Without it, each page's Save button does the same.
 */
(function () {
  'use strict';
  var root = document.querySelector('.exam-attempt');
  if (!root) return;
  var attemptId = root.getAttribute('data-attempt');
  var csrf = root.getAttribute('data-csrf');
  var deadline = new Date(root.getAttribute('data-deadline')).getTime();
  var graceMs = Number(root.getAttribute('data-grace') || '0') * 1000;
  var position = root.getAttribute('data-position');
  var kind = root.getAttribute('data-kind');
  var pendingKey = 'kursors-exam:' + attemptId + ':pending';
  var seqKey = 'kursors-exam:' + attemptId + ':seq';
  var stateLine = root.querySelector('[data-save-state]');
  var announcer = root.querySelector('[data-timer-announcer]');
  var clock = root.querySelector('.exam-clock');
  var form = root.querySelector('.question-form');
  var timeUp = false;

  function text(name) {
    return root.getAttribute('data-' + name + '-text') || '';
  }
  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || '{}') || {};
    } catch {
      return {};
    }
  }
  function write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage full or refused: the answer is still sent when online */
    }
  }
  function say(message) {
    if (stateLine) stateLine.textContent = message;
  }

  /** The next save number of a question: above the server's and above any this browser used. */
  function nextSeq(pos, serverSeq) {
    var used = read(seqKey);
    var next = Math.max(serverSeq, used[pos] || 0) + 1;
    used[pos] = next;
    write(seqKey, used);
    return next;
  }

  function responseFromForm() {
    if (!form) return null;
    var inputs = form.querySelectorAll('[name="answer"]');
    if (kind === 'single') {
      var chosen = form.querySelector('[name="answer"]:checked');
      return chosen ? { kind: 'single', choice: chosen.value } : null;
    }
    if (kind === 'multiple') {
      var choices = [];
      Array.prototype.forEach.call(inputs, function (input) {
        if (input.checked) choices.push(input.value);
      });
      return { kind: 'multiple', choices: choices };
    }
    if (kind === 'truefalse') {
      var value = form.querySelector('[name="answer"]:checked');
      return value ? { kind: 'truefalse', value: value.value === 'true' } : null;
    }
    return inputs.length ? { kind: kind, text: inputs[0].value } : null;
  }

  function send(pos, entry) {
    return fetch('/api/v1/attempts/' + attemptId + '/items/' + pos + '/response', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: JSON.stringify({ seq: entry.seq, response: entry.response }),
    }).then(function (res) {
      var pending = read(pendingKey);
      var current = pending[pos];
      if (res.ok || res.status === 409 || (res.status >= 400 && res.status < 500)) {
        if (current && current.seq <= entry.seq) {
          delete pending[pos];
          write(pendingKey, pending);
        }
        return res.ok ? 'saved' : res.status === 409 ? 'late' : 'refused';
      }
      return 'failed';
    });
  }

  function save(pos, response) {
    var serverSeq = Number(root.getAttribute('data-seq') || '0');
    var entry = { seq: nextSeq(pos, serverSeq), response: response };
    var pending = read(pendingKey);
    pending[pos] = entry;
    write(pendingKey, pending);
    say(text('saving'));
    return send(pos, entry).then(
      function (outcome) {
        if (outcome === 'saved') say(text('saved'));
        else if (outcome === 'late') say(text('timeup'));
        else say(text('failed'));
      },
      function () {
        say(text('offline'));
      },
    );
  }

  /** Sends every answer still waiting in this browser, oldest question first. */
  function flush() {
    var pending = read(pendingKey);
    var positions = Object.keys(pending);
    if (!positions.length) return Promise.resolve(0);
    return positions
      .reduce(function (chain, pos) {
        return chain.then(function () {
          return send(pos, pending[pos]);
        });
      }, Promise.resolve())
      .then(
        function () {
          if (position && !read(pendingKey)[position]) say(text('saved'));
          return positions.length;
        },
        function () {
          say(text('offline'));
          return -1;
        },
      );
  }

  if (form) {
    var timer = null;
    form.addEventListener('change', function (event) {
      if (timeUp) return;
      var target = event.target;
      if (target.name === 'flagged') {
        fetch('/api/v1/attempts/' + attemptId + '/items/' + position + '/flag', {
          method: 'PUT',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ flagged: target.checked }),
        }).catch(function () {
          /* the page's Save button sends the flag too */
        });
        return;
      }
      if (target.name !== 'answer') return;
      var response = responseFromForm();
      if (response) save(position, response);
    });
    form.addEventListener('input', function (event) {
      if (timeUp || event.target.name !== 'answer' || (kind !== 'short' && kind !== 'numeric' && kind !== 'essay')) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        var response = responseFromForm();
        if (response) save(position, response);
      }, 800);
    });
    form.addEventListener('submit', function () {
      var seq = form.querySelector('[name="seq"]');
      if (seq) seq.value = String(nextSeq(position, Number(root.getAttribute('data-seq') || '0')));
    });
  }

  window.addEventListener('online', function () {
    flush().then(function (count) {
      fetch('/api/v1/attempts/' + attemptId + '/reconnect', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ pending: Math.max(0, count) }),
      }).catch(function () {
        /* logged next time */
      });
    });
  });
  window.addEventListener('offline', function () {
    say(text('offline'));
  });
  if (navigator.onLine !== false) flush();

  var announced = {};
  [10, 5, 1].forEach(function (minutes) {
    if (deadline - Date.now() <= minutes * 60000) announced[minutes] = true;
  });
  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  function tick() {
    var left = deadline - Date.now();
    if (clock) {
      var seconds = Math.max(0, Math.ceil(left / 1000));
      clock.hidden = false;
      clock.textContent = '(' + pad(Math.floor(seconds / 60)) + ':' + pad(seconds % 60) + ')';
    }
    [10, 5, 1].forEach(function (minutes) {
      if (!announced[minutes] && left <= minutes * 60000) {
        announced[minutes] = true;
        if (announcer) announcer.textContent = root.getAttribute('data-announce-' + minutes) || '';
      }
    });
    if (left <= 0 && !timeUp) {
      timeUp = true;
      if (announcer) announcer.textContent = text('timeup');
      say(text('timeup'));
      Array.prototype.forEach.call(root.querySelectorAll('input, textarea, button'), function (el) {
        if (el.type !== 'hidden') el.disabled = true;
      });
      flush();
      setTimeout(function () {
        window.location.href = root.getAttribute('data-result');
      }, graceMs + 1500);
    }
  }
  tick();
  setInterval(tick, 1000);
})();
