/*
 * Secretaris: progressive enhancement only. Every page works without this file.
 *
 * Live filter: a search field with data-filter-list="ID" hides the items of the list
 * with that id that do not match what is typed, and reports the count in the element
 * named by data-filter-status="ID" (give it aria-live="polite"). Without JavaScript
 * the surrounding form simply submits to the server.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("sec-js");

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[’‘`]/g, "'").toLowerCase().trim();
  }

  function setUpFilter(input) {
    var list = document.getElementById(input.dataset.filterList);
    var status = document.getElementById(input.dataset.filterStatus || "");
    if (!list) return;
    var items = Array.prototype.slice.call(list.children);
    var keys = items.map(function (item) { return normalise(item.textContent); });

    function apply() {
      var query = normalise(input.value);
      var shown = 0;
      items.forEach(function (item, index) {
        var match = keys[index].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (status) {
        status.textContent = !query ? "" : shown === 0 ? "Geen resultaten"
          : shown + (shown === 1 ? " resultaat" : " resultaten");
      }
    }

    input.addEventListener("input", apply);
    if (input.value) apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-filter-list]").forEach(setUpFilter);
  });
})();
