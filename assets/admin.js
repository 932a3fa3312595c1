// plexgate admin: copy buttons (`data-copy` names the input to copy). Works without it too:
// the link stays selectable in its read-only field.
document.addEventListener("click", function (ev) {
  var b = ev.target.closest ? ev.target.closest("[data-copy]") : null;
  if (!b) { return; }
  var input = document.getElementById(b.getAttribute("data-copy"));
  if (!input) { return; }
  input.select();
  var done = function () { b.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, function () {});
  } else if (document.execCommand && document.execCommand("copy")) {
    done();
  }
});
