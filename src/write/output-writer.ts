import { cp, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../errors.js';
import type { Diagnostic, OutputFile } from '../types.js';

/**
 * gazette's only writer of the site. A build writes into a staging folder next to the
 * output folder and swaps it in at the end, so a failed or killed build leaves the previous
 * complete site in place, and files of posts that no longer exist disappear.
 *
 * Only what changed is written: a file whose bytes are those of the same file in the
 * previous output is hard-linked from it instead, so it keeps its inode and modification
 * time, and rsync- or S3-style deploys upload only the files that changed.
 */
export class OutputWriter {
  private readonly written = new Set<string>();
  /** Folders already created, so each is made once. */
  private readonly folders = new Set<string>();

  private constructor(
    readonly outDir: string,
    private readonly staging: string,
  ) {}

  /** Prepares an empty staging folder for `outDir` (absolute). */
  static async open(outDir: string): Promise<OutputWriter> {
    const staging = join(dirname(outDir), `.${basename(outDir)}.gazette-staging`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    return new OutputWriter(outDir, staging);
  }

  /** Number of files written so far. */
  get count(): number {
    return this.written.size;
  }

  /** True when a file was already written at this path. */
  has(path: string): boolean {
    return this.written.has(path);
  }

  /** Writes one file; its path must stay inside the output folder. */
  async write(file: OutputFile): Promise<void> {
    const target = resolve(this.staging, file.path);
    if (!target.startsWith(this.staging + sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
    await this.folder(dirname(target));
    const path = relative(this.staging, target).split(sep).join('/');
    const contents = Buffer.from(file.contents);
    if (!(await this.keepPrevious(path, contents))) await writeFile(target, contents);
    this.written.add(path);
  }

  private async folder(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.folders.add(folder);
  }

  /** Links the previous output's file into the staging folder if it has exactly these bytes. */
  private async keepPrevious(path: string, contents: Buffer): Promise<boolean> {
    const previous = join(this.outDir, path);
    try {
      const info = await stat(previous);
      if (!info.isFile() || info.size !== contents.length || !(await readFile(previous)).equals(contents)) return false;
      await link(previous, join(this.staging, path));
      return true;
    } catch {
      return false; // no previous file, or it cannot be linked (another file system): write it
    }
  }

  /**
   * Copies the public folder verbatim, except files at a path a page was written to:
   * those are reported and the page is kept.
   */
  async copyPublic(publicDir: string, cwd: string): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    const entries = await readdir(publicDir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const from = join(entry.parentPath, entry.name);
      const path = relative(publicDir, from).split(sep).join('/');
      if (this.written.has(path)) {
        diagnostics.push(diagnostic('warning', relative(cwd, from), `not copied: a generated page has the same path (${path})`));
        continue;
      }
      await this.folder(dirname(join(this.staging, path)));
      if (!(await this.keepPrevious(path, await readFile(from)))) await cp(from, join(this.staging, path));
      this.written.add(path);
    }
    return diagnostics;
  }

  /** Swaps the staging folder in as the output folder. */
  async commit(): Promise<void> {
    const old = join(dirname(this.outDir), `.${basename(this.outDir)}.gazette-old`);
    await rm(old, { recursive: true, force: true });
    await rename(this.outDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(this.staging, this.outDir);
    await rm(old, { recursive: true, force: true });
  }

  /** Throws the staging folder away, leaving the output folder as it was. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
