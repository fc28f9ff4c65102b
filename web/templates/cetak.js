// The berita acara's "Cetak / Simpan PDF" button: the browser's print,
// where "Simpan sebagai PDF" is one of the printers.
document.addEventListener("DOMContentLoaded", function () {
  var b = document.getElementById("cetak");
  if (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  }
});
