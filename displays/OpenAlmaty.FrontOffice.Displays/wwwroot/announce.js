// Hall display announcements: calls made at the same moment are queued and each is played in
// full (chime, then Kazakh, then Russian), one clip after another on one audio element.
window.oaAnnouncer = (() => {
    const queue = [];
    let playing = false;

    function audio() { return document.querySelector("[data-test=announcer]"); }

    async function playNext() {
        const el = audio();
        if (playing || queue.length === 0 || !el) return;
        playing = true;
        const { number, clips } = queue.shift();
        el.dataset.announcing = number;
        for (const clip of clips) {
            try {
                el.src = clip;
                await el.play();
                await new Promise((resolve) => {
                    const done = () => { el.removeEventListener("ended", done); el.removeEventListener("error", done); resolve(); };
                    el.addEventListener("ended", done);
                    el.addEventListener("error", done);
                    setTimeout(done, 5000); // a clip that never ends must not stop the queue
                });
            } catch (e) {
                // Autoplay refused or a clip missing: the board still shows the call; go on.
            }
        }
        el.dataset.announced = String(Number(el.dataset.announced || 0) + 1);
        el.dataset.lastAnnounced = number;
        playing = false;
        playNext();
    }

    return {
        enqueue(number, clips) {
            queue.push({ number, clips });
            playNext();
        },
    };
})();
