// Progressive enhancement only: every page works without this file.

// Drag a file onto a drop zone: it fills the zone's file input.
for (const zone of document.querySelectorAll('[data-dropzone]')) {
  const input = zone.querySelector('input[type="file"]');
  if (!input) continue;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      zone
        .querySelector('[data-dropzone-name]')
        ?.replaceChildren(document.createTextNode(input.files[0].name));
    }
  });
}

// Copy buttons: copy the text of the element they name.
for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) return;
    await navigator.clipboard.writeText(source.textContent || '');
    const status = document.getElementById(`${button.getAttribute('data-copy')}-status`);
    if (status) status.textContent = button.getAttribute('data-copied') || '';
  });
}

// Forms that destroy something ask first.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  });
}
