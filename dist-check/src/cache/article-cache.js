import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashOf } from './build-state.js';
/** True when the archive answers every recorded lookup as it did when the article was made. */
export function lookupsHold(lookups, answers) {
    return lookups.every(([href, archived, sourceSite]) => {
        const now = answers(href);
        return now.archived === archived && now.sourceSite === sourceSite;
    });
}
/**
 * Opens the cache in `dir`. `salt` must change whenever what a transform produces could:
 * the settings it uses and gazette's code (see codeId).
 */
export function openArticleCache(dir, salt) {
    const folder = join(dir, 'articles');
    const fileOf = (key) => join(folder, key.slice(0, 2), `${key}.json`);
    return {
        key: (task) => hashOf([salt, task.hash, task.url, task.from ?? null, task.format, task.encoding]),
        async read(key) {
            try {
                return JSON.parse(await readFile(fileOf(key), 'utf8'));
            }
            catch {
                return undefined; // missing or unreadable: a miss, never an error
            }
        },
        async write(key, entry) {
            const file = fileOf(key);
            await mkdir(join(file, '..'), { recursive: true });
            // Written aside and renamed, so a killed build never leaves half an entry.
            const temporary = `${file}.${process.pid}.tmp`;
            await writeFile(temporary, JSON.stringify(entry));
            await rename(temporary, file);
        },
    };
}
//# sourceMappingURL=article-cache.js.map