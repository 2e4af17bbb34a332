import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDev } from '../helpers/dev.js';
import { root } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { differences } from '../helpers/site-files.js';
/**
 * `gazette dev` as a user runs it: it serves the site under its base path, tells pages to
 * reload or shows errors over server-sent events, and survives every bad edit (broken YAML,
 * a template syntax error, the posts folder deleted and made again, a thousand files at once).
 */
function project(config = 'title: Dev test\ntimezone: Asia/Shanghai\npaginate: 5\n') {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-dev-'));
    cpSync(join(root, 'posts'), join(dir, 'posts'), { recursive: true });
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'gazette.config.yml'), config);
    return dir;
}
const edited = 'posts/2021-11-05-hk-court-online-media-ruling.md';
/** Server-sent events from a dev server, as a list that fills up. */
async function listen(dev) {
    const origin = new URL(dev.url).origin;
    const controller = new AbortController();
    const response = await fetch(`${origin}/__gazette/events`, { signal: controller.signal });
    const events = [];
    const reader = response.body.getReader();
    void (async () => {
        let buffer = '';
        for (;;) {
            const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
            if (done)
                return;
            buffer += new TextDecoder().decode(value);
            let end;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = block.match(/^event: (.*)$/m)?.[1] ?? 'message';
                events.push({ event, data: JSON.parse(block.match(/^data: (.*)$/m)?.[1] ?? 'null') });
            }
        }
    })();
    return { events, close: () => controller.abort() };
}
async function until(condition, what, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}
async function expectCleanBuildEqual(dir) {
    expect((await runCli(['build', '--out', 'clean', '-q', '--no-cache'], dir)).code).toBeLessThanOrEqual(1);
    expect(differences(join(dir, '_site'), join(dir, 'clean'))).toEqual([]);
    rmSync(join(dir, 'clean'), { recursive: true });
}
describe('gazette dev', () => {
    it('serves the site under its base path with the reload script added, never written into the files', async () => {
        const dir = project('title: Dev test\nbaseurl: /archive\n');
        const dev = await startDev(dir);
        try {
            expect(dev.url).toMatch(/\/archive\/$/);
            const page = await (await fetch(dev.url)).text();
            expect(page).toContain('<script src="/__gazette/client.js"></script></body>');
            expect(readFileSync(join(dir, '_site/index.html'), 'utf8')).not.toContain('__gazette');
            const origin = new URL(dev.url).origin;
            const redirect = await fetch(`${origin}/`, { redirect: 'manual' });
            expect(redirect.headers.get('location')).toBe('/archive/');
            expect((await fetch(`${origin}/archive/../../etc/passwd`)).status).toBe(404);
            expect((await fetch(`${origin}/__gazette/client.js`)).headers.get('content-type')).toMatch(/javascript/);
        }
        finally {
            expect(await dev.stop()).toBe(0);
        }
        // Stopped with Ctrl-C, it leaves the build state for the next build, which has nothing to do.
        const next = await runCli(['build', '-q', '--report', 'report.json'], dir);
        expect(next.code).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).work.pagesRendered).toBe(0);
    });
    it('updates an edited post, shows broken YAML with file and line, and clears it on the next good save', async () => {
        const dir = project();
        const dev = await startDev(dir);
        const sse = await listen(dev);
        try {
            await until(() => sse.events.length > 0, 'the first event');
            const file = join(dir, edited);
            const good = readFileSync(file, 'utf8');
            let from = dev.output().length;
            writeFileSync(file, good.replace('</p>', '补充：新的一句。</p>'));
            await dev.waitFor(/updated \(posts\) in \d+ ms/, from);
            await until(() => sse.events.some((e) => e.event === 'reload'), 'a reload');
            await expectCleanBuildEqual(dir);
            from = dev.output().length;
            const seen = sse.events.length;
            writeFileSync(file, good.replace(/^title: .*$/m, 'title: [unclosed'));
            await dev.waitFor(new RegExp(`${edited.replace(/[.]/g, '\\.')}:\\d+: invalid YAML`), from);
            await until(() => sse.events.slice(seen).some((e) => e.event === 'problems' && e.data.length === 1), 'the problems event');
            const problem = sse.events.slice(seen).find((e) => e.event === 'problems').data[0];
            expect(problem.source).toBe(edited);
            expect(problem.line).toBeGreaterThan(1);
            await expectCleanBuildEqual(dir);
            const fixed = sse.events.length;
            writeFileSync(file, good);
            await until(() => sse.events.slice(fixed).some((e) => e.event === 'reload'), 'the reload after the fix');
            await expectCleanBuildEqual(dir);
        }
        finally {
            sse.close();
            await dev.stop();
        }
    });
    it('survives a template syntax error, a deleted and re-created posts folder, and a thousand files at once', async () => {
        const dir = project();
        const dev = await startDev(dir);
        try {
            const template = join(dir, 'templates/post.njk');
            const good = readFileSync(template, 'utf8');
            let from = dev.output().length;
            writeFileSync(template, good.replace('{% endblock %}', '{% if %}\n{% endblock %}'));
            await dev.waitFor(/post\.njk:\d+/, from);
            from = dev.output().length;
            writeFileSync(template, good);
            await dev.waitFor(/rebuilt in \d+ ms/, from);
            await expectCleanBuildEqual(dir);
            // The posts folder goes away (a branch switch) and comes back.
            from = dev.output().length;
            renameSync(join(dir, 'posts'), join(dir, 'posts.away'));
            await dev.waitFor(/posts folder not found/, from);
            from = dev.output().length;
            renameSync(join(dir, 'posts.away'), join(dir, 'posts'));
            await dev.waitFor(/rebuilt in \d+ ms/, from);
            await until(() => existsSync(join(dir, '_site', 'index.html')), 'the site');
            await expectCleanBuildEqual(dir);
            // A thousand new posts at once: a few rebuilds, not a thousand.
            from = dev.output().length;
            mkdirSync(join(dir, 'posts/imported'));
            for (let i = 0; i < 1000; i++) {
                writeFileSync(join(dir, `posts/imported/2023-01-01-imported-${i}.md`), `---\ntitle: 导入 ${i}\ntags: [导入]\n---\n<p>第 ${i} 篇。</p>\n`);
            }
            const day = join(dir, '_site/2023/01/01');
            await until(() => existsSync(day) && readdirSync(day).length === 1000, 'the imported posts', 60_000);
            await new Promise((resolve) => setTimeout(resolve, 500));
            const rebuilds = dev.output().slice(from).match(/rebuilt in/g)?.length ?? 0;
            expect(rebuilds).toBeGreaterThanOrEqual(1);
            expect(rebuilds).toBeLessThanOrEqual(5);
            await expectCleanBuildEqual(dir);
        }
        finally {
            expect(await dev.stop()).toBe(0);
        }
    }, 180_000);
});
//# sourceMappingURL=dev-command.test.js.map