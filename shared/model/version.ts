import { PARSER_VERSION } from '../parse/version';
import { TAGGER_VERSION } from '../tag/version';

/** Identifies the code that produced a record; stored with it and compared by `newsdrop reindex`. */
export const PROCESSOR_VERSION = `${PARSER_VERSION}+${TAGGER_VERSION}`;
