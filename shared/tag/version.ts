/** Bump when tagging output changes, so `newsdrop reindex` knows which records to redo. */
export const TAGGER_VERSION = 'tag-121';
