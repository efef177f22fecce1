/* Photos taken with the phone's camera, shrunk on the phone before they are sent (a canvas redraws them at
   most 1600 px on the longer side, as JPEG): a form marked data-photos="shrink" gets it on every file input;
   the visit page uses the same functions and also keeps the photos until the visit is stored. */
(function () {
  "use strict";
  var MAX_SIDE = 1600, QUALITY = 0.8;

  function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return Promise.resolve(file);
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.size < 600 * 1024) return file;
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale); canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob ? new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" }) : file);
        }, "image/jpeg", QUALITY);
      });
    }).catch(function () { return file; });
  }
  function setFiles(input, files) {
    var list = new DataTransfer();
    files.forEach(function (f) { list.items.add(f); });
    input.files = list.files;
    var thumbs = input.closest(".field, .check-item") && input.closest(".field, .check-item").querySelector(".thumbs");
    if (!thumbs) return;
    thumbs.textContent = "";
    files.filter(function (f) { return /^image\//.test(f.type); }).forEach(function (f) {
      var img = document.createElement("img"); img.alt = f.name; img.src = URL.createObjectURL(f); thumbs.append(img);
    });
  }

  window.VisitPhotos = { shrink: shrink, setFiles: setFiles };

  document.querySelectorAll("form[data-photos=shrink]").forEach(function (form) {
    form.addEventListener("change", function (e) {
      var input = e.target;
      if (input.type !== "file") return;
      Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (files) { setFiles(input, files); });
    });
  });
})();
