// Downloads the report's PDF through fetch so the page can show how far it got, then hands it to the browser as a file.
export async function download(url, fileName, progress) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok || !response.body) {
        throw new Error('The report could not be downloaded (HTTP ' + response.status + ').');
    }

    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    let reported = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) {
            break;
        }

        chunks.push(value);
        received += value.length;
        // Every 64 KB at most, so a fast download does not flood the circuit.
        if (received - reported >= 65536) {
            reported = received;
            await progress.invokeMethodAsync('OnProgress', received, total);
        }
    }

    await progress.invokeMethodAsync('OnProgress', received, total);
    const href = URL.createObjectURL(new Blob(chunks, { type: 'application/pdf' }));
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.download = fileName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
}

// False when the browser refuses (no permission, not a secure context): the page then shows the link to copy by hand.
export async function copy(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

export function print() {
    window.print();
}
