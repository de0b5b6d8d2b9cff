// Hall display announcements. Calls are queued and played one after another on one audio element.
// A call alone is said whole (chime, then Kazakh, then Russian: "Талон А-015, жетінші терезеге" /
// "Талон А-015, окно семь", about 7 s). When several wait, the player keeps up instead of falling
// half a minute behind the screen: one chime for the burst, then each call without "Талон"
// (2–3 calls), or the ticket numbers alone (4 or more; the screen shows the window). The forms come
// from the server (Announcement.For); which one is said is decided here, the one place that knows
// how many calls are waiting.
window.oaAnnouncer = (() => {
    const queue = [];
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
        el.dataset.lastForm = form;
        el.dataset.forms = ((el.dataset.forms || "") + " " + form).trim().split(" ").slice(-20).join(" ");
        playing = false;
        playNext();
    }

    return {
        /** Queues one call: `speech` is { chime, full, brief, numbers } (clip addresses). */
        enqueue(number, speech) {
            queue.push({ number, speech });
            playNext();
        },
    };
})();
