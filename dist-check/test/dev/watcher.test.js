import { describe, expect, it } from 'vitest';
import { createBurster } from '../../src/dev/watcher.js';
const event = (i) => ({ kind: 'change', path: `/p/posts/${i}.md` });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
describe('createBurster', () => {
    it('hands a thousand quick events over as one burst', async () => {
        const bursts = [];
        const burster = createBurster(async (events) => void bursts.push(events), { quietMs: 20, maxWaitMs: 1000 });
        for (let i = 0; i < 1000; i++)
            burster.push(event(i));
        await burster.idle();
        expect(bursts.map((b) => b.length)).toEqual([1000]);
    });
    it('never overlaps bursts: events that arrive during one make exactly one more', async () => {
        const bursts = [];
        let running = 0;
        let overlapped = false;
        const burster = createBurster(async (events) => {
            overlapped ||= running > 0;
            running++;
            await sleep(60);
            bursts.push(events.length);
            running--;
        }, { quietMs: 10, maxWaitMs: 1000 });
        burster.push(event(0));
        await sleep(30); // the first burst is running now
        for (let i = 1; i <= 5; i++)
            burster.push(event(i));
        await burster.idle();
        expect(overlapped).toBe(false);
        expect(bursts).toEqual([1, 5]);
    });
    it('does not wait past maxWaitMs for events that keep coming', async () => {
        const at = [];
        const start = Date.now();
        const burster = createBurster(async () => void at.push(Date.now() - start), { quietMs: 50, maxWaitMs: 150 });
        for (let i = 0; i < 20; i++) {
            burster.push(event(i));
            await sleep(20);
        }
        await burster.idle();
        expect(at.length).toBeGreaterThanOrEqual(2);
        expect(at[0]).toBeLessThan(400);
    });
});
//# sourceMappingURL=watcher.test.js.map