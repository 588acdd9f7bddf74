/* crosscheck.js: the loader a page includes with one module script tag.
 *
 *   <div data-crosscheck data-corpus="story.json"></div>
 *   <script type="module" src="https://example.org/crosscheck/crosscheck.js"></script>
 *
 * It adds crosscheck.css (from its own folder, first in <head> so the page's own rules win),
 * starts the wasm (crosscheck_core.js and crosscheck_core_bg.wasm, also from its folder), which
 * mounts a widget in every [data-crosscheck] element, and exports the JS API:
 *
 *   import { mount, unmount } from './crosscheck.js';
 *   const widget = mount(element or selector, { corpus, theme, source, claim, height, lang });
 *   await widget.ready;       // true once the story shows, false if the widget shows an error
 *   widget.claimReviews();    // schema.org ClaimReview JSON-LD of the contradicted claims
 *   widget.destroy();         // removes the widget and puts the element back as it was
 *   unmount(element);         // the same for a widget the page mounted by itself
 *
 * Options and their defaults are checked (and documented) in Rust and README.md; this file only
 * fetches, injects and forwards. It runs no inline script and no eval, so it works under
 * `script-src 'self' 'wasm-unsafe-eval'`. It deliberately has no build step and no dependency.
 */
import init, * as core from './crosscheck_core.js';

const here = import.meta.url;

/** Adds crosscheck.css once; resolves when it has loaded (or failed: the widget still works). */
function addStylesheet() {
  const href = new URL('crosscheck.css', here).href;
  const links = document.querySelectorAll('link[rel~="stylesheet"]');
  if ([...links].some((link) => link.href === href)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const settled = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.prepend(link);
  return settled;
}

try {
  // The wasm downloads while the stylesheet loads; widgets mount (in init) once both are here,
  // so they never show unstyled.
  const wasm = fetch(new URL('crosscheck_core_bg.wasm', here));
  await addStylesheet();
  await init({ module_or_path: wasm });
} catch (error) {
  // Without the wasm no widget can start: say so in each, as text, and let the page go on.
  for (const element of document.querySelectorAll('[data-crosscheck]')) {
    const message = document.createElement('p');
    message.className = 'crosscheck__error';
    message.setAttribute('role', 'alert');
    message.textContent = `crosscheck could not start: ${error && error.message ? error.message : error}`;
    element.replaceChildren(message);
    element.classList.add('crosscheck');
    element.setAttribute('data-crosscheck-state', 'error');
  }
  throw error;
}

function elementOf(target) {
  const element = typeof target === 'string' ? document.querySelector(target) : target;
  if (!(element instanceof Element)) {
    throw new TypeError(`crosscheck: ${String(target)} is not an element on this page`);
  }
  return element;
}

/** Resolves true on the widget's `crosscheck:ready` event, false on `crosscheck:error`. */
function whenSettled(element) {
  return new Promise((resolve) => {
    const settle = (event) => {
      if (event.target !== element) return;
      element.removeEventListener('crosscheck:ready', settle);
      element.removeEventListener('crosscheck:error', settle);
      resolve(event.type === 'crosscheck:ready');
    };
    element.addEventListener('crosscheck:ready', settle);
    element.addEventListener('crosscheck:error', settle);
  });
}

/**
 * Mounts a widget in `target` (an element or a CSS selector). `options` override the element's
 * data-* attributes; an element that already holds a widget is remounted with them.
 */
export function mount(target, options = {}) {
  const element = elementOf(target);
  const ready = whenSettled(element);
  const id = core.mount(element, options);
  return Object.freeze({
    element,
    ready,
    destroy: () => core.destroy(id),
    claimReviews: () => {
      const json = core.claim_reviews(id);
      return json === undefined ? null : JSON.parse(json);
    },
  });
}

/** Removes the widget in `target`, however it was mounted. False when it holds none. */
export function unmount(target) {
  return core.unmount(elementOf(target));
}
