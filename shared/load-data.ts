/**
 * Loads every data file the first article needs, so a container pays for them in Lambda's init phase
 * rather than on its first upload, and the cold-start figure (bench row 2) counts them. The modules that
 * hold data read it at import (place index, topic model, entity rule lists, stop and function words);
 * the rest is loaded here: the title language model, the entity model's weights and lexicon keys, and the
 * key-phrase word list. Loading is all it does: no article is processed, so no code is warmed up.
 */
import { syllableLm } from './parse/syllable-lm';
import { wordBits } from './tag/entities/features/signals';
import { entityModel } from './tag/entities/model/load';
import { prepareWords } from './tag/keywords/compounds';

export function loadData(): void {
  syllableLm();
  entityModel();
  wordBits();
  prepareWords();
}
