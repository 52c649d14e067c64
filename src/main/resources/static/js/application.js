// The application editor (CSP-safe: no inline script). htmx autosaves each section form; this file adds what htmx
// does not do by itself: the CSRF header, showing 409/422 answers (conflict, field errors), keeping the version
// inputs from moving backwards when answers arrive out of order, adding and removing rows (renumbering the
// field names, e.g. partners[1].people[0].fullName), and the partner's region suggestions following its country.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("_csrf");
    var header = meta("_csrf_header");
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // While a section shows a conflict, its autosave waits for the person's choice (keep mine / take theirs):
  // a save triggered by typing or leaving a field would only meet the same conflict and hide the choice.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || elt.tagName !== "FORM" || !elt.id || elt.id.indexOf("form-") !== 0) {
      return;
    }
    var status = document.getElementById("status-" + elt.id.substring("form-".length));
    if (status && status.querySelector("[data-outcome='conflict']")) {
      event.preventDefault();
    }
  });

  function problem(target, text) {
    var box = document.createElement("div");
    box.className = "alert alert-danger mb-0";
    box.setAttribute("role", "alert");
    box.textContent = text;
    target.replaceChildren(box);
  }

  // A conflict (409), field errors (422) or a refused save (400) come with a status line to show. A save that
  // ended on the sign-in page (the session expired) or failed otherwise says so in the status line instead.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var status = xhr.status;
    if (status === 400 || status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    var editor = document.getElementById("application-editor");
    var target = event.detail.target;
    if (!editor || !target || !target.classList || !target.classList.contains("section-status")) {
      return;
    }
    var signIn = false;
    try {
      signIn = xhr.responseURL && new URL(xhr.responseURL).pathname === "/login";
    } catch (ignored) {
      signIn = false;
    }
    if (signIn) {
      event.detail.shouldSwap = false;
      problem(target, editor.getAttribute("data-session-expired"));
    } else if (status >= 400) {
      event.detail.shouldSwap = false;
      problem(target, editor.getAttribute("data-save-failed"));
    }
  });

  // An older answer arriving late must not set the version inputs back.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.classList || !target.classList.contains("version-input")) {
      return;
    }
    var fragment = event.detail.fragment;
    var incoming = fragment && fragment.querySelector ? fragment.querySelector("input") : null;
    if (!incoming && fragment && fragment.matches && fragment.matches("input")) {
      incoming = fragment;
    }
    if (incoming && Number(incoming.value) < Number(target.value)) {
      event.detail.shouldSwap = false;
    }
  });

  function rowsOf(container) {
    return Array.prototype.filter.call(container.children, function (child) {
      return child.classList.contains("repeat-row");
    });
  }

  // Names follow the rows' order: containers are visited outer first, so nested rows see their parent's prefix.
  function renumber(root) {
    root.querySelectorAll("[data-rows]").forEach(function (container) {
      var parentRow = container.parentElement ? container.parentElement.closest("[data-row-prefix]") : null;
      var prefix = (parentRow ? parentRow.getAttribute("data-row-prefix") + "." : "") + container.getAttribute("data-rows");
      rowsOf(container).forEach(function (row, index) {
        var rowPrefix = prefix + "[" + index + "]";
        row.setAttribute("data-row-prefix", rowPrefix);
        row.querySelectorAll("[data-field]").forEach(function (field) {
          if (field.closest("[data-rows]") === container) {
            field.setAttribute("name", rowPrefix + "." + field.getAttribute("data-field"));
          }
        });
      });
    });
  }

  function changed(form) {
    if (form) {
      form.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) {
      return;
    }
    var add = target.closest("[data-add-row]");
    if (add) {
      var group = add.closest(".row-group");
      var container = group ? group.querySelector("[data-rows]") : null;
      var template = container ? document.getElementById(container.getAttribute("data-template")) : null;
      if (!template) {
        return;
      }
      var row = template.content.firstElementChild.cloneNode(true);
      container.appendChild(row);
      renumber(add.closest("form") || document);
      var first = row.querySelector("input, select, textarea");
      if (first) {
        first.focus();
      }
      return;
    }
    var remove = target.closest("[data-remove-row]");
    if (remove) {
      var form = remove.closest("form");
      var removed = remove.closest(".repeat-row");
      if (removed) {
        removed.remove();
        renumber(form || document);
        changed(form);
      }
    }
  });

  // The region suggestions (the call's listed regions) follow the partner's country; any code may still be typed.
  document.addEventListener("change", function (event) {
    var select = event.target instanceof Element ? event.target.closest("[data-country-select]") : null;
    if (!select) {
      return;
    }
    var row = select.closest(".repeat-row");
    var region = row ? row.querySelector('[data-field="regionCode"]') : null;
    if (region) {
      region.setAttribute("list", "altai-" + select.value);
    }
  });
})();
