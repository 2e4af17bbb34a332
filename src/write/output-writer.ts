import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../errors.js';
import type { Diagnostic, OutputFile } from '../types.js';

/**
 * gazette's only writer to disk. A build writes into a staging folder next to the output
 * folder and swaps it in at the end, so a failed or killed build leaves the previous
 * complete site in place, and files of posts that no longer exist disappear.
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
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    await writeFile(target, file.contents);
    this.written.add(relative(this.staging, target).split(sep).join('/'));
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
      await mkdir(dirname(join(this.staging, path)), { recursive: true });
      await cp(from, join(this.staging, path));
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
