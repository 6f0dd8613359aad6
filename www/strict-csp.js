// The strict-CSP page (strict-csp.html): load the module and register the elements, from a
// file of the page's own origin (the policy allows no inline script).
import init, { defineElements } from "/pkg/foerderweg.js";

await init();
defineElements();
