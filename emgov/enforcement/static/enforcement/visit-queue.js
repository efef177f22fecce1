/* Visits kept on the phone (待上传) and sent when the network returns: each with its key, so that the server
   stores it once however often it is sent; the answer shows 已上传 with its number, or 冲突 with the
   reasons (the enterprise changed meanwhile, a certificate expired …) for the officer to act on. */
(function () {
  "use strict";
  var root, form, syncing = false;
  var STATES = { pending: "Pending", uploaded: "Uploaded", conflict: "Conflict" };
  function msg(name) { return root.dataset["msg" + name] || ""; }

  function entriesOf(data) {
    var entries = [];
    data.forEach(function (value, name) {
      if (value instanceof File) {
        if (value.size) entries.push([name, { blob: value, name: value.name, type: value.type }]);
      } else {
        entries.push([name, value]);
      }
    });
    return entries;
  }

  function label(form) {
    var chosen = form.querySelector("input[name=enterprise]:checked");
    var text = chosen ? chosen.parentNode.textContent.split("·")[0].trim() : "";
    return text + " " + form.querySelector("input[name=date]").value;
  }

  function keep(form, submitter) {
    var data = new FormData(form);
    data.set("action", submitter ? submitter.value : "submit");
    var item = {
      key: data.get("client_key"), label: label(form), state: "pending", reasons: [],
      entries: entriesOf(data), kept: new Date().toISOString(),
    };
    return VisitStore.put("queue", item).then(render).then(function () {
      var line = document.getElementById("network-state");
      if (line) line.textContent = msg("Queued");
    });
  }

  function render() {
    return VisitStore.all("queue").then(function (items) {
      var box = document.getElementById("offline-queue"), list = box.querySelector("ul");
      list.textContent = "";
      items.sort(function (a, b) { return a.kept < b.kept ? 1 : -1; });
      items.forEach(function (item) {
        var li = document.createElement("li"), name = document.createElement("span"), state = document.createElement("span");
        li.dataset.key = item.key;
        name.textContent = item.number ? item.label + " · " + item.number : item.label;
        state.className = "state " + item.state;
        state.textContent = msg(STATES[item.state]);
        li.append(name, state);
        if (item.reasons && item.reasons.length) {
          var why = document.createElement("p");
          why.className = "error"; why.textContent = item.reasons.join("；");
          li.append(why);
        }
        if (item.url) {
          var link = document.createElement("a"); link.href = item.url; link.textContent = msg("Open");
          li.append(link);
        }
        list.append(li);
      });
      box.hidden = !items.length;
    });
  }

  function send(item) {
    var data = new FormData();
    item.entries.forEach(function (entry) {
      var value = entry[1];
      if (value && value.blob) data.append(entry[0], value.blob, value.name);
      else data.append(entry[0], value);
    });
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    return fetch(root.dataset.syncUrl, {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": token },
    }).then(function (response) {
      return response.json().then(function (body) {
        if (body.state === "uploaded") {
          item.state = "uploaded"; item.number = body.number; item.url = body.url; item.reasons = [];
          item.entries = [];  // the server has it: the photos need not stay on the phone
        } else if (response.status === 409 || response.status === 400) {
          item.state = "conflict"; item.reasons = body.reasons || [];
        }
        return VisitStore.put("queue", item);
      });
    });
  }

  function sync() {
    if (syncing || !navigator.onLine) return Promise.resolve();
    syncing = true;
    return VisitStore.all("queue").then(function (items) {
      var pending = items.filter(function (i) { return i.state === "pending"; });
      return pending.reduce(function (chain, item) {
        return chain.then(function () { return send(item); }).catch(function () {});
      }, Promise.resolve());
    }).then(render).catch(function () {}).then(function () { syncing = false; });
  }

  window.VisitQueue = {
    keep: keep,
    sync: sync,
    start: function (r, f) {
      root = r; form = f;
      render().then(sync);
      window.addEventListener("online", function () {
        var line = document.getElementById("network-state");
        if (line) line.textContent = "";
        sync();
      });
      setInterval(sync, 30000);
    },
  };
})();
