import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { linkLookup } from '../site/link-table.js';
import { createArticleProcessor } from './article-processor.js';
import { transformPost } from './transform-post.js';
/**
 * Builds the article processor a setup describes (in this thread or in a worker). It also
 * records every link lookup an article makes, for the cache: an article that linked to a
 * post the archive did not hold must be redone once the archive holds it.
 */
export function processorFor(setup) {
    const { links, ...options } = setup;
    const lookup = linkLookup(links);
    let lookups = [];
    const transform = createArticleProcessor({
        ...options,
        archivedUrl(href) {
            const archived = lookup.archivedUrl(href);
            lookups.push([href, archived ?? null, lookup.isSourceSite(href)]);
            return archived;
        },
        isSourceSite: lookup.isSourceSite,
    });
    return (input) => {
        lookups = [];
        const article = transform(input);
        return { article, lookups };
    };
}
/** Posts per worker below which starting workers costs more than it saves. */
const postsPerWorker = 100;
/**
 * A transformer for `posts` posts: one worker per core when there is enough work (`threads`
 * overrides), else this thread.
 */
export function createTransformer(setup, posts, threads) {
    const workers = threads ?? Math.min(availableParallelism(), Math.floor(posts / postsPerWorker));
    if (workers <= 1) {
        const transform = processorFor(setup);
        return { run: (task) => transformPost(transform, task), close: async () => { } };
    }
    const pool = new Piscina({
        filename: new URL('./transform-worker.js', import.meta.url).href,
        workerData: setup,
        minThreads: workers,
        maxThreads: workers,
    });
    return {
        run: (task) => pool.run(task),
        close: () => pool.destroy(),
    };
}
//# sourceMappingURL=transformer.js.map