/**
 * The shared vocabulary of gazette's stages: load → index → transform → render → write.
 * Every value here is plain, readonly, JSON-serialisable data, so it can be cached
 * or sent to a worker thread; posts refer to each other by `source` or `url`, never
 * by object reference.
 */
export {};
//# sourceMappingURL=types.js.map