/** What the rules know about the post being rewritten, set on `file.data.post`. */
export interface PostLinkContext {
  /** The post's page, from the site root (`/2024/11/15/x/`). */
  readonly url: string;
  /** The original article's URL, against which relative links in its HTML are resolved. */
  readonly from?: string | undefined;
  /** The post's title, which the page shows above the article (remove-title-echo.ts drops its echoes). */
  readonly title?: string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    post: PostLinkContext;
  }
}
