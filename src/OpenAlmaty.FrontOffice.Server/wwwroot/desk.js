// Officer console shortcuts: F2 call next, F3 recall, F4 complete. Keys by position, not by
// letter, so they work the same with a Kazakh, Russian or English keyboard layout.
document.addEventListener("keydown", (e) => {
    if (!["F2", "F3", "F4"].includes(e.key)) return;
    const button = document.querySelector(`[data-shortcut="${e.key}"]:not([disabled])`);
    if (button) {
        e.preventDefault();
        button.click();
    }
});
