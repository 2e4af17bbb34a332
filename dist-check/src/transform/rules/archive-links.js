import { forEachElement } from './hast.js';
import { relativeUrl } from '../../site/relative-url.js';
import './context.js';
const archiveLinks = (options) => (tree, file) => {
    const page = file.data.post?.url;
    let archived = 0;
    const dangling = new Set();
    forEachElement(tree, (node) => {
        const href = node.properties.href;
        if (node.tagName !== 'a' || typeof href !== 'string')
            return;
        const target = options.archivedUrl(href);
        if (target !== undefined && page !== undefined && target !== page) {
            node.properties.href = relativeUrl(page, target);
            archived++;
        }
        else if (target === undefined && options.isSourceSite(href)) {
            dangling.add(href);
        }
    });
    file.data.links = { archived, dangling: [...dangling] };
};
export default archiveLinks;
//# sourceMappingURL=archive-links.js.map