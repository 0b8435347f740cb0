// The browser's IANA time zone, for an interactive page's event times (site.js keeps the hrc.tz cookie for static pages).
export function browserTimeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
