// Copies the text of the element a [data-copy-target] button names. Delegated from the document, so it also works
// for buttons that htmx swaps in later; loaded as a file because the Content-Security-Policy forbids inline script.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-target]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy-target'));
  var status = document.getElementById('copy-status');
  if (!source || !navigator.clipboard) {
    if (status) { status.textContent = 'Select the key and copy it.'; }
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    if (status) { status.textContent = 'Copied.'; }
  }, function () {
    if (status) { status.textContent = 'Select the key and copy it.'; }
  });
});
