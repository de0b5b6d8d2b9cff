// Hall display announcements. Calls are queued and played one after another on one audio element.
// A call alone is said whole (chime, then Kazakh, then Russian: "Талон А-015, жетінші терезеге" /
// "Талон А-015, окно семь", about 7 s). When several wait, the player keeps up instead of falling
// half a minute behind the screen: one chime for the burst, then each call without "Талон"
// (2–3 calls), or the ticket numbers alone (4 or more; the screen shows the window). The forms come
// from the server (Announcement.For); which one is said is decided here, the one place that knows
// how many calls are waiting.
//
// It is also the one place that knows what this tab has said, so it leads the catch-up of a board
// that was away: what was said is kept in sessionStorage (a reload, as reconnect.js does when the
// server lost the circuit, keeps it; a new tab or a restarted browser starts fresh from the board),
// each call by its seq, so a call caught up and the same call arriving live are said once. When the
// connection drops, the newest seq reached is noted; when it is back (reconnect.js's events), the
// board is asked for everything after it (DisplayBoard.CatchUp). A reloaded page's board asks from
// the seq kept before the reload (attach).
window.oaAnnouncer = (() => {
    const queue = [];
    const storeKey = "oa.display.heard";
    const keep = 500;
    const saved = read();
    // The newest seq the board has reached: its load, or a call said.
    let last = saved ? saved.last : null;
    const heard = new Set(saved ? saved.heard : []);
    let board = null;
    let awayFrom = null;

    function read() {
        try {
            const value = JSON.parse(sessionStorage.getItem(storeKey));
            return value && typeof value.last === "number" && Array.isArray(value.heard) ? value : null;
        } catch {
            return null;
        }
    }

    function save() {
        while (heard.size > keep) heard.delete(heard.values().next().value);
        try {
            sessionStorage.setItem(storeKey, JSON.stringify({ last, heard: Array.from(heard) }));
        } catch { /* storage full or refused: this page still says each call once */ }
    }

    function catchUp() {
        if (!board || awayFrom === null) return;
        const from = awayFrom;
        awayFrom = null;
        // Down again before the board answered: the next time up asks from the same seq.
        board.invokeMethodAsync("CatchUp", from).catch(() => { if (awayFrom === null) awayFrom = from; });
    }

    window.addEventListener("oa:connection-down", () => { if (awayFrom === null && last !== null) awayFrom = last; });
    window.addEventListener("oa:connection-up", catchUp);
    let playing = false;
    // The largest number of calls waiting together since the player was last idle: a burst keeps its
    // shorter form to its end, so the last call of five is not read at full length after the others.
    let burst = 0;
    // Calls committed together reach the page a few milliseconds apart: wait this long before the
    // first one, so that the burst is counted before anything is said.
    const gatherMs = 300;

    function audio() { return document.querySelector("[data-test=announcer]"); }

    /** The form for a call when `waiting` calls (this one included) are in the burst. */
    function formFor(waiting) {
        return waiting >= 4 ? "numbers" : waiting >= 2 ? "brief" : "full";
    }

    function playClip(el, clip) {
        return new Promise((resolve) => {
            let finished = false;
            const done = () => {
                if (finished) return;
                finished = true;
                el.removeEventListener("ended", done);
                el.removeEventListener("error", done);
                resolve();
            };
            el.addEventListener("ended", done);
            el.addEventListener("error", done);
            setTimeout(done, 5000); // a clip that never ends must not stop the queue
            el.src = clip;
            // Autoplay refused or a clip missing: the board still shows the call; go on.
            Promise.resolve(el.play()).catch(done);
        });
    }

    async function playNext() {
        const el = audio();
        if (playing || queue.length === 0 || !el) {
            if (queue.length === 0 && !playing) burst = 0;
            return;
        }
        playing = true;
        const first = burst === 0;
        if (first) {
            await new Promise((resolve) => setTimeout(resolve, gatherMs));
        }
        burst = Math.max(burst, queue.length);
        const { number, speech } = queue.shift();
        const form = formFor(burst);
        const words = speech[form] || [];
        // The chime opens a burst; a display that only chimes chimes for every call.
        const clips = (first || words.length === 0) && speech.chime ? [speech.chime, ...words] : words;
        el.dataset.announcing = number;
        for (const clip of clips) {
            await playClip(el, clip);
        }
        el.dataset.announced = String(Number(el.dataset.announced || 0) + 1);
        el.dataset.lastAnnounced = number;
        el.dataset.said = ((el.dataset.said || "") + " " + number).trim().split(" ").slice(-50).join(" ");
        el.dataset.lastForm = form;
        el.dataset.forms = ((el.dataset.forms || "") + " " + form).trim().split(" ").slice(-20).join(" ");
        playing = false;
        playNext();
    }

    return {
        /**
         * Queues one call: `speech` is { chime, full, brief, numbers } (clip addresses); `seq` is the call's
         * event (none for a test call): a seq already said is not said again.
         */
        enqueue(number, speech, seq) {
            if (typeof seq === "number") {
                if (heard.has(seq)) return;
                heard.add(seq);
                last = Math.max(last ?? 0, seq);
                save();
            }
            queue.push({ number, speech });
            playNext();
        },

        /**
         * The board of this page (a DotNetObjectReference with CatchUp(afterSeq)) at the seq it was loaded at.
         * Returns the seq this tab had reached before (its board asks for what came after), or null the first time.
         */
        attach(boardRef, loadedSeq) {
            board = boardRef;
            if (last !== null && loadedSeq < last) {
                // The server's log is below what this tab reached: it started again (a restored
                // database), and what the tab kept belongs to the old one.
                heard.clear();
                last = null;
            }
            const before = last;
            last = Math.max(last ?? 0, loadedSeq);
            save();
            return before;
        },

        detach(boardRef) {
            if (board === boardRef) board = null;
        },
    };
})();
