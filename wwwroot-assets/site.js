// Small helpers for pages with no live connection (and a few the Blazor components call through JS interop); no
// framework. Every listener sits on the document, so it keeps working after enhanced navigation swaps the page.
window.hrc = {
    focus: (selector) => document.querySelector(selector)?.focus(),
};

// --- Search suggestions: the ARIA 1.2 combobox of SearchBox.razor -------------------------------------------
const debounceMilliseconds = 150;
const comboboxOf = (target) =>
    target instanceof HTMLInputElement && target.getAttribute("role") === "combobox" ? target : null;
const listOf = (box) => document.getElementById(box.getAttribute("aria-controls"));
const optionsOf = (box) => [...(listOf(box)?.querySelectorAll("[role=option]") ?? [])];

function announce(box, text) {
    const status = box.form?.querySelector("[data-combobox-status]");
    if (status) status.textContent = text;
}

function setActive(box, index) {
    optionsOf(box).forEach((option, i) => {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("is-active", i === index);
    });
    const active = optionsOf(box)[index];
    if (active) box.setAttribute("aria-activedescendant", active.id);
    else box.removeAttribute("aria-activedescendant");
}

function activeIndex(box) {
    return optionsOf(box).findIndex((option) => option.getAttribute("aria-selected") === "true");
}

function closeList(box) {
    const list = listOf(box);
    if (list) list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    setActive(box, -1);
}

