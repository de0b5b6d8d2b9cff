// The agency list of a hall board, a page at a time. The server renders every row; this cuts them
// into pages that fit the list's height as the browser lays them out (names wrap, fonts load, the
// screen may stand upright), shows one page and turns to the next. No row is ever cut in half.
// Pages turn every `pageMs`, faster when there are many, so that the whole list comes round within
// `cycleMs`, but never faster than `minPageMs`. The list carries data-page, data-pages and
// data-page-ms; the indicator beside the heading says "1/3".

export function startPager(list, { pageMs = 10000, cycleMs = 20000, minPageMs = 5000 } = {}) {
    const indicator = list.parentElement.querySelector("[data-test=page-indicator]");
    let pages = [];
    let current = 0;
    let timer = 0;
    let stopped = false;

    function rows() {
        return Array.from(list.children);
    }

    // Every row shown, measured, then cut where the next row would cross the bottom of the list.
    function layout() {
        const all = rows();
        for (const row of all) row.style.display = "";
        const height = list.clientHeight;
        const cut = [];
        let page = [];
        let top = 0;
        for (const row of all) {
            const bottom = row.offsetTop + row.offsetHeight;
            if (page.length > 0 && bottom - top > height) {
                cut.push(page);
                page = [];
            }
            if (page.length === 0) top = row.offsetTop;
            page.push(row);
        }
        if (page.length > 0) cut.push(page);
        pages = cut;
        if (current >= pages.length) current = 0;
        show();
    }

    function interval() {
        return pages.length <= 1 ? pageMs : Math.max(minPageMs, Math.min(pageMs, Math.floor(cycleMs / pages.length)));
    }

    function show() {
        pages.forEach((page, i) => {
            for (const row of page) row.style.display = i === current ? "" : "none";
        });
        list.dataset.page = String(current + 1);
        list.dataset.pages = String(pages.length);
        list.dataset.pageMs = String(interval());
        if (indicator) indicator.textContent = pages.length > 1 ? `${current + 1}/${pages.length}` : "";
    }

    function turn() {
        if (stopped) return;
        if (pages.length > 1) {
            current = (current + 1) % pages.length;
            show();
        }
        timer = setTimeout(turn, interval());
    }

    // The server changes counts, adds and removes rows: cut the pages again, on the page shown.
    const changes = new MutationObserver(() => layout());
    changes.observe(list, { childList: true, subtree: true, characterData: true });
    const resized = () => layout();
    window.addEventListener("resize", resized);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(() => { if (!stopped) layout(); });

    layout();
    timer = setTimeout(turn, interval());

    return {
        stop() {
            stopped = true;
            clearTimeout(timer);
            changes.disconnect();
            window.removeEventListener("resize", resized);
        },
    };
}
