// Starts the page's WebAssembly module. A file rather than Trunk's inline loader so the
// Content-Security-Policy can forbid inline scripts. URLs are relative to this file, so
// the site works under any sub-path.
import init from './app.js';

// The analysis worker is started here, before the page's own module has loaded, so that
// its (larger) WebAssembly downloads and compiles alongside the page's instead of after
// it. The page adopts it when it starts (src/app.rs, `spawn_worker`); what the worker
// says before then (its `ready`) is kept for the page.
try {
  const worker = new Worker(new URL('./worker_loader.js', import.meta.url));
  const early = { worker, messages: [], errors: [] };
  worker.onmessage = (e) => early.messages.push(e);
  worker.onerror = (e) => { e.preventDefault(); early.errors.push(e); };
  globalThis.parallaxEarlyWorker = early;
} catch (e) {
  // the page starts its own, and reports why that fails
}

init({ module_or_path: new URL('./app_bg.wasm', import.meta.url) }).catch((e) => {
  console.error('Parallax failed to start', e);
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = 'Parallax could not start: this browser needs WebAssembly support.';
  document.body.append(p);
});
