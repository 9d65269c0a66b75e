// Generating a run and exporting a bank file are synchronous requests that can take a while:
// disable the button and say what is happening, so nobody clicks twice.
document.querySelectorAll('form.js-busy').forEach(function (form) {
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    if (!button) return;
    var busy = button.getAttribute('data-busy');
    if (busy) button.textContent = busy;
    // disabled only after the browser has taken the form's values
    setTimeout(function () { button.disabled = true; }, 0);
  });
});
document.querySelectorAll('a.js-download').forEach(function (link) {
  link.addEventListener('click', function () {
    var text = link.textContent, busy = link.getAttribute('data-busy');
    if (!busy || link.classList.contains('disabled')) return;
    link.classList.add('disabled');
    link.textContent = busy;
    // a download leaves the page where it is: give the button back after a while
    setTimeout(function () { link.classList.remove('disabled'); link.textContent = text; }, 8000);
  });
});