function showSuggestions(box, suggestions) {
    const list = listOf(box);
    const host = box.closest("[data-suggest]");
    const kinds = JSON.parse(host.dataset.kinds || "{}");
    list.replaceChildren(...suggestions.map((suggestion, i) => {
        const option = document.createElement("li");
        option.id = `search-suggestion-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "combobox__option";
        option.dataset.url = suggestion.url;
        const title = document.createElement("span");
        title.textContent = suggestion.title;
        const kind = document.createElement("span");
        kind.className = "combobox__kind";
        kind.textContent = kinds[suggestion.kind] ?? suggestion.kind;
        option.append(title, " ", kind);
        return option;
    }));
    const open = suggestions.length > 0;
    list.hidden = !open;
    box.setAttribute("aria-expanded", open ? "true" : "false");
    box.removeAttribute("aria-activedescendant");
    announce(box, open ? host.dataset.announce.replace("{0}", suggestions.length) : "");
}

function choose(box, option) {
    closeList(box);
    // Through Blazor when it is on the page, so the move is an enhanced navigation like any link.
    if (window.Blazor?.navigateTo) window.Blazor.navigateTo(option.dataset.url);
    else window.location.assign(option.dataset.url);
}

let pending;
let asked = 0;
document.addEventListener("input", (event) => {
    const box = comboboxOf(event.target);
    if (!box) return;
    clearTimeout(pending);
    // Debounce: only the last keystroke of a burst asks the server; a stale answer is dropped.
    pending = setTimeout(async () => {
        const ask = ++asked;
        const url = box.closest("[data-suggest]").dataset.suggest + "?q=" + encodeURIComponent(box.value);
        try {
            const response = await fetch(url, { headers: { Accept: "application/json" } });
            const suggestions = response.ok ? await response.json() : [];
            if (ask === asked) showSuggestions(box, suggestions);
        } catch {
            if (ask === asked) closeList(box);
        }
    }, debounceMilliseconds);
});

document.addEventListener("keydown", (event) => {
    const box = comboboxOf(event.target);
    if (!box) return;
    const options = optionsOf(box);
    const index = activeIndex(box);
    const open = box.getAttribute("aria-expanded") === "true";
    switch (event.key) {
        case "ArrowDown":
        case "ArrowUp":
            if (options.length === 0) return;
            // The arrows move through the suggestions, not the caret.
            event.preventDefault();
            listOf(box).hidden = false;
            box.setAttribute("aria-expanded", "true");
            setActive(box, event.key === "ArrowDown"
                ? (index + 1) % options.length
                : index <= 0 ? options.length - 1 : index - 1);
            break;
        case "Escape":
            closeList(box);
            break;
        case "Enter":
            if (open && index >= 0) {
                event.preventDefault();
                choose(box, options[index]);
            } else {
                closeList(box);
            }
            break;
    }
});

// mousedown, not click: it comes before the box loses focus and closes the list.
document.addEventListener("mousedown", (event) => {
    const option = event.target instanceof Element ? event.target.closest(".combobox__option") : null;
    if (!option) return;
    const box = document.querySelector(`[aria-controls="${option.parentElement.id}"]`);
    event.preventDefault();
    choose(box, option);
});

document.addEventListener("mouseover", (event) => {
    const option = event.target instanceof Element ? event.target.closest(".combobox__option") : null;
    if (!option) return;
    const box = document.querySelector(`[aria-controls="${option.parentElement.id}"]`);
    setActive(box, optionsOf(box).indexOf(option));
});

document.addEventListener("focusout", (event) => {
    const box = comboboxOf(event.target);
    if (box) closeList(box);
});

// --- Filter forms: ticking a box or choosing a sort applies it at once ------------------------------------
document.addEventListener("change", (event) => {
    const form = event.target instanceof Element ? event.target.closest("form[data-autosubmit]") : null;
    if (form && (event.target.type === "checkbox" || event.target.tagName === "SELECT")) form.requestSubmit();
});

// --- The navigation drawer and filters fold away on small screens (they stay open without script) ----------
const smallScreen = window.matchMedia("(max-width: 50rem)");
function foldOnSmallScreens() {
    document.querySelectorAll("details[data-fold-on-small]").forEach((details) => { details.open = !smallScreen.matches; });
}
foldOnSmallScreens();
smallScreen.addEventListener("change", foldOnSmallScreens);
// Enhanced navigation patches the page with the server's markup, which has them open again.
window.Blazor?.addEventListener?.("enhancedload", foldOnSmallScreens);

// --- Disclosure menus (the account menu): Escape or a click elsewhere closes them -------------------------
document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const menu = event.target instanceof Element ? event.target.closest("details[data-menu][open]") : null;
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
});
document.addEventListener("click", (event) => {
    document.querySelectorAll("details[data-menu][open]").forEach((menu) => {
        if (!menu.contains(event.target)) menu.open = false;
    });
});

// --- Time zone: the server shows times in the browser's zone, which it learns from a cookie -------------------
// The first reading page is rendered before the server knows the zone; once the cookie is set, a page that showed
// its times in another zone (and not one the person chose) is loaded again. The cookie then matches, so only once.
function rememberTimeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const remembered = document.cookie.split("; ").find((c) => c.startsWith("hrc.tz="))?.slice("hrc.tz=".length);
    if (remembered && decodeURIComponent(remembered) === zone) return;
    document.cookie = `hrc.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    const shown = document.querySelector("[data-times-in]");
    if (shown && shown.dataset.zoneChosen !== "true" && shown.dataset.timesIn !== zone) location.reload();
}
rememberTimeZone();
window.Blazor?.addEventListener?.("enhancedload", rememberTimeZone);
// --- Boards: Alt+Arrow moves a focused note (NoteCard.razor); without this the browser would also go back or forward.
document.addEventListener("keydown", (e) => {
    if (e.altKey && e.key.startsWith("Arrow") && e.target instanceof Element && e.target.matches("[data-note-keys]")) e.preventDefault();
});

// --- The dialogue room's lists (RoomLive.razor): one delegated click per list ---------------------------------
// A message is one piece of markup on the server, shared by every tab that shows it alike, so its buttons carry
// data-action (and data-arg) instead of a handler each. The click reaches .NET as "roomaction" with that action and the
// id of the button's message or question; a click that hits no button carries nothing and is ignored there.
// Registered here, before the room's circuit starts: Blazor maps the event name when it attaches the handler.
let roomFocusWatch = null;
function keepRoomFocus(button, selector) {
    // A changed message or question (a reaction counted) is replaced as a whole: give the pressed button's successor the focus.
    roomFocusWatch?.disconnect();
    const list = button.closest("ol") ?? document.body;
    roomFocusWatch = new MutationObserver(() => {
        if (button.isConnected) return;
        roomFocusWatch.disconnect();
        roomFocusWatch = null;
        if (document.activeElement && document.activeElement !== document.body) return;
        list.querySelector(selector)?.focus();
    });
    roomFocusWatch.observe(list, { childList: true, subtree: true });
}
window.Blazor?.registerCustomEventType?.("roomaction", {
    browserEventName: "click",
    createEventArgs: (event) => {
        const button = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
        const item = button?.closest("[data-message], [data-question], [data-speakers]");
        if (!item) return {};
        // The speaker queue's buttons (raise, lower, give the floor) belong to no message or question.
        const id = item.dataset.message ?? item.dataset.question ?? "";
        const { action, arg } = button.dataset;
        if (button === document.activeElement) {
            // Raising a hand replaces the button by "lower my hand": the focus goes to the queue's first button then.
            if (item.dataset.speakers !== undefined) keepRoomFocus(button, "[data-speakers] .actions button");
            else {
                const owner = item.dataset.message !== undefined ? `[data-message="${CSS.escape(id)}"] > article` : `[data-question="${CSS.escape(id)}"]`;
                keepRoomFocus(button, `${owner} [data-action="${CSS.escape(action)}"]` + (arg ? `[data-arg="${CSS.escape(arg)}"]` : ""));
            }
        }
        return { action, id, arg: arg ?? null };
    },
});
