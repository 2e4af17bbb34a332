import { type Dirent, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { linkOrCopy } from '../link-or-copy.js';
import { diagnostic } from '../errors.js';
import { NotRegularFileError, readRegularFile } from '../read-regular-file.js';
import { foldedPath, foldersOf } from '../site/output-paths.js';
import type { Diagnostic } from '../types.js';

/**
 * Two outputs of one build that cannot both be: a file where another output needs a folder
 * (`a/index.html` and `a/index.html/index.html`), or one path written twice. The writer
 * refuses the second; nothing is overwritten or deleted.
 */
export class OutputClash extends Error {
  override readonly name = 'OutputClash';
  constructor(
    /** The output refused. */
    readonly path: string,
    /** The output it clashes with. */
    readonly other: string,
    how: string,
  ) {
    super(`${path} cannot be written: ${how} ${other}`);
  }
}

/** What commit could not put in place: the file, and why (the rest of the output is in place). */
export interface CommitFailure {
  readonly path: string;
  readonly message: string;
}

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
  /** Every path produced, by its key (see keyOf), and every folder they are in, with how many of them it holds. */
  private readonly claimed = new Map<string, string>();
  private readonly folders = new Map<string, number>();
  /**
   * Keys of claimed paths the previous build produced too, whose folders are not in `folders`
   * yet: they were apart from each other then, so their folders are indexed only once a new
   * path has to be checked (a rebuild that keeps every page, or a quick update in gazette dev,
   * checks nothing).
   */
  private readonly unindexed: string[] = [];
  /** True once `folders` holds the folders of every claimed path: from then on every path is checked. */
  private indexed = false;

  private constructor(
    readonly outDir: string,
    private readonly staging: string,
    /** The previous build's outputs, when they can be trusted to be what the output folder holds. */
    private readonly previous: Readonly<Record<string, string>> | undefined,
    /** False when there is no output folder yet: nothing to compare with. */
    private readonly outExists: boolean,
    /** A partial update (`gazette dev`): files not produced are kept, except those removed; the previous record is updated in place. */
    private readonly partial: boolean,
    /** True when the output folder's file system does not tell case apart (macOS, Windows). */
    readonly caseInsensitive: boolean,
  ) {}

  /** Paths a partial update removes. */
  private readonly removals = new Set<string>();
  /** Paths write() was given (new fingerprints, as opposed to kept by isCurrent()), by key: a second write of one is a clash, never an overwrite. */
  private readonly written = new Map<string, string>();

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
    return new OutputWriter(outDir, staging, outExists ? previous : undefined, outExists, options.partial === true, ignoresCase(staging));
  }

  /** How paths compare in the output folder: in one Unicode form, and case folded where the file system folds it. */
  private keyOf(path: string): string {
    return this.caseInsensitive ? foldedPath(path) : path.normalize('NFC');
  }

  /**
   * Records a path this build produces; throws OutputClash when a folder of it is a file this
   * build produces, or it is a folder of such files (the one would replace the other at
   * commit). Claiming a path again is allowed (a file kept, then written anew).
   */
  private claim(path: string): void {
    const key = this.keyOf(path);
    if (this.claimed.has(key)) return;
    this.claimed.set(key, path);
    if (this.previous?.[path] !== undefined && !this.indexed) {
      this.unindexed.push(key);
      return;
    }
    this.indexFolders();
    const clash = this.clashOf(key);
    if (clash) {
      this.claimed.delete(key);
      throw new OutputClash(path, clash.other, clash.how);
    }
    this.addFolders(key, 1);
  }

  /** What a new path clashes with: a claimed file that is a folder of it, or claimed files in it. */
  private clashOf(key: string): { other: string; how: string } | undefined {
    for (const folder of foldersOf(key)) {
      const file = this.claimed.get(folder);
      if (file !== undefined) return { other: file, how: 'a folder of it is the file' };
    }
    return this.folders.has(key) ? { other: `the files in ${this.claimed.get(key)}/`, how: 'it is the folder of' } : undefined;
  }

  /**
   * Puts the folders of every claimed path in `folders`. In a partial update every output of
   * the previous build that is kept counts as claimed: a new file must keep apart from them too.
   */
  private indexFolders(): void {
    if (this.indexed) return;
    this.indexed = true;
    if (this.partial && this.previous) {
      for (const path of Object.keys(this.previous)) {
        const key = this.keyOf(path);
        if (this.removals.has(path) || this.claimed.has(key)) continue;
        this.claimed.set(key, path);
        this.unindexed.push(key);
      }
    }
    for (const key of this.unindexed) this.addFolders(key, 1);
    this.unindexed.length = 0;
  }

  private addFolders(key: string, step: 1 | -1): void {
    for (const folder of foldersOf(key)) {
      const count = (this.folders.get(folder) ?? 0) + step;
      if (count > 0) this.folders.set(folder, count);
      else this.folders.delete(folder);
    }
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
    this.claim(path);
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
    for (const [path, fingerprint] of pages) {
      this.claim(path);
      this.produced.set(path, fingerprint);
    }
    return true;
  }

  /**
   * Writes one file (unless the output folder holds these bytes already); its path must stay
   * inside the output folder. (Synchronous file operations: pages are small, and a rebuild
   * writes thousands of them; waiting for the thread pool costs more than the writes.)
   */
  write(path: string, contents: string | Buffer, fingerprint: string): void {
    // (A path given out by target() whose file could not be written there is written here.)
    const given = this.normalOf(path);
    const normal = this.pending.delete(given) ? given : this.take(path);
    const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents;
    if (!this.outExists && this.placeInTree(normal, (target) => writeFileSync(target, bytes))) this.inTree++;
    else if (!this.holds(normal, bytes)) {
      // Staged files are numbered, not placed: no folders to make until the commit.
      writeFileSync(join(this.staging, String(this.staged.length)), bytes);
      this.staged.push(normal);
    }
    this.produced.set(normal, fingerprint);
  }

  /**
   * Writes one file as write() does, as a hard link to the file `from` (or a copy of it where
   * links cannot be made): for files kept elsewhere whole, such as the cache's copy of the
   * search index. `from` must never be changed in place afterwards.
   */
  writeFrom(path: string, from: string, fingerprint: string): void {
    const normal = this.take(path);
    if (!this.outExists && this.placeInTree(normal, (target) => linkOrCopy(from, target))) this.inTree++;
    else {
      linkOrCopy(from, join(this.staging, String(this.staged.length)));
      this.staged.push(normal);
    }
    this.produced.set(normal, fingerprint);
  }

  /** An output path as the writer records it: relative, with `/`, `.` and `..` resolved. */
  private normalOf(path: string): string {
    return relative(this.staging, resolve(this.staging, path)).split(sep).join('/');
  }

  /** Checks a path this build writes and claims it (see write); gives it in normal form. */
  private take(path: string): string {
    if (!resolve(this.staging, path).startsWith(this.staging + sep)) throw new Error(`refusing to write outside the output folder: ${path}`);
    const normal = this.normalOf(path);
    const key = this.keyOf(normal);
    const before = this.written.get(key);
    if (before !== undefined) throw new OutputClash(normal, before, 'this build wrote it already as');
    this.claim(normal);
    this.written.set(key, normal);
    return normal;
  }

  /**
   * For a first build (no output folder yet: see placeInTree), where another thread may write
   * the file at `path` itself: claims the path as write() does (throwing OutputClash) and gives
   * the file to write, or undefined when files are not written in place (then write() it).
   * The writer must then be told how it went: placed() when the file is there, else write().
   */
  target(path: string): string | undefined {
    if (this.outExists) return undefined;
    const normal = this.take(path);
    this.pending.add(normal);
    return join(this.staging, treeFolder, normal);
  }

  /** The file of target(`path`) was written where it goes, with this fingerprint. */
  placed(path: string, fingerprint: string): void {
    const normal = this.normalOf(path);
    if (!this.pending.delete(normal)) throw new Error(`${path} was not given out to be written`);
    this.inTree++;
    this.produced.set(normal, fingerprint);
  }

  /**
   * A path given out by target() whose file is not this build's after all (its post or list
   * failed): whatever was written there is taken back, and the path is no longer claimed.
   * Nothing for a path not given out, or already placed() or written.
   */
  release(path: string): void {
    const normal = this.normalOf(path);
    if (!this.pending.delete(normal)) return;
    rmSync(join(this.staging, treeFolder, normal), { force: true });
    const key = this.keyOf(normal);
    this.written.delete(key);
    this.claimed.delete(key);
    this.addFolders(key, -1);
  }

  /** Paths given out by target() and not placed() yet. */
  private readonly pending = new Set<string>();

  /** Files written in place in the staging tree (a first build: see placeInTree). */
  private inTree = 0;
  /** The folders made in the staging tree. */
  private readonly treeFolders = new Set<string>();

  /**
   * When there is no output folder yet, a file is written where it goes in a tree beside the
   * staged files, and the commit renames the whole tree into place: one rename instead of one
   * per file (a first build, or a deploy on a fresh runner, writes every page). False when it
   * cannot be (the file is then staged as any other, and its failure reported at the commit).
   */
  private placeInTree(path: string, put: (target: string) => void): boolean {
    const target = join(this.staging, treeFolder, path);
    try {
      const folder = dirname(target);
      if (!this.treeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.treeFolders.add(folder);
      }
      put(target);
      return true;
    } catch {
      // (A file half written is no file: the staged one replaces it at the commit, or it is reported.)
      try {
        rmSync(target, { force: true });
      } catch {
        // a name the file system refuses: nothing was written
      }
      return false;
    }
  }

  /**
   * True when the output folder and its record stay exactly as the previous build left them:
   * every file was current, and every file the previous build produced is produced again.
   */
  get unchanged(): boolean {
    return this.previous !== undefined && this.written.size === 0 && this.produced.size === Object.keys(this.previous).length;
  }

  /** True when the output folder has a file at `path` with exactly these bytes. */
  private holds(path: string, bytes: Buffer): boolean {
    if (!this.outExists) return false;
    const existing = join(this.outDir, path);
    try {
      const info = statSync(existing, { throwIfNoEntry: false });
      return info !== undefined && info.isFile() && info.size === bytes.length && readFileSync(existing).equals(bytes);
    } catch {
      return false; // unreadable, or a file stands where its folder goes: write it
    }
  }

  /**
   * Copies the public folder verbatim, except files at a path a page was written to, or that
   * need a page's path as a folder (or are a folder of pages): those are reported and the page
   * is kept. A file is copied again only when its size or times changed; a symbolic link is
   * not followed (and said so). `listing` is the folder's (publicFiles), when already listed.
   */
  async copyPublic(publicDir: string, cwd: string, listing?: PublicListing): Promise<Diagnostic[]> {
    const { files, links } = listing ?? (await publicFiles(publicDir));
    const diagnostics: Diagnostic[] = links.map((path) =>
      diagnostic('warning', relative(cwd, join(publicDir, path)), 'symbolic link not followed', { hint: 'public files must be real files inside the public folder' }),
    );
    for (const path of files) {
      const from = join(publicDir, path);
      const notCopied = (why: string) => diagnostics.push(diagnostic('warning', relative(cwd, from), `not copied: ${why}`));
      if (this.produced.has(path)) {
        notCopied(`a generated page has the same path (${path})`);
        continue;
      }
      try {
        await this.copyPublicFile(from, path);
      } catch (error) {
        if (!(error instanceof OutputClash)) throw error;
        notCopied(error.message);
      }
    }
    return diagnostics;
  }

  /**
   * Copies one public file to `path` unless the output folder has it as it is. False, copying
   * nothing, when `from` is not a regular file: a symbolic link (perhaps swapped in since the
   * listing) is never followed, or any file the builder can read could be published.
   */
  async copyPublicFile(from: string, path: string): Promise<boolean> {
    const info = await lstat(from);
    if (!info.isFile()) return false;
    const fingerprint = `${publicFingerprintPrefix}${info.size} ${info.mtimeMs} ${info.ctimeMs} ${info.ino}`;
    if (this.isCurrent(path, fingerprint)) return true;
    const read = await readRegularFile(from).catch((error: unknown) => {
      if (error instanceof NotRegularFileError) return undefined;
      throw error;
    });
    if (read !== undefined) this.write(path, read.bytes, fingerprint);
    return read !== undefined;
  }

  /**
   * Creates `folder` in the output folder, replacing a stale file that stands where a folder
   * must be (never one this build produces: claim() keeps files and folders apart).
   */
  private makeFolder(folder: string): void {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
      let blocker = folder;
      while (dirname(blocker) !== this.outDir && !(existsSync(dirname(blocker)) && lstatSync(dirname(blocker)).isDirectory())) blocker = dirname(blocker);
      const path = relative(this.outDir, blocker).split(sep).join('/');
      if (this.claimed.has(this.keyOf(path))) throw new Error(`${path} is a file of this build, where a folder must be`);
      rmSync(blocker, { force: true });
      mkdirSync(folder, { recursive: true });
    }
  }

  /**
   * Moves the changed files into the output folder and removes the files no longer
   * produced. Returns the record of the output folder for the next build, how many files
   * were written and removed, and the files that could not be put in place (left out of the
   * record, so the next build writes them again).
   */
  async commit(): Promise<{ outputs: Record<string, string>; written: number; removed: number; failures: CommitFailure[] }> {
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
      await mkdir(dirname(this.outDir), { recursive: true });
      // The files written in place (placeInTree), all at once; the tree is there even when empty.
      await mkdir(join(this.staging, treeFolder), { recursive: true });
      await rename(join(this.staging, treeFolder), this.outDir);
    }
    const made = new Set<string>();
    const failures: CommitFailure[] = [];
    for (const [i, path] of this.staged.entries()) {
      // One file that cannot be put in place (a name the file system refuses, a full disk) is
      // reported; the others are still moved.
      try {
        const target = join(this.outDir, path);
        const folder = dirname(target);
        if (!made.has(folder)) {
          this.makeFolder(folder);
          made.add(folder);
        }
        // A folder where the file goes (a page that became a file): it is stale as a whole, as
        // nothing this build produces is in it (claim() saw to that).
        if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) {
          this.indexFolders();
          if (this.folders.has(this.keyOf(path))) throw new Error(`${path} is a folder of this build's files`);
          rmSync(target, { recursive: true });
        }
        renameSync(join(this.staging, String(i)), target);
      } catch (error) {
        failures.push({ path, message: (error as Error).message });
        delete outputs[path]; // unknown: the next build writes it again

      }
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
    return { outputs, written: this.inTree + this.staged.length - failures.length, removed: stale.length, failures };
  }

  /** Every file or link in the output folder this build does not produce. */
  private async unknownFiles(): Promise<string[]> {
    const entries = await readdir(this.outDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => !e.isDirectory())
      .map((e) => relative(this.outDir, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((p) => !this.produced.has(p));
  }

  /**
   * Removes a stale file, and its folders up to the output folder once they are empty; never
   * a file or folder this build produces (on a file system that ignores case, the stale `A.html`
   * is this build's `a.html`).
   */
  private async removeStale(path: string): Promise<void> {
    const target = join(this.outDir, path);
    if (this.claimed.has(this.keyOf(path))) return;
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
    // (Once the kept outputs are indexed, a removed one no longer stands in a new file's way.)
    const key = this.keyOf(path);
    if (this.indexed && this.claimed.get(key) === path && !this.produced.has(path)) {
      this.claimed.delete(key);
      this.addFolders(key, -1);
    }
  }

  /** A folder for a stage's temporary files, `name` its own, in the staging folder: removed with it at the commit (or abort). Not made here. */
  scratch(name: string): string {
    return join(this.staging, `scratch-${name}`);
  }

  /** Throws the staging folder away, leaving the output folder as it was. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** The staging folder's tree of files written in place (placeInTree); numbered files stay beside it. */
const treeFolder = 'tree';

/** How the fingerprint of a copied public file begins (a page's is a hash). */
export const publicFingerprintPrefix = 'public ';

/** A public folder's files and its symbolic links (relative paths, with `/`). */
export interface PublicListing {
  readonly files: readonly string[];
  /** Not copied: a link's target may be anywhere (a warning names each). */
  readonly links: readonly string[];
}

/** Lists a public folder: its regular files, and the symbolic links in it, which are not followed. */
export async function publicFiles(publicDir: string): Promise<PublicListing> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true });
  const path = (entry: Dirent) => relative(publicDir, join(entry.parentPath, entry.name)).split(sep).join('/');
  return { files: entries.filter((entry) => entry.isFile()).map(path), links: entries.filter((entry) => entry.isSymbolicLink()).map(path) };
}

/**
 * True when the file system of `folder` (an empty folder of ours) does not tell case apart:
 * a file made as `CASE` is then found as `case`.
 */
function ignoresCase(folder: string): boolean {
  writeFileSync(join(folder, 'CASE'), '');
  const folds = existsSync(join(folder, 'case'));
  rmSync(join(folder, 'CASE'));
  return folds;
}
