// On a narrow screen the field detail sits below the list: bring it into view when a field is picked,
// but leave the page alone when it is already where the analyst is looking (wide screens).
export function reveal(selector) {
    const element = document.querySelector(selector);
    if (!element) {
        return;
    }

    const top = element.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) {
        element.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
}

// On a wide screen the field list scrolls on its own: show the selected field in it, without moving the page.
export function showInList(selector) {
    const row = document.querySelector(selector);
    const list = row?.closest('.ri-gap-column');
    if (!list || list.scrollHeight <= list.clientHeight) {
        return;
    }

    const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    list.scrollTop = Math.max(0, top - list.clientHeight / 3);
}
