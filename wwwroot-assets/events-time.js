// The browser's IANA time zone, for showing event times; remembered for a year so server-rendered pages use it too.
export function browserTimeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = `hrc.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    return zone;
}
