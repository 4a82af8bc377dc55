// Starts the page's WebAssembly module. A file rather than Trunk's inline loader so the
// Content-Security-Policy can forbid inline scripts. URLs are relative to this file, so
// the site works under any sub-path.
import init from './app.js';

init({ module_or_path: new URL('./app_bg.wasm', import.meta.url) }).catch((e) => {
  console.error('Parallax failed to start', e);
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = 'Parallax could not start: this browser needs WebAssembly support.';
  document.body.append(p);
});
