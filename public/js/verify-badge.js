/*
 * The verification page's badge check, better with JavaScript: a badge's file dropped anywhere on its section is
 * chosen in the file input, as dropping it onto the input itself does without JavaScript, and the choice is said
 * in a polite live region.
 */
(function () {
  'use strict';
  var zone = document.querySelector('[data-badge-drop]');
  if (!zone) return;
  var input = zone.querySelector('input[type="file"]');
  var status = zone.querySelector('[data-drop-status]');

  function carriesFiles(event) {
    var types = event.dataTransfer ? event.dataTransfer.types : [];
    for (var i = 0; i < types.length; i += 1) if (types[i] === 'Files') return true;
    return false;
  }

  function say(files) {
    status.textContent = files.length ? status.getAttribute('data-chosen').replace('{name}', files[0].name) : '';
  }

  zone.addEventListener('dragover', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    zone.classList.add('drop-active');
  });
  zone.addEventListener('dragleave', function (event) {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('drop-active');
  });
  zone.addEventListener('drop', function (event) {
    zone.classList.remove('drop-active');
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    input.files = event.dataTransfer.files;
    say(input.files);
  });
  input.addEventListener('change', function () {
    say(input.files);
  });
})();
