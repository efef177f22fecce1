/* The phone's own store of visits (IndexedDB): visits waiting to be sent, the photos chosen on the page and
   the form as it is being filled (a draft), kept until the server has them, whatever happens to the page,
   the browser or the battery. */
(function () {
  "use strict";
  var DB = "emgov-visits", VERSION = 2;

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = function () {
        var db = req.result;
        if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "key" });
        if (!db.objectStoreNames.contains("files")) db.createObjectStore("files", { keyPath: "id" });
        if (!db.objectStoreNames.contains("drafts")) db.createObjectStore("drafts", { keyPath: "id" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode), result;
        var req = work(tx.objectStore(store));
        if (req) req.onsuccess = function () { result = req.result; };
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  window.VisitStore = {
    put: function (store, value) { return run(store, "readwrite", function (s) { return s.put(value); }); },
    get: function (store, id) { return run(store, "readonly", function (s) { return s.get(id); }); },
    all: function (store) { return run(store, "readonly", function (s) { return s.getAll(); }); },
    remove: function (store, id) { return run(store, "readwrite", function (s) { return s.delete(id); }); },
  };
})();
