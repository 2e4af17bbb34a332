import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { defaultSiteConfig } from '../config.js';
import { diagnostic } from '../errors.js';
import { jekyllEntryFilter, type EntryLists } from './entry-filter.js';
import type { Diagnostic } from '../types.js';

/** A post file found under the posts folder. */
export interface PostFile {
  /** Path relative to the working directory: the post's key and the name in messages. */
  readonly source: string;
  /** Absolute path. */
  readonly path: string;
  readonly format: 'markdown' | 'html';
  /** In a Jekyll site, the folders between the posts root and `_posts` (Jekyll's folder categories). */
  readonly folderCategories: readonly string[];
}

/**
 * How a file is read, by its extension: one of `markdownExt` (Jekyll's `markdown_ext`, without
 * dots) is Markdown, `.html` is HTML, any other is not a post.
 */
export function postFormat(name: string, markdownExt: readonly string[]): 'markdown' | 'html' | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '.html') return 'html';
  return ext !== '' && markdownExt.includes(ext.slice(1)) ? 'markdown' : undefined;
}

/** A post's name in a Jekyll `_posts` folder: a date, a title, an extension. */
const datedName = /^\d{2,4}-\d{1,2}-\d{1,2}-.+\.[^.]+$/;


/** Folders that hold other tools' files, never posts (Jekyll skips them too). */
const ignoredFolders = new Set(['node_modules', 'vendor']);

/**
 * Every Markdown (`markdownExt`: Jekyll's `markdown_ext`, by default `.markdown`, `.mkdown`,
 * `.mkdn`, `.mkd`, `.md`) and `.html` file under `root`, recursively, sorted by path.
 * If the folder is a Jekyll site (it has `_posts` folders), only files inside `_posts`
 * folders are posts, and the folders above each `_posts` are its categories. Hidden
 * files and folders, `node_modules`, `vendor` and the `exclude`d folders (the output
 * folder, when it lies inside) are skipped; symbolic links are not followed (reported
 * as warnings). In a Jekyll site, a file Jekyll would not read (its `exclude:`/`include:`,
 * given as `lists`, and names it treats as special: see entry-filter.ts) is not a post either.
 */
export async function findPosts(
  root: string,
  cwd: string,
  exclude: readonly string[] = [],
  lists: EntryLists = { exclude: [], include: [] },
  markdownExt: readonly string[] = defaultSiteConfig.markdownExt,
): Promise<{ files: PostFile[]; diagnostics: Diagnostic[] }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const diagnostics: Diagnostic[] = [];
  const candidates: { rel: string; abs: string; format: 'markdown' | 'html' }[] = [];
  for (const entry of entries) {
    const abs = join(entry.parentPath, entry.name);
    const rel = relative(root, abs);
    if (rel.split(sep).some((part) => part.startsWith('.') || ignoredFolders.has(part))) continue;
    if (exclude.some((dir) => abs === dir || abs.startsWith(dir + sep))) continue;
    if (entry.isSymbolicLink()) {
      diagnostics.push(linkNotFollowed(relative(cwd, abs)));
      continue;
    }
    const format = entry.isFile() ? postFormat(entry.name, markdownExt) : undefined;
    if (format) candidates.push({ rel, abs, format });
    else if (entry.isFile() && datedName.test(entry.name) && rel.split(sep).includes('_posts')) {
      // Jekyll publishes such a file too, unconverted; gazette says why it does not.
      diagnostics.push(
        diagnostic('warning', relative(cwd, abs), `not read as a post: its extension is not one of markdown_ext (${markdownExt.join(', ')}) nor html`, {
          hint: `add '${extname(entry.name).slice(1).toLowerCase()}' to markdown_ext in the config to read it as Markdown`,
        }),
      );
    }
  }
  const isJekyllSite = candidates.some((c) => c.rel.split(sep).includes('_posts'));
  const files: PostFile[] = [];
  const jekyllReads = isJekyllSite ? jekyllEntryFilter(lists) : undefined;
  for (const { rel, abs, format } of candidates) {
    const parts = rel.split(sep);
    const postsAt = parts.lastIndexOf('_posts');
    if (isJekyllSite && postsAt === -1) continue;
    if (jekyllReads && !jekyllReads(parts.join('/'))) continue;
    files.push({
      source: relative(cwd, abs),
      path: abs,
      format,
      folderCategories: isJekyllSite ? parts.slice(0, postsAt).filter((p) => !p.startsWith('_')) : [],
    });
  }
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, diagnostics };
}

/** The warning for a symbolic link in the posts folder (a post is never read through one). */
export function linkNotFollowed(source: string): Diagnostic {
  return diagnostic('warning', source, 'symbolic link not followed', { hint: 'posts must be real files inside the posts folder' });
}
