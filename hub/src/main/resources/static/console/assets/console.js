// OneWindow Hub console: live tables without reloading the page. An element with data-live="<url>" is replaced, every
// data-every milliseconds, by the same element as the server renders it now (server-side HTML, our own origin).
(function () {
  'use strict';
  function refresh(element) {
    var url = element.getAttribute('data-live');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
        if (fresh && fresh.getAttribute('data-live') === url) {
          element.replaceWith(fresh);
          schedule(fresh);
        } else {
          schedule(element);
        }
      })
      .catch(function () {
        element.classList.add('stale');
        schedule(element);
      });
  }
  function schedule(element) {
    var every = parseInt(element.getAttribute('data-every') || '2000', 10);
    window.setTimeout(function () { refresh(element); }, every);
  }
  // a form whose button asks for confirmation (replay all, discard): data-confirm holds the question
  document.addEventListener('submit', function (event) {
    var question = event.submitter && event.submitter.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
  // "select all" boxes: data-select-all names the checkboxes' name
  document.addEventListener('change', function (event) {
    var name = event.target.getAttribute && event.target.getAttribute('data-select-all');
    if (name) {
      var form = event.target.form;
      Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox][name="' + name + '"]'), function (box) {
        box.checked = event.target.checked;
      });
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live]'), schedule);
  });
})();
