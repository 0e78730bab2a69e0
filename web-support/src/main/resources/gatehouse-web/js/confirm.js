// A form with data-confirm="question" asks before it is sent (revoking a key, deleting an application): the
// action cannot be undone. Loaded on every page; inline handlers are not allowed by the Content-Security-Policy.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();
