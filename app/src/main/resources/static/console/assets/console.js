// Maestro console: the little script the pages use. Everything works without it.
document.addEventListener('DOMContentLoaded', () => {
  // Filters marked data-autosubmit apply as soon as they change.
  document.querySelectorAll('select[data-autosubmit]').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
  // A node chosen on the map moves the keyboard focus to its row in the table.
  document.querySelectorAll('#us-map a.node').forEach(link =>
    link.addEventListener('click', () => {
      const row = document.querySelector(link.getAttribute('href'));
      if (row) { setTimeout(() => row.focus(), 0); }
    }));
});
