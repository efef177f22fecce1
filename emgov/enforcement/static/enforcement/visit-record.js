/* The visit recorded on a phone: photos shrunk before they are sent and kept through an error, signature
   pads, the officer picker, the phone's location, the form kept on the phone as it is filled (a draft
   that comes back with its photos and signatures when the page is opened again), and the visit kept on
   the phone without a network and sent once (by its key) when the network returns. No inline script:
   everything is wired here. */
(function () {
  "use strict";
  var root = document.getElementById("visit-phone");
  var form = document.getElementById("visit-form");
  if (!root || !form) return;
  var msg = function (name) { return root.dataset["msg" + name] || ""; };
  var keyInput = form.querySelector("input[name=client_key]");
  var CACHE = "emgov-visit-v1";

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  // A page served from the phone's cache carries an old key: every new visit gets its own.
  if (keyInput && root.dataset.bound !== "1") keyInput.value = newKey();

  // Service worker and the data kept for work without a network -------------------------------------
  var offline = { enterprises: [], officers: [] };
  function loadOfflineData() {
    return fetch(root.dataset.offlineUrl, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : offline; })
      .then(function (data) { offline = data; })
      .catch(function () {});
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(root.dataset.swUrl).catch(function () {});
  }
  if (window.caches && navigator.onLine) {
    var assets = [location.pathname, root.dataset.offlineUrl];
    document.querySelectorAll("script[src], link[rel=stylesheet], link[rel=manifest]").forEach(function (el) {
      assets.push(el.getAttribute("src") || el.getAttribute("href"));
    });
    caches.open(CACHE).then(function (c) { return c.addAll(assets); }).catch(function () {});
  }
  loadOfflineData();

  var stateLine = document.getElementById("network-state");
  function showNetwork() {
    if (stateLine) stateLine.textContent = navigator.onLine ? "" : msg("Offline");
  }
  window.addEventListener("offline", showNetwork);
  showNetwork();

  // Enterprise: its version travels with the visit (a change made meanwhile comes back as a conflict) --
  var options = document.getElementById("enterprise-options");
  var versionInput = form.querySelector("input[name=enterprise_version]");
  form.addEventListener("change", function (e) {
    if (e.target.name === "enterprise" && versionInput) versionInput.value = e.target.dataset.version || "";
  });
  var shownFor = null;
  function localEnterprises() {
    var q = document.getElementById("enterprise-q").value.trim();
    if (!q || navigator.onLine || q === shownFor) return;  // a failed request does not undo a choice
    shownFor = q;
    var ascii = /^[a-z0-9]+$/i.test(q);
    var found = offline.enterprises.filter(function (e) {
      return e.name.indexOf(q) >= 0 || e.credit_code.indexOf(q.toUpperCase()) >= 0 ||
        (ascii && (e.initials || "").indexOf(q.toLowerCase()) >= 0);
    }).slice(0, 20);
    options.textContent = "";
    found.forEach(function (e) {
      var label = document.createElement("label"), input = document.createElement("input");
      label.className = "option";
      input.type = "radio"; input.name = "enterprise"; input.value = e.pk; input.dataset.version = e.version;
      label.append(input, " " + e.name + " · " + e.town + " · " + e.credit_code);
      options.append(label);
    });
  }
  document.getElementById("enterprise-q").addEventListener("input", localEnterprises);
  document.body.addEventListener("htmx:sendError", localEnterprises);

  // Officers: found by name or certificate number; a certificate not valid on the visit's date is shown --
  var officerQuery = document.getElementById("officer-q");
  var rows = Array.prototype.slice.call(form.querySelectorAll(".officer-row"));
  function filterOfficers() {
    var q = officerQuery.value.trim().toUpperCase();
    rows.forEach(function (row) {
      var box = row.querySelector("input[type=checkbox]");
      // The chosen officers are always shown; the others only when the search finds them.
      var hit = q && (row.dataset.name.toUpperCase().indexOf(q) >= 0 || row.dataset.cert.toUpperCase().indexOf(q) >= 0);
      row.hidden = !(hit || box.checked);
    });
  }
  function certificateProblems() {
    var day = form.querySelector("input[name=date]").value;
    rows.forEach(function (row) {
      var text = "";
      if (row.dataset.status !== "有效") text = msg("Status").replace("%s", row.dataset.statusLabel);
      else if (row.dataset.validUntil && day && day > row.dataset.validUntil) text = msg("Expired").replace("%s", row.dataset.validUntil);
      row.querySelector(".cert-problem").textContent = text;
    });
  }
  if (officerQuery) {
    officerQuery.addEventListener("input", filterOfficers);
    filterOfficers();
  }
  form.querySelector("input[name=date]").addEventListener("change", certificateProblems);

  // Signature pads --------------------------------------------------------------------------------
  function pad(holder, input, label) {
    holder.textContent = "";
    var head = document.createElement("div"), title = document.createElement("span");
    var clear = document.createElement("button"), canvas = document.createElement("canvas");
    head.className = "sig-head"; title.textContent = label;
    clear.type = "button"; clear.className = "link sig-clear"; clear.textContent = msg("Clear");
    head.append(title, clear);
    holder.append(head, canvas);
    canvas.setAttribute("aria-label", label);
    var ctx, drawing = false;
    function size() {
      var ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(canvas.clientWidth * ratio);
      canvas.height = Math.round(canvas.clientHeight * ratio);
      ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 2.5; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#000";
      if (input.value) {
        var img = new Image();
        img.onload = function () { ctx.drawImage(img, 0, 0, canvas.clientWidth, canvas.clientHeight); };
        img.src = input.value;
      }
    }
    function at(e) { var r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
    canvas.addEventListener("pointerdown", function (e) {
      drawing = true; canvas.setPointerCapture(e.pointerId);
      var p = at(e); ctx.beginPath(); ctx.moveTo(p[0], p[1]); ctx.lineTo(p[0] + 0.1, p[1] + 0.1); ctx.stroke();
    });
    canvas.addEventListener("pointermove", function (e) {
      if (!drawing) return;
      var p = at(e); ctx.lineTo(p[0], p[1]); ctx.stroke();
    });
    function changed() { input.dispatchEvent(new Event("change", { bubbles: true })); }
    function end() { if (drawing) { drawing = false; input.value = canvas.toDataURL("image/png"); changed(); } }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    clear.addEventListener("click", function () {
      input.value = ""; ctx.clearRect(0, 0, canvas.width, canvas.height); changed();
    });
    size();
  }
  function drawPads() {
    form.querySelectorAll(".sigpad[data-input]").forEach(function (holder) {
      pad(holder, document.getElementById(holder.dataset.input), holder.dataset.label);
    });
  }
  drawPads();
  var officerPads = document.getElementById("officer-pads");
  function drawOfficerPads() {
    officerPads.textContent = "";
    rows.forEach(function (row) {
      if (!row.querySelector("input[type=checkbox]").checked) return;
      var input = row.querySelector(".officer-signature"), holder = document.createElement("div");
      holder.className = "sigpad"; holder.dataset.officer = input.dataset.officer;
      officerPads.append(holder);
      pad(holder, input, msg("OfficerSign").replace("%s", input.dataset.name));
    });
  }
  rows.forEach(function (row) { row.querySelector("input[type=checkbox]").addEventListener("change", drawOfficerPads); });
  drawOfficerPads();
  var refused = document.getElementById("id_party_refused"), witness = document.getElementById("witness");
  function showWitness() { witness.hidden = !refused.checked; }
  refused.addEventListener("change", showWitness);
  showWitness();

  // Place and time on site --------------------------------------------------------------------------
  function now() { var d = new Date(); return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2); }
  var arrived = form.querySelector("input[name=arrived_at]");
  if (arrived && !arrived.value) arrived.value = now();
  document.getElementById("geo-locate").addEventListener("click", function () {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (pos) {
      var lat = pos.coords.latitude.toFixed(6), lon = pos.coords.longitude.toFixed(6);
      form.querySelector("input[name=latitude]").value = lat;
      form.querySelector("input[name=longitude]").value = lon;
      var place = form.querySelector("input[name=location]");
      if (!place.value) place.value = msg("Position").replace("%lat", lat).replace("%lon", lon).replace("%acc", Math.round(pos.coords.accuracy));
    }, function () { stateLine.textContent = msg("NoPosition"); }, { enableHighAccuracy: true, timeout: 15000 });
  });

  // Photos: shrunk on the phone, kept (by the visit's key) until the visit is stored -----------------
  var shrink = VisitPhotos.shrink, setFiles = VisitPhotos.setFiles;
  function fileId(input) { return keyInput.value + "|" + input.name; }
  form.addEventListener("change", function (e) {
    var input = e.target;
    if (input.type !== "file") return;
    Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (files) {
      setFiles(input, files);
      return VisitStore.put("files", { id: fileId(input), files: files });
    }).catch(function () {});
  });
  function restoreFiles() {
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      if (input.files.length) return;
      VisitStore.get("files", fileId(input)).then(function (kept) {
        if (kept && kept.files.length && !input.files.length) setFiles(input, kept.files);
      }).catch(function () {});
    });
  }
  restoreFiles();

  // 一般隐患: added from the template, removed by emptying them ----------------------------------------
  var total = form.querySelector("input[name=gh-TOTAL_FORMS]");
  function addHazard() {
    var n = parseInt(total.value, 10) || 0;
    var html = document.getElementById("gh-template").innerHTML.replace(/__prefix__/g, String(n));
    var box = document.createElement("div");
    box.innerHTML = html;
    var fieldset = box.firstElementChild;
    document.getElementById("gh-forms").append(fieldset);
    total.value = n + 1;
    var deadline = fieldset.querySelector("input[name$=-deadline]"), day = form.querySelector("input[name=date]").value;
    if (deadline && day) {
      var d = new Date(day + "T00:00:00");
      d.setDate(d.getDate() + (parseInt(root.dataset.suggestDays, 10) || 15));
      deadline.value = d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
    }
    return fieldset;
  }
  document.getElementById("gh-add").addEventListener("click", function () {
    addHazard().querySelector("textarea, input").focus();
    keepDraft();
  });
  form.addEventListener("click", function (e) {
    if (!e.target.classList.contains("gh-remove")) return;
    var fieldset = e.target.closest("fieldset");
    fieldset.querySelectorAll("input, textarea").forEach(function (el) { el.value = ""; });
    fieldset.hidden = true;
    keepDraft();
  });

  // The draft kept on the phone: text, choices and signatures as they are entered (the photos are kept
  // by the visit's key), until the visit is submitted, saved as a draft on the server or queued ---------
  var DRAFT_ID = location.pathname;
  var NOT_KEPT = { csrfmiddlewaretoken: 1, action: 1, q: 1, client_key: 1, "gh-TOTAL_FORMS": 1, "gh-INITIAL_FORMS": 1 };
  var draftTimer = null, draftSaving = Promise.resolve(), leaving = false;
  function keptFields(each) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || NOT_KEPT[el.name] || /^(file|submit|button|reset)$/.test(el.type)) return;
      each(el);
    });
  }
  function snapshot() {
    var values = [];
    keptFields(function (el) {
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      values.push([el.name, el.value]);
    });
    var chosen = form.querySelector("input[name=enterprise]:checked");
    return {
      id: DRAFT_ID, key: keyInput.value, total: parseInt(total.value, 10) || 0, values: values,
      removed: Array.prototype.map.call(form.querySelectorAll("#gh-forms fieldset[hidden]"), function (f) { return f.id; }),
      enterprise: chosen ? { pk: chosen.value, version: chosen.dataset.version || "", label: chosen.parentNode.textContent.trim() } : null,
      saved: new Date().toISOString(),
    };
  }
  function saveDraft() {
    clearTimeout(draftTimer); draftTimer = null;
    if (leaving) return draftSaving;
    var draft = snapshot();
    draftSaving = draftSaving.then(function () { return VisitStore.put("drafts", draft); }).catch(function () {});
    return draftSaving;
  }
  function keepDraft() {
    if (leaving) return;
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 300);
  }
  function dropDraft() {
    leaving = true; clearTimeout(draftTimer);
    return draftSaving.then(function () { return VisitStore.remove("drafts", DRAFT_ID); }).catch(function () {});
  }
  function applyDraft(draft) {
    keyInput.value = draft.key;
    while ((parseInt(total.value, 10) || 0) < draft.total) addHazard();
    var e = draft.enterprise;
    if (e && !options.querySelector("input[name=enterprise][value='" + e.pk + "']")) {
      var label = document.createElement("label"), input = document.createElement("input");
      label.className = "option";
      input.type = "radio"; input.name = "enterprise"; input.value = e.pk; input.dataset.version = e.version;
      label.append(input, " " + e.label);
      options.textContent = "";
      options.append(label);
    }
    var checked = {}, last = {};
    draft.values.forEach(function (pair) { checked[pair[0] + "\u0000" + pair[1]] = true; last[pair[0]] = pair[1]; });
    keptFields(function (el) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = !!checked[el.name + "\u0000" + el.value];
      else if (Object.prototype.hasOwnProperty.call(last, el.name)) el.value = last[el.name];
    });
    (draft.removed || []).forEach(function (id) { var f = document.getElementById(id); if (f) f.hidden = true; });
    drawPads();
    drawOfficerPads();
    if (officerQuery) filterOfficers();
    certificateProblems();
    showWitness();
    restoreFiles();
  }
  form.addEventListener("input", keepDraft);
  form.addEventListener("change", keepDraft);
  window.addEventListener("pagehide", function () { if (draftTimer) saveDraft(); });
  var draftRestored = root.dataset.bound === "1" ? Promise.resolve() : VisitStore.get("drafts", DRAFT_ID).then(function (draft) {
    if (draft && draft.key) applyDraft(draft);
  }).catch(function () {});
  window.VisitDraft = {
    restored: function () { return draftRestored; },
    saved: function () { return draftTimer ? saveDraft() : draftSaving; },
  };

  // Submitting: online as a page; offline kept on the phone and sent later ---------------------------
  form.addEventListener("submit", function (e) {
    var left = form.querySelector("input[name=left_at]");
    if (left && !left.value) left.value = now();
    var action = e.submitter ? e.submitter.value : "submit";
    if (!navigator.onLine && action === "draft") {
      // No network to save the draft on the server: it stays on the phone.
      e.preventDefault();
      saveDraft().then(function () { if (stateLine) stateLine.textContent = msg("DraftKept"); });
      return;
    }
    if (navigator.onLine) {
      // The server has the form now (or sends it back, with its values, to correct).
      dropDraft();
      return;
    }
    e.preventDefault();
    VisitQueue.keep(form, e.submitter).then(dropDraft).then(function () {
      leaving = false;
      form.reset();
      keyInput.value = newKey();
      if (arrived) arrived.value = now();
      options.textContent = "";
      drawOfficerPads();
      window.scrollTo(0, 0);
    });
  });

  // 放弃此草稿: nothing of the draft stays on the phone (its text, signatures and photos).
  var discard = document.getElementById("draft-discard");
  if (discard) discard.addEventListener("submit", function (e) {
    e.preventDefault();
    var files = Array.prototype.map.call(form.querySelectorAll("input[type=file]"), function (input) {
      return VisitStore.remove("files", fileId(input)).catch(function () {});
    });
    Promise.all([dropDraft()].concat(files)).then(function () { discard.submit(); });
  });

  if (window.VisitQueue) VisitQueue.start(root, form);
  root.dataset.ready = "1";
})();
