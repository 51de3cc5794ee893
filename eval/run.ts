/**
 * `npm run eval`: scores the parser and the tagger on every labelled set in ../shared/corpus/.
 * Corpus data is read at eval time only; none of it is bundled into the product.
 */
import { runLabelAgreement } from './label-agreement';
import { runParseEval } from './parse-eval';
import { runTagEval } from './tag-eval';

const only = process.argv[2];
if (only === undefined || only === 'parse') await runParseEval();
if (only === undefined || only === 'tag') await runTagEval();
if (only === undefined || only === 'tag') runLabelAgreement();
