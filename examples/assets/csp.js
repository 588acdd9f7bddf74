// The JS API under a Content-Security-Policy that refuses inline script (examples/csp.html; URLs in options are relative to the page):
// mount a widget with options, and destroy it from a button.
import { mount } from '../../pkg/crosscheck.js';

const bridge = mount('#bridge-widget', { corpus: 'assets/bridge.json', theme: 'light', height: '520px' });
document.querySelector('#remove-bridge').addEventListener('click', () => bridge.destroy(), { once: true });
