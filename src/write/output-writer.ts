import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../errors.js';
import type { Diagnostic } from '../types.js';

/**
 * gazette's only writer of the site. Only what changed is written:
 *
 * - a file whose fingerprint (see pageFingerprint) is the one the previous build recorded
 *   for that path is current: it is neither rendered nor touched;
 * - a file whose new bytes equal the file already there is not touched either, so it keeps
 *   its inode and modification time, and rsync- or S3-style deploys upload only changes;
 * - every other file is written into a staging folder next to the output folder (numbered,
 *   not in folders: making thousands of folders costs more than writing the files), and
 *   renamed into place when the build commits; files no longer produced are then removed.
 *
 * Until the commit, the output folder is untouched: a failed or killed build leaves the
 * previous site as it was. The commit moves only the changed files, each with one rename
 * (never a half-written file).
 */
export class OutputWriter {
  /** Output path → fingerprint, for every file this build produces. */
  private readonly produced = new Map<string, string>();
  /** Paths of the files in the staging folder, by number, to be moved into place. */
  private readonly staged: string[] = [];
  /** Files produced by write() (new fingerprints), as opposed to kept by isCurrent(). */
  private rewritten = 0;

  private constructor(
    readonly outDir: string,
    private readonly staging: string,
    /** The previous build's outputs, when they can be trusted to be what the output folder holds. */
    private readonly previous: Readonly<Record<string, string>> | undefined,
    /** False when there is no output folder yet: nothing to compare with. */
    private readonly outExists: boolean,
    /** A partial update (`gazette dev`): files not produced are kept, except those removed; the previous record is updated in place. */
    private readonly partial: boolean,
  ) {}

  /** Paths a partial update removes. */
  private readonly removals = new Set<string>();

  /**
   * Prepares an empty staging folder for `outDir` (absolute). `previous` is the previous
   * build's record of the output folder, or undefined if there is none to trust (then every
   * file is compared with the one there, and everything else in the folder is removed).
   */
  static async open(outDir: string, previous?: Readonly<Record<string, string>>, options: { partial?: boolean } = {}): Promise<OutputWriter> {
    const staging = join(dirname(outDir), `.${basename(outDir)}.gazette-staging`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const outExists = existsSync(outDir) && lstatSync(outDir).isDirectory();
    if (options.partial && !(outExists && previous)) throw new Error('a partial update needs the previous output and its record');
    return new OutputWriter(outDir, staging, outExists ? previous : undefined, outExists, options.partial === true);
  }

  /** Number of files the output will hold. */
  get count(): number {
    return this.produced.size;
  }

  /**
   * True when the output folder already holds this path with this fingerprint: the file is
   * kept as it is (nothing to render). False means: write it.
   */
  isCurrent(path: string, fingerprint: string): boolean {
    if (this.previous?.[path] !== fingerprint || !existsSync(join(this.outDir, path))) return false;
    this.produced.set(path, fingerprint);
    return true;
  }

  /** The fingerprint the previous build recorded for a path (when its record can be trusted). */
  recorded(path: string): string | undefined {
    return this.previous?.[path];
  }

  /**
   * Keeps every file the previous build generated (pages, feeds, sitemap; public files aside),
   * when all of them are still in the output folder: for a build whose inputs are all
   * unchanged. False, keeping nothing, when the output folder lacks any (then each file is
   * looked at on its own).
   */
  keepPreviousPages(): boolean {
    const pages = Object.entries(this.previous ?? {}).filter(([, fingerprint]) => !fingerprint.startsWith(publicFingerprintPrefix));
    if (!this.previous || !pages.every(([path]) => existsSync(join(this.outDir, path)))) return false;
    for (const [path, fingerprint] of pages) this.produced.set(path, fingerprint);
    return true;
  }

  /**
   * Writes one file (unless the output folder holds these bytes already); its path must stay
   * inside the output folder. (Synchronous file operations: pages are small, and a rebuild
   * writes thousands of them; waiting for the thread pool costs more than the writes.)
   */
  write(path: string, contents: string | Buffer, fingerprint: string): void {
    const target = resolve(this.staging, path);
    if (!target.startsWith(this.staging + sep)) throw new Error(`refusing to write outside the output folder: ${path}`);
    const normal = relative(this.staging, target).split(sep).join('/');
    const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents;
    if (!this.holds(normal, bytes)) {
      // Staged files are numbered, not placed: no folders to make until the commit.
      writeFileSync(join(this.staging, String(this.staged.length)), bytes);
      this.staged.push(normal);
    }
    this.produced.set(normal, fingerprint);
    this.rewritten++;
  }

  /**
   * True when the output folder and its record stay exactly as the previous build left them:
   * every file was current, and every file the previous build produced is produced again.
   */
  get unchanged(): boolean {
    return this.previous !== undefined && this.rewritten === 0 && this.produced.size === Object.keys(this.previous).length;
  }

  /** True when the output folder has a file at `path` with exactly these bytes. */
  private holds(path: string, bytes: Buffer): boolean {
    if (!this.outExists) return false;
    const existing = join(this.outDir, path);
    const info = statSync(existing, { throwIfNoEntry: false });
    try {
      return info !== undefined && info.isFile() && info.size === bytes.length && readFileSync(existing).equals(bytes);
    } catch {
      return false; // unreadable: write it
    }
  }

  /**
   * Copies the public folder verbatim, except files at a path a page was written to: those
   * are reported and the page is kept. A file is copied again only when its size or times
   * changed.
   */
  async copyPublic(publicDir: string, cwd: string): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    const entries = await readdir(publicDir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const from = join(entry.parentPath, entry.name);
      const path = relative(publicDir, from).split(sep).join('/');
      if (this.produced.has(path)) {
        diagnostics.push(diagnostic('warning', relative(cwd, from), `not copied: a generated page has the same path (${path})`));
        continue;
      }
      await this.copyPublicFile(from, path);
    }
    return diagnostics;
  }

