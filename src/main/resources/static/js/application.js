// The application editor (CSP-safe: no inline script). htmx autosaves each section form; this file adds what htmx
// does not do by itself:
// - the CSRF header, fetched anew after the person signed in again;
// - every unsaved change of a section kept in this browser (localStorage, per person, application and section)
//   until the server confirmed it, restored into the form when the page is opened again, and saved then;
// - an honest state per section: changes not saved yet, saving, saved (the server's answer), or not saved and why
//   (no connection: retried with a growing pause and when the browser is online again; the session expired:
//   signing in again in another tab saves what waits; the server failed: retried);
// - showing 409/422 answers (conflict, field errors), and keeping a section's autosave waiting while it shows a
//   conflict;
// - adding and removing rows (renumbering the field names, e.g. partners[1].people[0].fullName), and the partner's
//   region suggestions following its country.
(function () {
  "use strict";

  var editor = document.getElementById("application-editor");
  var RETRY_FIRST_MS = 2000;
  var RETRY_MAX_MS = 30000;
  var SESSION_POLL_MS = 5000;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  function text(name) {
    return editor ? editor.getAttribute("data-" + name) || "" : "";
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("_csrf");
    var header = meta("_csrf_header");
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // ------------------------------------------------------------------ sections and what waits in this browser

  function sectionOf(form) {
    return form && form.id && form.id.indexOf("form-") === 0 ? form.id.substring("form-".length) : null;
  }

  // The section form a request came from: the form itself, or a button belonging to it ("keep mine").
  function formOf(elt) {
    if (!elt) {
      return null;
    }
    var form = elt.tagName === "FORM" ? elt : elt.form;
    return form && form.classList && form.classList.contains("section-form") ? form : null;
  }

  function statusOf(section) {
    return document.getElementById("status-" + section);
  }

  function versionInput(form) {
    return form.querySelector("input.version-input");
  }

  var states = {};

  function state(section) {
    if (!states[section]) {
      states[section] = { edits: 0, sent: 0, retryMs: RETRY_FIRST_MS, retryTimer: null };
    }
    return states[section];
  }

  var storageWorks = true;

  function storageKey(section) {
    return "silkgrant.pending." + editor.getAttribute("data-user") + "." + editor.getAttribute("data-application")
      + "." + section;
  }

  function values(form) {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "version" && name !== "_csrf" && typeof value === "string") {
        out.push([name, value]);
      }
    });
    return out;
  }

  // What the person typed, with the version the section's text on this page started from: restored later, a save
  // from that version still meets someone else's save of the section as a conflict.
  function keep(form) {
    var section = sectionOf(form);
    try {
      localStorage.setItem(storageKey(section), JSON.stringify({
        version: versionInput(form).value, at: Date.now(), values: values(form)
      }));
    } catch (e) {
      storageWorks = false;
    }
  }

  function kept(section) {
    try {
      var raw = localStorage.getItem(storageKey(section));
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function forget(section) {
    try {
      localStorage.removeItem(storageKey(section));
    } catch (e) {
      storageWorks = false;
    }
  }

  // ------------------------------------------------------------------ the state line

  function show(section, outcome, message, link) {
    var target = statusOf(section);
    if (!target) {
      return;
    }
    var line = document.createElement("div");
    var danger = outcome === "offline" || outcome === "session" || outcome === "failed";
    line.className = danger ? "alert alert-warning mb-0 py-2" : "text-muted";
    line.setAttribute("data-outcome", outcome);
    if (danger) {
      line.setAttribute("role", "alert");
    }
    line.appendChild(document.createTextNode(message));
    if (link) {
      line.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = link.href;
      a.target = "_blank";
      a.rel = "noopener";
      a.setAttribute("data-sign-in", "");
      a.textContent = link.text;
      line.appendChild(a);
    }
    target.replaceChildren(line);
    summarise();
  }

  // One line that stays in view while any section waits: how many, and the reason when it is the connection or
  // the session; each section's own line says the rest.
  var WAITING = ["pending", "saving", "restored", "offline", "session", "failed", "conflict", "errors", "error"];

  function summarise() {
    var summary = document.getElementById("save-summary");
    if (!summary) {
      return;
    }
    var waiting = [];
    var reasons = {};
    document.querySelectorAll(".section-status").forEach(function (status) {
      var outcome = status.querySelector("[data-outcome]");
      var name = outcome ? outcome.getAttribute("data-outcome") : null;
      if (name && WAITING.indexOf(name) >= 0) {
        waiting.push(status.id.substring("status-".length));
        reasons[name] = true;
      }
    });
    if (waiting.length === 0) {
      summary.hidden = true;
      summary.replaceChildren();
      return;
    }
    var line = text("summary-unsaved").replace("{0}", String(waiting.length));
    if (reasons.session) {
      line += " — " + text("summary-session");
    } else if (reasons.offline) {
      line += " — " + text("summary-offline");
    }
    var link = document.createElement("a");
    link.href = "#section-" + waiting[0];
    link.className = "alert-link";
    link.textContent = line;
    summary.replaceChildren(link);
    summary.hidden = false;
  }

  document.addEventListener("htmx:afterSettle", summarise);

  function pending(section) {
    show(section, "pending", text("state-pending"));
  }

  // ------------------------------------------------------------------ typing

  function edited(event) {
    var form = event.target instanceof Element ? event.target.closest("form.section-form") : null;
    if (!form || !editor || (event.target.classList && event.target.classList.contains("version-input"))) {
      return;
    }
    var section = sectionOf(form);
    state(section).edits++;
    keep(form);
    var status = statusOf(section);
    if (!status || !status.querySelector("[data-outcome='conflict'], [data-outcome='errors'], [data-outcome='offline'],"
        + " [data-outcome='session'], [data-outcome='failed']")) {
      pending(section);
    }
  }

  document.addEventListener("input", edited, true);
  document.addEventListener("change", edited, true);

  // ------------------------------------------------------------------ saving

  function saveNow(form) {
    if (window.htmx && form) {
      window.htmx.trigger(form, "savenow");
    }
  }

  function retryLater(form) {
    var s = state(sectionOf(form));
    if (s.retryTimer) {
      return;
    }
    s.retryTimer = window.setTimeout(function () {
      s.retryTimer = null;
      saveNow(form);
    }, s.retryMs);
    s.retryMs = Math.min(s.retryMs * 2, RETRY_MAX_MS);
  }

  function waitingForms() {
    return Array.prototype.filter.call(document.querySelectorAll("form.section-form"), function (form) {
      return kept(sectionOf(form)) !== null || state(sectionOf(form)).edits > state(sectionOf(form)).sent;
    });
  }

  // While a section shows a conflict, its autosave waits for the person's choice (keep mine / take theirs):
  // a save triggered by typing or leaving a field would only meet the same conflict and hide the choice.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var form = formOf(elt);
    if (!form) {
      return;
    }
    var section = sectionOf(form);
    var status = statusOf(section);
    if (elt === form && status && status.querySelector("[data-outcome='conflict']")) {
      event.preventDefault();
      return;
    }
    if (session.expired) {
      // Nothing reaches the server before the person signed in again; what they typed waits here.
      event.preventDefault();
      showSession(section);
      return;
    }
    state(section).sent = state(section).edits;
    show(section, "saving", text("state-saving"));
  });

  function signInPage(xhr) {
    try {
      return !!xhr.responseURL && new URL(xhr.responseURL).pathname === "/login";
    } catch (ignored) {
      return false;
    }
  }

  // A conflict (409), field errors (422) or a refused save (400) come with a status line to show. Anything else
  // that is not a saved answer is not swapped in: the state line says why the change is not saved yet.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var target = event.detail.target;
    var form = formOf(event.detail.requestConfig ? event.detail.requestConfig.elt : null);
    if (!form && target && target.classList && target.classList.contains("section-status")) {
      form = document.getElementById("form-" + target.id.substring("status-".length));
    }
    if (!form) {
      return;
    }
    if (xhr.status === 400 || xhr.status === 409 || xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (xhr.status !== 200 || signInPage(xhr)) {
      event.detail.shouldSwap = false;
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = formOf(event.detail.elt);
    if (!form) {
      return;
    }
    var section = sectionOf(form);
    var s = state(section);
    var xhr = event.detail.xhr;
    if (xhr.status === 200 && !signInPage(xhr)) {
      s.retryMs = RETRY_FIRST_MS;
      if (s.edits === s.sent) {
        forget(section);
      } else {
        // Typed on while the save was on its way: kept with the new version, the next save is queued.
        keep(form);
        pending(section);
      }
      return;
    }
    if (xhr.status === 400 || xhr.status === 409 || xhr.status === 422) {
      return; // the answer's own status line (conflict, field errors) is shown; the change stays kept here
    }
    if (xhr.status === 0) {
      show(section, "offline", text("state-offline"));
      retryLater(form);
      return;
    }
    if (xhr.status === 401 || xhr.status === 403 || signInPage(xhr)) {
      checkSession(section, form);
      return;
    }
    show(section, "failed", text("state-failed"));
    retryLater(form);
  });

  // An older answer arriving late must not set a version input back.
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

  window.addEventListener("online", function () {
    waitingForms().forEach(function (form) {
      var s = state(sectionOf(form));
      if (s.retryTimer) {
        window.clearTimeout(s.retryTimer);
        s.retryTimer = null;
      }
      s.retryMs = RETRY_FIRST_MS;
      saveNow(form);
    });
  });

  // ------------------------------------------------------------------ the session

  var session = { expired: false, poll: null, retried: {} };

  function showSession(section) {
    show(section, "session", text("state-session"), { href: "/login", text: text("state-sign-in") });
  }

  function askSession() {
    return fetch("/session/status", { credentials: "same-origin", cache: "no-store",
      headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { signedIn: false };
      });
  }

  // A 401/403 or the sign-in page: either the session ended (the person signs in again, elsewhere) or the CSRF
  // token changed (they signed in again already). A fresh token is tried once before the change is called refused.
  function checkSession(section, form) {
    askSession().then(function (status) {
      if (status.signedIn && status.username === editor.getAttribute("data-user")) {
        if (status.csrfToken && status.csrfToken !== meta("_csrf") && !session.retried[section]) {
          document.querySelector('meta[name="_csrf"]').setAttribute("content", status.csrfToken);
          session.retried[section] = true;
          saveNow(form);
        } else {
          show(section, "failed", text("state-refused"));
        }
        return;
      }
      if (status.signedIn) {
        show(section, "failed", text("state-other-user"));
        return;
      }
      session.expired = true;
      showSession(section);
      waitForSignIn();
    }, function () {
      show(section, "offline", text("state-offline"));
      retryLater(form);
    });
  }

  function waitForSignIn() {
    if (session.poll) {
      return;
    }
    var check = function () {
      askSession().then(function (status) {
        if (!status.signedIn) {
          return;
        }
        window.clearInterval(session.poll);
        session.poll = null;
        if (status.username !== editor.getAttribute("data-user")) {
          waitingForms().forEach(function (form) { show(sectionOf(form), "failed", text("state-other-user")); });
          return;
        }
        session.expired = false;
        session.retried = {};
        if (status.csrfToken) {
          document.querySelector('meta[name="_csrf"]').setAttribute("content", status.csrfToken);
        }
        waitingForms().forEach(saveNow);
      }, function () { /* no connection: asked again at the next tick */ });
    };
    session.poll = window.setInterval(check, SESSION_POLL_MS);
    window.addEventListener("focus", check);
  }

  // ------------------------------------------------------------------ rows

  function rowsOf(container) {
    return Array.prototype.filter.call(container.children, function (child) {
      return child.classList.contains("repeat-row");
    });
  }

  function prefixOf(container) {
    var parentRow = container.parentElement ? container.parentElement.closest("[data-row-prefix]") : null;
    return (parentRow ? parentRow.getAttribute("data-row-prefix") + "." : "") + container.getAttribute("data-rows");
  }

  // Names follow the rows' order: containers are visited outer first, so nested rows see their parent's prefix.
  function renumber(root) {
    root.querySelectorAll("[data-rows]").forEach(function (container) {
      var prefix = prefixOf(container);
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

  function newRow(container) {
    var template = document.getElementById(container.getAttribute("data-template"));
    if (!template) {
      return null;
    }
    var row = template.content.firstElementChild.cloneNode(true);
    container.appendChild(row);
    return row;
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
      var row = container ? newRow(container) : null;
      if (!row) {
        return;
      }
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
      return;
    }
    var theirs = target.closest("[data-take-theirs]");
    if (theirs) {
      // The person chose the other save: what waited here is dropped on purpose.
      var section = theirs.closest(".section-status") ? theirs.closest(".section-status").id.substring("status-".length)
        : null;
      if (section) {
        forget(section);
      }
    }
  });

  // The region suggestions (the call's listed regions) follow the partner's country; any code may still be typed.
  function followCountry(select) {
    var row = select.closest(".repeat-row");
    var region = row ? row.querySelector('[data-field="regionCode"]') : null;
    if (region) {
      region.setAttribute("list", "altai-" + select.value);
    }
  }

  document.addEventListener("change", function (event) {
    var select = event.target instanceof Element ? event.target.closest("[data-country-select]") : null;
    if (select) {
      followCountry(select);
    }
  });

  // ------------------------------------------------------------------ restoring what waited in this browser

  // As many rows in each list as the kept names use (outer lists first, their new rows bring their inner lists).
  function fitRows(form, names) {
    for (var round = 0; round < 50; round++) {
      renumber(form);
      var moved = false;
      var containers = form.querySelectorAll("[data-rows]");
      for (var i = 0; i < containers.length && !moved; i++) {
        var container = containers[i];
        var prefix = prefixOf(container) + "[";
        var wanted = 0;
        names.forEach(function (name) {
          if (name.indexOf(prefix) === 0) {
            var index = parseInt(name.substring(prefix.length), 10);
            if (!isNaN(index) && index + 1 > wanted) {
              wanted = index + 1;
            }
          }
        });
        var rows = rowsOf(container);
        if (rows.length < wanted) {
          newRow(container);
          moved = true;
        } else if (rows.length > wanted && wanted > 0) {
          rows[rows.length - 1].remove();
          moved = true;
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  function restore(form, saved) {
    var names = saved.values.map(function (pair) { return pair[0]; });
    fitRows(form, names);
    var byName = {};
    saved.values.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "version" || field.name === "_csrf" || field.type === "file"
          || field.type === "button" || field.type === "submit") {
        return;
      }
      var given = byName[field.name] || [];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = given.indexOf(field.value) >= 0;
      } else if (field.tagName === "SELECT" && field.multiple) {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = given.indexOf(option.value) >= 0;
        });
      } else if (given.length > 0) {
        field.value = given[0];
      }
    });
    form.querySelectorAll("[data-country-select]").forEach(followCountry);
    versionInput(form).value = saved.version;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!editor || editor.getAttribute("data-editable") !== "true") {
      return;
    }
    document.querySelectorAll("form.section-form").forEach(function (form) {
      var section = sectionOf(form);
      var saved = kept(section);
      if (!saved || !Array.isArray(saved.values)) {
        return;
      }
      if (same(saved.values, values(form))) {
        forget(section); // the server has it already (its answer was lost on the way)
        return;
      }
      restore(form, saved);
      state(section).edits++;
      show(section, "restored", text("state-restored"));
      saveNow(form);
    });
  });

  // Only when this browser cannot keep the changes does leaving the page with changes not saved ask first.
  window.addEventListener("beforeunload", function (event) {
    if (!storageWorks && editor && waitingForms().length > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
