// Scrolls the page-text box (not the window) so that the first evidence mark sits in its upper third.
export function scrollToMark(container) {
    if (!container) {
        return;
    }

    const mark = container.querySelector('mark');
    container.scrollTop = mark ? Math.max(0, mark.offsetTop - container.clientHeight / 3) : 0;
}
