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

// Copy buttons: copy the text of the element they name. Where the page may not write to the clipboard (an
// address without https, as a phone on a local network sees it, or a refused permission), the text is
// selected instead and the status says how to copy it: a click never does nothing.
for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const name = button.getAttribute('data-copy');
    const source = document.getElementById(name);
    if (!source) return;
    const status = document.getElementById(`${name}-status`);
    const say = (words) => {
      if (status) status.textContent = words || '';
    };
    say('');
    try {
      await navigator.clipboard.writeText(source.textContent || '');
      say(button.getAttribute('data-copied'));
    } catch {
      window.getSelection()?.selectAllChildren(source);
      say(button.getAttribute('data-copy-failed'));
    }
  });
}

// The device's own share sheet (a phone's), where the browser has one; cancelling it is no error.
if (navigator.share) {
  for (const button of document.querySelectorAll('[data-share-url]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator
        .share({
          title: button.getAttribute('data-share-title') || document.title,
          text: button.getAttribute('data-share-text') || '',
          url: button.getAttribute('data-share-url') || window.location.href,
        })
        .catch(() => {});
    });
  }
}

// Share buttons tell the platform they were used (counted for the issuer; the link works regardless).
for (const element of document.querySelectorAll('[data-beacon]')) {
  element.addEventListener('click', () => {
    if (navigator.sendBeacon) navigator.sendBeacon(element.getAttribute('data-beacon'));
  });
}

// Forms that destroy something ask first.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  });
}

// A file over the size the server takes is refused as soon as it is chosen, without sending it; the
// server refuses it as well (with the same words) where this script does not run.
for (const input of document.querySelectorAll('input[type="file"][data-max-bytes]')) {
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    const tooLarge = file !== undefined && file.size > Number(input.getAttribute('data-max-bytes'));
    input.setCustomValidity(tooLarge ? (input.getAttribute('data-too-large') ?? '') : '');
    if (tooLarge) input.reportValidity();
  });
}

// The ESCO skill picker of the achievement designer (the ARIA combobox pattern): suggestions from the
// public skills search as one types; choosing one fills the next empty skill row. Without this script
// the picker's Find and Add buttons do the same through the server.
for (const picker of document.querySelectorAll('[data-esco-picker]')) {
  const input = picker.querySelector('#skill-search');
  const form = input?.form;
  const rows = form?.querySelector('[data-skill-rows]');
  const findButton = picker.querySelector('#skill-search-find');
  if (!input || !form || !rows || !findButton) continue;
  const status = picker.querySelector('#skill-search-status');
  // The page's words, in its language, with their {placeholders} filled in.
  const words = (name, values) =>
    (picker.getAttribute(`data-${name}`) || '').replace(/\{(\w+)\}/g, (whole, key) =>
      Object.hasOwn(values, key) ? String(values[key]) : whole,
    );
  const announce = (text) => {
    if (status) status.textContent = text;
  };

  const listbox = document.createElement('ul');
  listbox.id = 'skill-search-listbox';
  listbox.className = 'esco-listbox';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', picker.querySelector('label[for="skill-search"]')?.textContent || '');
  listbox.hidden = true;
  input.insertAdjacentElement('afterend', listbox);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  let suggestions = [];
  let active = -1;
  let timer;
  let pending;

  const open = () => {
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const highlight = (index) => {
    active = index;
    for (const [position, option] of [...listbox.children].entries()) {
      option.setAttribute('aria-selected', String(position === index));
    }
    const option = listbox.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const close = () => {
    highlight(-1);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  // The form's skill rows, as pairs of inputs.
  const skillRows = () =>
    [...rows.querySelectorAll('tr')]
      .map((row) => ({
        name: row.querySelector('input[name^="skill-name-"]'),
        url: row.querySelector('input[name^="skill-url-"]'),
      }))
      .filter((row) => row.name && row.url);

  const choose = (index) => {
    const skill = suggestions[index];
    if (!skill) return;
    close();
    const all = skillRows();
    if (all.some((row) => row.url.value.trim() === skill.id)) {
      announce(words('already', { label: skill.label }));
      return;
    }
    const free = all.findIndex((row) => row.name.value.trim() === '' && row.url.value.trim() === '');
    if (free < 0) {
      // Every row is taken: the server adds it as a new row, as the Add button does.
      const adding = document.createElement('input');
      adding.type = 'hidden';
      adding.name = 'addSkill';
      adding.value = skill.id;
      form.append(adding);
      form.requestSubmit(findButton);
      return;
    }
    all[free].name.value = skill.label;
    all[free].url.value = skill.id;
    announce(words('added-as', { label: skill.label, number: free + 1 }));
  };

  const show = (skills, query) => {
    suggestions = skills;
    listbox.replaceChildren(
      ...skills.map((skill, index) => {
        const option = document.createElement('li');
        option.id = `skill-search-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-esco-uri', skill.id);
        const label = document.createElement('span');
        label.textContent = skill.label;
        const kind = document.createElement('span');
        kind.className = 'esco-kind';
        kind.textContent = picker.getAttribute(`data-kind-${skill.kind}`) || skill.kind;
        option.append(label, ' ', kind);
        // Keeps the focus in the field, so that a click chooses before the field's blur closes the list.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(index));
        return option;
      }),
    );
    if (skills.length === 0) {
      close();
      announce(words('no-match', { query }));
      return;
    }
    highlight(-1);
    open();
    announce(words('suggestions', { count: skills.length }));
  };

  // As one types, from the second letter on; asked with a key, from the first ("R" is a skill).
  const suggest = async (asked = false) => {
    clearTimeout(timer);
    pending?.abort();
    const query = input.value.trim();
    if (query.length < (asked ? 1 : 2)) {
      suggestions = [];
      listbox.replaceChildren();
      close();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const address = `${picker.getAttribute('data-esco-api')}?${new URLSearchParams({ q: query, limit: '10' })}`;
      const response = await fetch(address, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`the skills search answered ${response.status}`);
      const body = await response.json();
      if (pending === controller) show(body.skills, query);
    } catch (error) {
      if (error.name === 'AbortError') return;
      close();
      announce(words('failed', {}));
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), 250);
  });
  input.addEventListener('keydown', (event) => {
    const expanded = !listbox.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (suggestions.length === 0) {
        void suggest(true);
        return;
      }
      open();
      highlight(expanded ? (active + 1) % suggestions.length : 0);
    } else if (event.key === 'ArrowUp' && expanded) {
      event.preventDefault();
      highlight(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      // Enter in a field submits the form with its first button (the criteria's preview): not here.
      event.preventDefault();
      if (expanded && active >= 0) choose(active);
      else void suggest(true);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        close();
      } else if (input.value !== '') {
        event.preventDefault();
        input.value = '';
        suggestions = [];
        listbox.replaceChildren();
      }
    }
  });
  input.addEventListener('blur', close);
}
