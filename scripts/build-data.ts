/**
 * `npm run build:data`: builds every generated data file from the hand-written data under data/. With
 * `--corpus` it first rebuilds the files derived from ../shared/corpus (admin units from dvhcvn 20250701,
 * the URL-slug title language model from DANeS and the team's written text, and the topic model from
 * DANeS); without it those committed files are used as they are. Last, the table files the Lambda reads,
 * compiled from the generated JSON (topic model, place index, title model, key-phrase word pairs).
 * test/data/generated.test.ts fails until this has run after a data change.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ENTITY_LEXICON_KEYS_FILE,
  ENTITY_RULES_FILE,
  entityLexiconKeysFile,
  entityRulesFile,
  FUNCTION_WORDS_FILE,
  functionWordsFile,
  KEYWORD_WORDS_FILE,
  keywordWordsFile,
  PLACE_INDEX_FILE,
  placeIndexFile,
  ROOT,
  STOPWORDS_FILE,
  stopwordsFile,
  TOPIC_SECTIONS_FILE,
  TOPICS_LEXICON_FILE,
  tableFiles,
  topicSectionsFile,
  topicsLexiconFile,
} from './data/build';

const write = (path: string, content: string) => {
  writeFileSync(join(ROOT, path), content);
  process.stdout.write(`${path}: ${content.length} characters\n`);
};

const tsx = (script: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, script)], { stdio: 'inherit', cwd: ROOT });

// The topic model is trained on the seed lexicon (and stop words): those first.
write(STOPWORDS_FILE, stopwordsFile());
write(TOPICS_LEXICON_FILE, topicsLexiconFile());
write(TOPIC_SECTIONS_FILE, topicSectionsFile());
write(FUNCTION_WORDS_FILE, functionWordsFile());
write(ENTITY_RULES_FILE, entityRulesFile());
write(ENTITY_LEXICON_KEYS_FILE, entityLexiconKeysFile());
write(KEYWORD_WORDS_FILE, keywordWordsFile());
if (process.argv.includes('--corpus')) {
  tsx('shared/tag/build/admin-units.ts');
  tsx('shared/parse/build/title-lm.ts');
  tsx('shared/tag/build/topics-train.ts');
}
// After the admin units, which it reads.
write(PLACE_INDEX_FILE, placeIndexFile());
// Last: compiled from the generated JSON above.
for (const [path, bytes] of tableFiles()) {
  writeFileSync(join(ROOT, path), bytes);
  process.stdout.write(`${path}: ${bytes.byteLength} bytes\n`);
}
