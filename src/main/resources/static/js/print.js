// Print pages (templates/print/layout.html): the toolbar's print button.
document.querySelectorAll('.js-print').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
