// Countdowns to a call's deadline: the server renders the first value, this keeps it current.
(function () {
  "use strict";
  function format(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (_, i) { return String(values[Number(i)]); });
  }
  function tick() {
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      var left = Date.parse(el.getAttribute("data-deadline")) - Date.now();
      if (isNaN(left)) { return; }
      if (left <= 0) { el.textContent = el.getAttribute("data-over"); return; }
      var minutes = Math.floor(left / 60000);
      el.textContent = format(el.getAttribute("data-pattern"),
        [Math.floor(minutes / 1440), Math.floor(minutes / 60) % 24, minutes % 60]);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { tick(); setInterval(tick, 15000); });
})();

// A button with data-confirm asks before its form is sent (withdrawing, refusing cannot be undone).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
