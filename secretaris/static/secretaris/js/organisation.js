// Organisatiebeeld import: while the server reads a large file, say so and keep the
// button from being pressed twice. Works without this script too.
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
});