  /** Copies one public file to `path` unless the output folder has it as it is. */
  async copyPublicFile(from: string, path: string): Promise<void> {
    const info = await stat(from);
    const fingerprint = `${publicFingerprintPrefix}${info.size} ${info.mtimeMs} ${info.ctimeMs} ${info.ino}`;
    if (!this.isCurrent(path, fingerprint)) this.write(path, await readFile(from), fingerprint);
  }

  /**
   * Moves the changed files into the output folder and removes the files no longer
   * produced. Returns the record of the output folder for the next build, and how many
   * files were written and removed.
   */
  async commit(): Promise<{ outputs: Record<string, string>; written: number; removed: number }> {
    let outputs: Record<string, string>;
    if (this.partial) {
      // A partial update (gazette dev, which owns its record) updates the record in place:
      // copying 10,000 entries on every edit cost more than the edit.
      outputs = this.previous as Record<string, string>;
      for (const path of this.removals) delete outputs[path];
      for (const [path, fingerprint] of this.produced) outputs[path] = fingerprint;
    } else {
      outputs = Object.fromEntries(this.produced);
    }
    if (!this.outExists) {
      await rm(this.outDir, { recursive: true, force: true }); // a file in the way
      await mkdir(this.outDir, { recursive: true });
    }
    const made = new Set<string>();
    for (const [i, path] of this.staged.entries()) {
      const target = join(this.outDir, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        makeFolder(this.outDir, folder);
        made.add(folder);
      }
      // A folder where the file goes (a page that became a file): it is stale as a whole.
      if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) rmSync(target, { recursive: true });
      renameSync(join(this.staging, String(i)), target);
    }
    const stale = this.partial
      ? [...this.removals].filter((p) => !this.produced.has(p))
      : !this.outExists
        ? []
        : this.previous
          ? Object.keys(this.previous).filter((p) => !this.produced.has(p))
          : await this.unknownFiles();
    for (const path of stale) await this.removeStale(path);
    await rm(this.staging, { recursive: true, force: true });
    return { outputs, written: this.staged.length, removed: stale.length };
  }

  /** Every file or link in the output folder this build does not produce. */
  private async unknownFiles(): Promise<string[]> {
    const entries = await readdir(this.outDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => !e.isDirectory())
      .map((e) => relative(this.outDir, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((p) => !this.produced.has(p));
  }

  /** Removes a stale file, and its folders up to the output folder once they are empty. */
  private async removeStale(path: string): Promise<void> {
    const target = join(this.outDir, path);
    if (existsSync(target) && lstatSync(target).isDirectory()) return; // a folder of this build's pages took its place
    await rm(target, { force: true });
    for (let folder = dirname(join(this.outDir, path)); folder.startsWith(this.outDir + sep); folder = dirname(folder)) {
      try {
        await rmdir(folder);
      } catch {
        break; // not empty (or gone): its parents are not empty either
      }
    }
  }

  /** In a partial update: removes a file the previous build produced. */
  remove(path: string): void {
    if (!this.partial) throw new Error('only a partial update removes files one by one');
    this.removals.add(path);
  }

  /** Throws the staging folder away, leaving the output folder as it was. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** How the fingerprint of a copied public file begins (a page's is a hash). */
export const publicFingerprintPrefix = 'public ';

/** Creates `folder` inside `root`, replacing any file that stands where a folder must be. */
function makeFolder(root: string, folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    // A file on the way (a stale file where a folder of pages now goes): remove it and retry.
    let blocker = folder;
    while (dirname(blocker) !== root && !(existsSync(dirname(blocker)) && lstatSync(dirname(blocker)).isDirectory())) blocker = dirname(blocker);
    rmSync(blocker, { force: true });
    mkdirSync(folder, { recursive: true });
  }
}
