// tsc emits only the JavaScript: the files the server reads beside its modules at run time (the site's CSS
// and script, the SQL migrations and their journal) are copied to the same places under dist/.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const isTypeScript = /\.[cm]?tsx?$/;

cpSync(
  fileURLToPath(new URL('../src', import.meta.url)),
  fileURLToPath(new URL('../dist', import.meta.url)),
  {
    recursive: true,
    filter: (path) => !isTypeScript.test(path),
  },
);
