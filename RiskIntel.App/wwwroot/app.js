// Preferences the server needs for its first render (theme, time zone) travel as cookies, so a page paints
// right at once: no flash of the light theme, no times shown in UTC first.
(function () {
  const year = 60 * 60 * 24 * 365;
  const set = (name, value) => {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + year + "; samesite=lax";
  };

  try {
    set("riskintel-tz", Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  } catch {
    // A browser without Intl time zones gets UTC.
  }

  window.riskIntel = {
    setDarkMode: (dark) => set("riskintel-theme", dark ? "dark" : "light"),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  };
})();
