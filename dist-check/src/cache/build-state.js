import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
/** Bumped when the state's shape changes, so an old state is never misread. */
const stateVersion = 2;
/** sha256 of a JSON value, hex: how gazette fingerprints plain data. */
export function hashOf(value) {
    return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
/** Where the state of the build into `outDir` is kept. */
function stateFile(cacheDir, outDir) {
    return join(cacheDir, 'state', `${hashOf(outDir).slice(0, 32)}.json`);
}
/** The previous build's state, or undefined when there is none (or it is unreadable or old). */
export async function readBuildState(cacheDir, outDir) {
    let bytes;
    try {
        bytes = await readFile(stateFile(cacheDir, outDir));
    }
    catch {
        return undefined;
    }
    try {
        let start = bytes.indexOf(0x0a);
        const header = JSON.parse(bytes.toString('utf8', 0, start));
        if (header.version !== stateVersion)
            return undefined;
        const files = {};
        const articles = {};
        const outputs = {};
        const tables = { f: files, a: articles, o: outputs };
        while (start !== -1 && start + 1 < bytes.length) {
            const end = bytes.indexOf(0x0a, start + 1);
            const [table, key, value] = JSON.parse(bytes.toString('utf8', start + 1, end === -1 ? bytes.length : end));
            tables[table][key] = value;
            start = end;
        }
        return { loadKey: header.loadKey, files, articles, outputs };
    }
    catch {
        return undefined; // damaged: as if there were none
    }
}
/** Removes the state: from now on the output folder may differ from what it says. */
export async function forgetBuildState(cacheDir, outDir) {
    await rm(stateFile(cacheDir, outDir), { force: true });
}
/** Saves the state of a finished build (written aside and renamed: never half a file). */
export async function writeBuildState(cacheDir, outDir, state) {
    const file = stateFile(cacheDir, outDir);
    await mkdir(join(file, '..'), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w');
    try {
        let chunk = `${JSON.stringify({ version: stateVersion, loadKey: state.loadKey })}\n`;
        const add = async (line) => {
            chunk += `${JSON.stringify(line)}\n`;
            if (chunk.length > 1 << 20) {
                await handle.write(chunk);
                chunk = '';
            }
        };
        for (const [source, record] of Object.entries(state.files))
            await add(['f', source, record]);
        for (const [source, record] of Object.entries(state.articles))
            await add(['a', source, record]);
        for (const [path, fingerprint] of Object.entries(state.outputs))
            await add(['o', path, fingerprint]);
        await handle.write(chunk);
    }
    finally {
        await handle.close();
    }
    await rename(temporary, file);
}
//# sourceMappingURL=build-state.js.map