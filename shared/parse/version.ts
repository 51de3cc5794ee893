/** Bump when parsing output changes, so `newsdrop reindex` knows which records to redo. */
export const PARSER_VERSION = 'parse-53';
