// Small helpers the Blazor components call through JS interop; no framework.
window.hrc = {
    focus: (selector) => document.querySelector(selector)?.focus(),
};
