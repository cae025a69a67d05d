// Titles from /<lang>/search/suggest/ in the search box's datalist; the box works without it.
(function () {
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 3) return;  // two letters are in most titles
    timer = setTimeout(function () {
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          list.replaceChildren.apply(list, data.suggestions.map(function (s) {
            var option = document.createElement("option");
            option.value = s.title;
            return option;
          }));
        })
        .catch(function () {});
    }, 250);
  });
})();
