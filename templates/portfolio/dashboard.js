// The overview table: sort by any column (its header's button), filter by setting, stage
// and area (the selects). Plain DOM, no library: the page must work with no network.
(function () {
  "use strict";
  var table = document.getElementById("overview");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var shown = document.getElementById("shown");

  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var keep = filters.every(function (select) {
        if (!select.value) {
          return true;
        }
        var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "");
        return values.split("\n").indexOf(select.value) >= 0;
      });
      row.hidden = !keep;
      count += keep ? 1 : 0;
    });
    shown.textContent = count + " of " + rows.length + " reviews shown";
  }

  function key(row, column) {
    var cell = row.cells[column];
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  function sortBy(header) {
    var column = header.cellIndex;
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, column);
      var y = key(b, column);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "en", { numeric: true });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  filters.forEach(function (select) {
    select.addEventListener("change", apply);
  });
  Array.prototype.forEach.call(table.querySelectorAll("thead button"), function (button) {
    button.addEventListener("click", function () {
      sortBy(button.parentNode);
    });
  });
  apply();
})();
