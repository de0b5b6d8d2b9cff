// Screens in the hall run unattended: when the server is unreachable they say so plainly, retry
// for ever, and come back by themselves. Blazor's default gives up after a few tries (and only
// retries when the tab becomes visible again), which would leave a kiosk frozen.
(() => {
  const banner = () => document.getElementById("components-reconnect-modal");
  const show = (on) => { const b = banner(); if (b) b.hidden = !on; };
  // Pages that must catch up on what happened while they were away (a hall board: announce.js)
  // listen for these; the circuit kept running on the server meanwhile, but nothing reached the page.
  const down = () => { show(true); window.dispatchEvent(new Event("oa:connection-down")); };
  const up = () => { show(false); window.dispatchEvent(new Event("oa:connection-up")); };

  // A server that restarted has forgotten the circuit: reload, once it answers again.
  async function reloadWhenServerAnswers() {
    for (;;) {
      try {
        const response = await fetch("health", { cache: "no-store" });
        if (response.ok) { location.reload(); return; }
      } catch { /* still down */ }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  Blazor.start({
    circuit: {
      reconnectionOptions: { maxRetries: 1000000, retryIntervalMilliseconds: 2000 },
      reconnectionHandler: {
        onConnectionDown: () => {
          down();
          // Try to resume the circuit; if the server lost it, reload when it is back.
          (async () => {
            for (;;) {
              try {
                const resumed = await Blazor.reconnect();
                if (resumed) { up(); return; }
                await reloadWhenServerAnswers();
                return;
              } catch { await new Promise((r) => setTimeout(r, 2000)); }
            }
          })();
        },
        onConnectionUp: up,
      },
    },
  });
})();
