// plexgate: small progressive touches; every page works without them.
// 1. Copy buttons (`data-copy` names the read-only field): copies, says "Copied", then resets.
//    Without JavaScript the field stays selectable.
// 2. <time datetime> shows the exact time in the viewer's own zone on hover; dates written by
//    the server in UTC (class "date") are rewritten in the viewer's zone and language.
document.addEventListener("click", function (ev) {
  var b = ev.target.closest ? ev.target.closest("[data-copy]") : null;
  if (!b) { return; }
  var input = document.getElementById(b.getAttribute("data-copy"));
  if (!input) { return; }
  input.select();
  var label = b.getAttribute("data-label") || b.textContent;
  b.setAttribute("data-label", label);
  var done = function () {
    b.textContent = "Copied";
    setTimeout(function () { b.textContent = label; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, function () {});
  } else if (document.execCommand && document.execCommand("copy")) {
    done();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var t = times[i];
    var d = new Date(t.getAttribute("datetime"));
    if (isNaN(d.getTime())) { continue; }
    t.title = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    if (t.classList.contains("date")) {
      t.textContent = d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
    }
  }
});
