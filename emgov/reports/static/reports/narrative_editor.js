/* The annual report's narrative editor: the text with its numbers in it.
 *
 * The page carries the text as lines of runs (JSON): plain text {t} or a figure {k: key, f: format,
 * s: the words the report prints}. A figure is shown as a chip with its number; the writer inserts one
 * from a list by its Chinese name and picks a format by example. On save the chips become placeholders
 * again ({{ key|format }}) in the form's own title and body fields, which the server checks and stores.
 * Without this script the page shows those fields as they are.
 */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function json(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // The unit after a bare number (13,672 → 13,672个); words that carry their own unit stay as they are.
  function withUnit(shown, unit) {
    return /\d$/.test(shown) ? shown + (unit || "") : shown;
  }

  function placeholder(key, format) {
    return format ? "{{ " + key + "|" + format + " }}" : "{{ " + key + " }}";
  }

  ready(function () {
    var form = document.getElementById("narrative-form");
    var figures = json("narrative-figures");
    var lines = json("narrative-lines");
    if (!form || !figures || !lines || !window.getSelection) return;

    var byKey = {};
    figures.forEach(function (f) { byKey[f.key] = f; });
    var box = document.getElementById("narrative-editor");
    var fallback = form.querySelector("[data-fallback]");
    var titleEd = box.querySelector('[data-field="title"]');
    var bodyEd = box.querySelector('[data-field="body"]');
    var panel = document.getElementById("fig-panel");
    var search = document.getElementById("fig-search");
    var list = document.getElementById("fig-list");
    var formats = document.getElementById("fig-formats");
    var formatButtons = document.getElementById("fig-format-buttons");
    var removeButton = document.getElementById("fig-remove");
    var openButton = document.getElementById("fig-open");
    var lastRange = null;
    var editing = null; // the chip whose format is being changed

    function chip(key, format, shown) {
      var span = document.createElement("span");
      var figure = byKey[key];
      span.className = "fig-chip";
      span.contentEditable = "false";
      span.dataset.key = key;
      span.dataset.format = format || "";
      span.textContent = shown;
      span.title = figure ? figure.name : key;
      span.setAttribute("role", "button");
      span.tabIndex = 0;
      return span;
    }

    function fillLine(el, runs) {
      runs.forEach(function (r) {
        el.appendChild("t" in r ? document.createTextNode(r.t) : chip(r.k, r.f, r.s));
      });
      if (!el.childNodes.length) el.appendChild(document.createElement("br"));
    }

    function fill() {
      fillLine(titleEd, lines.title[0] || []);
      lines.body.forEach(function (runs) {
        var p = document.createElement("p");
        fillLine(p, runs);
        bodyEd.appendChild(p);
      });
    }

    function serialize(node) {
      var out = "";
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) {
          out += child.nodeValue.replace(/\u200b/g, "").replace(/\u00a0/g, " ");
        } else if (child.nodeType === 1) {
          if (child.dataset && child.dataset.key) out += placeholder(child.dataset.key, child.dataset.format);
          else if (child.tagName === "BR") out += "\n";
          else if (child.tagName === "P" || child.tagName === "DIV") {
            if (out && out.slice(-1) !== "\n") out += "\n";
            out += serialize(child);
            if (out.slice(-1) !== "\n") out += "\n";
          } else out += serialize(child);
        }
      });
      return out;
    }

    function remember() {
      var sel = window.getSelection();
      if (!sel.rangeCount) return;
      var range = sel.getRangeAt(0);
      if (titleEd.contains(range.startContainer) || bodyEd.contains(range.startContainer)) {
        lastRange = range.cloneRange();
      }
    }

    function insert(node) {
      var range = lastRange;
      if (!range) {
        range = document.createRange();
        range.selectNodeContents(bodyEd.lastElementChild || bodyEd);
        range.collapse(false);
      }
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      lastRange = range.cloneRange();
    }

    function showList(filter) {
      list.textContent = "";
      var group = null;
      var words = (filter || "").trim();
      figures.forEach(function (f) {
        if (words && f.name.indexOf(words) < 0 && f.group.indexOf(words) < 0) return;
        if (f.group !== group) {
          group = f.group;
          var head = document.createElement("li");
          head.className = "fig-group";
          head.textContent = group;
          list.appendChild(head);
        }
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "fig-choice";
        button.dataset.key = f.key;
        var name = document.createElement("span");
        name.textContent = f.name;
        var value = document.createElement("span");
        value.className = "fig-choice-value";
        value.textContent = withUnit(f.formats[0][1], f.unit);
        button.appendChild(name);
        button.appendChild(value);
        item.appendChild(button);
        list.appendChild(item);
      });
      if (!list.children.length) {
        var none = document.createElement("li");
        none.className = "empty";
        none.textContent = "没有名称包含“" + words + "”的数据项";
        list.appendChild(none);
      }
    }

    function showFormats(key) {
      var figure = byKey[key];
      formatButtons.textContent = "";
      figure.formats.forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "fig-format";
        button.dataset.format = pair[0];
        button.dataset.key = key;
        button.textContent = withUnit(pair[1], figure.unit);
        if (editing && editing.dataset.format === pair[0]) button.setAttribute("aria-pressed", "true");
        formatButtons.appendChild(button);
      });
      formats.hidden = false;
      removeButton.hidden = !editing;
      document.getElementById("fig-panel-title").textContent = figure.name;
    }

    function open(forChip) {
      editing = forChip || null;
      panel.hidden = false;
      openButton.setAttribute("aria-expanded", "true");
      if (editing) {
        list.hidden = search.hidden = true;
        showFormats(editing.dataset.key);
      } else {
        list.hidden = search.hidden = false;
        formats.hidden = true;
        document.getElementById("fig-panel-title").textContent = openButton.textContent;
        search.value = "";
        showList("");
        search.focus();
      }
    }

    function close() {
      panel.hidden = true;
      editing = null;
      openButton.setAttribute("aria-expanded", "false");
    }

    function choose(key, format) {
      var shown = byKey[key].formats.filter(function (p) { return p[0] === format; })[0][1];
      if (editing) {
        editing.dataset.format = format;
        editing.textContent = shown;
      } else {
        insert(chip(key, format, shown));
      }
      close();
    }

    fill();
    fallback.hidden = true;
    box.hidden = false;
    document.querySelectorAll("[data-insert]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var figure = byKey[b.dataset.insert];
        if (figure) insert(chip(figure.key, figure.formats[0][0], figure.formats[0][1]));
      });
    });

    document.addEventListener("selectionchange", remember);
    titleEd.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    [titleEd, bodyEd].forEach(function (ed) {
      ed.addEventListener("paste", function (e) {
        e.preventDefault();
        var text = (e.clipboardData || window.clipboardData).getData("text/plain");
        if (ed === titleEd) text = text.replace(/\s*\n\s*/g, "");
        document.execCommand("insertText", false, text);
      });
      ed.addEventListener("click", function (e) {
        var target = e.target.closest ? e.target.closest(".fig-chip") : null;
        if (target && ed.contains(target)) open(target);
      });
      ed.addEventListener("keydown", function (e) {
        if ((e.key === "Enter" || e.key === " ") && e.target.classList && e.target.classList.contains("fig-chip")) {
          e.preventDefault();
          open(e.target);
        }
      });
    });
    openButton.addEventListener("click", function () { if (panel.hidden) open(null); else close(); });
    document.getElementById("fig-close").addEventListener("click", close);
    search.addEventListener("input", function () { showList(search.value); formats.hidden = true; });
    list.addEventListener("click", function (e) {
      var button = e.target.closest("button.fig-choice");
      if (!button) return;
      var figure = byKey[button.dataset.key];
      if (figure.formats.length === 1) choose(figure.key, figure.formats[0][0]);
      else showFormats(figure.key);
    });
    formatButtons.addEventListener("click", function (e) {
      var button = e.target.closest("button.fig-format");
      if (button) choose(button.dataset.key, button.dataset.format);
    });
    removeButton.addEventListener("click", function () {
      if (editing) editing.remove();
      close();
    });
    form.addEventListener("submit", function () {
      form.elements.title.value = serialize(titleEd).replace(/\n/g, "").trim();
      form.elements.body.value = serialize(bodyEd).replace(/\n+$/, "");
    });
  });
})();
