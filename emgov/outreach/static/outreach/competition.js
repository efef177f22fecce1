// The answering page: a countdown (display only; the server keeps the deadline) and answers sent
// with fetch, the next question drawn into the page from the server's reply. Without script the
// form posts as usual and the server answers with the next page.
(function () {
  "use strict";
  var countdown = null;

  function startCountdown(seconds) {
    var el = document.getElementById("remaining");
    if (!el) { return; }
    if (countdown) { clearInterval(countdown); }
    var ends = Date.now() + seconds * 1000;
    el.textContent = String(seconds);
    countdown = setInterval(function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      el.textContent = String(left);
      if (left === 0) { clearInterval(countdown); }
    }, 1000);
  }

  function showError(message) {
    var box = document.getElementById("quiz-error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function render(form, data) {
    var multiple = data.kind === "多选题";
    document.getElementById("q-number").textContent = String(data.number);
    document.getElementById("q-total").textContent = String(data.total);
    document.getElementById("q-kind").textContent = data.kind;
    document.getElementById("q-text").textContent = data.text;
    form.elements.position.value = String(data.position);
    var box = document.getElementById("q-choices");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    data.choices.forEach(function (choice) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = "choice";
      input.value = choice[0];
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + choice[1]));
      box.appendChild(label);
    });
    var button = form.querySelector("button[type=submit]");
    button.textContent = data.number === data.total ? form.dataset.lastLabel : form.dataset.nextLabel;
    startCountdown(data.remaining);
  }

  function submit(form, event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (data.finished) { window.location.assign(data.url); return; }
      if (data.choices) { render(form, data); }
      showError(data.error);
      button.disabled = false;
    }).catch(function () {
      form.submit();
    });
  }

  var form = document.getElementById("question");
  if (form) {
    form.addEventListener("submit", function (event) { submit(form, event); });
    var el = document.getElementById("remaining");
    startCountdown(parseInt(el.getAttribute("data-seconds"), 10) || 0);
  }
}());
