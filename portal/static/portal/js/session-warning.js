// A long form warns before the session ends: typing sends nothing to the server, so a person
// writing for an hour would otherwise be signed out without knowing. (Their text is kept
// server-side if that happens anyway; the warning lets them save before it does.)
(function () {
  "use strict";
  var note = document.querySelector("[data-session-idle-minutes]");
  var warning = document.getElementById("session-warning");
  if (!note || !warning) { return; }
  var minutes = Number(note.getAttribute("data-session-idle-minutes"));
  var warnBefore = Math.min(5, minutes / 2);
  window.setTimeout(function () { warning.hidden = false; }, (minutes - warnBefore) * 60 * 1000);
}());
