import { GazetteError, toDiagnostic } from '../errors.js';
import type { Article, Diagnostic, Post } from '../types.js';
import type { LinkLookupRecord } from '../cache/article-cache.js';
import type { ArticleInput } from './article-processor.js';
import { HtmlTooLargeError } from './parse-html.js';
import { readBody } from './read-body.js';

/** What transforming one post needs: plain data, so it can be sent to a worker thread. */
export type TransformTask = Pick<Post, 'source' | 'path' | 'encoding' | 'hash' | 'bodyOffset' | 'bodyLine' | 'format' | 'url' | 'from' | 'title'>;

/**
 * A transformed post with the link lookups it made (for the cache), or the diagnostic that
 * says why it could not be transformed (errors do not cross threads whole).
 */
export type TransformOutcome = { readonly article: Article; readonly lookups: readonly LinkLookupRecord[] } | { readonly diagnostic: Diagnostic };

export function transformTask(post: Post): TransformTask {
  const { source, path, encoding, hash, bodyOffset, bodyLine, format, url, from, title } = post;
  return { source, path, encoding, hash, bodyOffset, bodyLine, format, url, title, ...(from !== undefined ? { from } : {}) };
}

/** Reads a post's body and transforms it; never throws. */
export async function transformPost(transform: (input: ArticleInput) => { article: Article; lookups: LinkLookupRecord[] }, task: TransformTask): Promise<TransformOutcome> {
  try {
    const body = await readBody(task);
    try {
      return transform({ format: task.format, body, url: task.url, from: task.from, title: task.title });
    } catch (error) {
      // The one way a hostile body exhausts the pipeline: HTML nested thousands of levels deep.
      if (error instanceof HtmlTooLargeError) throw new GazetteError(task.source, error.message, { line: task.bodyLine, hint: 'close the formatting tags', cause: error });
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new GazetteError(task.source, "the article's HTML is nested too deeply to process (thousands of levels)", { line: task.bodyLine, hint: 'flatten the markup', cause: error });
      }
      throw error;
    }
  } catch (error) {
    return { diagnostic: toDiagnostic(task.source, error) };
  }
}
