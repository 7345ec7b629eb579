// Organisatiebeeld import. On the mapping step: say that the file is being sent and keep
// the button from being pressed twice. On the progress page: ask every 1.5 s how far the
// import job got, show it, and open the outcome when it is done. Without this script
// the "Stand bijwerken" link does the same by hand.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.sec-import-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var status = form.querySelector(".sec-import-progress");
      var button = form.querySelector("button[type=submit]");
      if (status) {
        status.textContent = form.getAttribute("data-busy-text");
      }
      if (button) {
        button.setAttribute("aria-disabled", "true");
        button.addEventListener("click", function (event) { event.preventDefault(); });
      }
    });
  });

  var box = document.querySelector(".sec-import-status[data-poll-url]");
  if (!box) {
    return;
  }
  var text = box.querySelector(".sec-import-progress");
  var bar = box.querySelector(".sec-import-bar");
  function poll() {
    fetch(box.getAttribute("data-poll-url"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) {
          window.setTimeout(poll, 5000);
          return;
        }
        if (state.finished) {
          window.location.reload();
          return;
        }
        if (text.textContent !== state.text) {
          text.textContent = state.text;
        }
        if (bar && state.total) {
          bar.max = state.total;
          bar.value = state.done || 0;
        }
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1500);
});
