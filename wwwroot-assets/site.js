// Small helpers the Blazor components call through JS interop; no framework.
window.hrc = {
    focus: (selector) => document.querySelector(selector)?.focus(),
};

// Up and down in a combobox move through its suggestions, not the caret: the server handles the keys but
// cannot cancel their default action in time, and the CSP rules out inline handlers.
document.addEventListener("keydown", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.getAttribute("role") !== "combobox") return;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const list = document.getElementById(box.getAttribute("aria-controls"));
    if (list?.querySelector("[role=option]")) event.preventDefault();
});
