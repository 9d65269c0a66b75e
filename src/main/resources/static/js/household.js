// Fills sex and birth date from an 18-character resident ID as the caseworker types it.
(function () {
  var W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], C = '10X98765432';
  document.querySelectorAll('.person-fields').forEach(function (box) {
    var id = box.querySelector('.js-id-number'), type = box.querySelector('.js-id-type');
    var sex = box.querySelector('.js-sex'), birth = box.querySelector('.js-birth');
    if (!id) return;
    function derive() {
      var v = id.value.trim().toUpperCase();
      if (type && type.value === 'FOREIGN_PERMANENT_RESIDENT' && v.charAt(0) !== '9') return;
      if (!/^[0-9]{17}[0-9X]$/.test(v)) return;
      var s = 0;
      for (var i = 0; i < 17; i++) s += (v.charCodeAt(i) - 48) * W[i];
      if (C.charAt(s % 11) !== v.charAt(17)) { id.classList.add('is-invalid'); return; }
      id.classList.remove('is-invalid');
      birth.value = v.substr(6, 4) + '-' + v.substr(10, 2) + '-' + v.substr(12, 2);
      sex.value = (v.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
    }
    id.addEventListener('input', derive);
    derive();
  });
})();

document.querySelectorAll('.js-print').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
