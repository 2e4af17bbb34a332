import cliProgress from 'cli-progress';
export function createProgressBar(stream) {
    const bar = new cliProgress.SingleBar({
        stream,
        format: 'gazette {bar} {value}/{total} posts · {rate}/s · {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
    }, cliProgress.Presets.shades_classic);
    let started = Date.now();
    let done = 0;
    return {
        start(total) {
            started = Date.now();
            done = 0;
            bar.start(total, 0, { rate: '0' });
        },
        tick() {
            done++;
            const seconds = (Date.now() - started) / 1000;
            bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
        },
        stop: () => bar.stop(),
    };
}
//# sourceMappingURL=progress.js.map