/* Practices chooser widget (practices/chooser.py): the "Add practices" button opens the
 * practice chooser in multiple mode and adds what was ticked there as checked boxes. One
 * listener for the whole page, so programme and session forms added later work too. */
(function () {
  'use strict';

  function add(widget, results) {
    var name = widget.getAttribute('data-name');
    var list = widget.querySelector('[data-practices-chosen]');
    results.forEach(function (result) {
      var existing = list.querySelector('input[value="' + result.id + '"]');
      if (existing) {
        existing.checked = true;
        return;
      }
      var item = document.createElement('li');
      var labelEl = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = result.id;
      box.checked = true;
      labelEl.appendChild(box);
      labelEl.appendChild(document.createTextNode(' ' + result.title));
      item.appendChild(labelEl);
      list.appendChild(item);
    });
    list.hidden = !list.children.length;
    widget.querySelector('[data-practices-none]').hidden = !!list.children.length;
    // Tell Wagtail's unsaved-changes check that the form changed.
    widget.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-practices-add]');
    if (!button) return;
    var widget = button.closest('[data-practices-chooser]');
    var factory = window.telepath.unpack(JSON.parse(button.getAttribute('data-chooser')));
    factory.openModal(function (results) {
      add(widget, Array.isArray(results) ? results : [results]);
    }, { multiple: true });
  });
})();
