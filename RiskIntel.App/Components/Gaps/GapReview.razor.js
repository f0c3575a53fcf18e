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
