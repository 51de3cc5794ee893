/**
 * The peer: vntk (npm, MIT), the one JavaScript Vietnamese NLP toolkit with NER (CRF models from
 * underthesea). Comparison only, never a newsdrop dependency: it needs native modules built by install
 * scripts, so it lives in a git-ignored scratch folder (.scratch/vntk) that this file installs on first use.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Entities } from '../shared/model/article';

export const VNTK_VERSION = '1.4.4';
export const VNTK_DIR = join(import.meta.dirname, '..', '.scratch', 'vntk');

export interface VntkTagger {
  version: string;
  /** vntk's persons, organisations and places in `text`, counted like newsdrop's. */
  tag(text: string): Promise<Entities>;
}

type VntkRow = [word: string, pos: string, chunk: string, ner: string];
interface VntkModule {
  ner(): { tag(text: string): VntkRow[] };
}

function install(): void {
  mkdirSync(VNTK_DIR, { recursive: true });
  writeFileSync(
    join(VNTK_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name: 'vntk-scratch',
        private: true,
        description: 'Peer comparison only; installed by eval/vntk.ts, not a newsdrop dependency.',
        dependencies: { vntk: VNTK_VERSION },
        // npm 11 runs install scripts only for approved packages: vntk's CRF and fastText bindings.
        allowScripts: { crfsuite: true, fasttext: true },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(VNTK_DIR, '.npmrc'), 'ignore-scripts=false\n');
  process.stderr.write(`installing vntk ${VNTK_VERSION} into ${VNTK_DIR} (builds native modules)…\n`);
  const opts = {
    cwd: VNTK_DIR,
    stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[],
    timeout: 20 * 60_000,
  };
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], opts);
  // Older lockfile-less installs skip the approved scripts; rebuilding runs them.
  execFileSync('npm', ['rebuild', 'crfsuite'], opts);
}

const TYPE: Record<string, keyof Entities | undefined> = { PER: 'person', ORG: 'organization', LOC: 'place' };

/** Turns vntk's BIO rows into entity lists with mention counts. */
export function entitiesFromRows(rows: readonly VntkRow[], into: Map<string, Map<string, number>>): void {
  let current: { type: keyof Entities; words: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const name = current.words.join(' ').replace(/_/g, ' ').trim();
    const counts = into.get(current.type) ?? new Map<string, number>();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    into.set(current.type, counts);
    current = null;
  };
  for (const [word, , , tag] of rows) {
    const [bio, label] = tag.split('-') as [string, string | undefined];
    const type = label ? TYPE[label] : undefined;
    if (bio === 'B' || (bio === 'I' && (!current || current.type !== type))) {
      flush();
      if (type) current = { type, words: [word] };
    } else if (bio === 'I' && current) {
      current.words.push(word);
    } else {
      flush();
    }
  }
  flush();
}

/** Loads vntk (installing it into the scratch folder when missing) and returns its NER as a tagger. */
export async function loadVntk(): Promise<VntkTagger> {
  if (!existsSync(join(VNTK_DIR, 'node_modules', 'vntk', 'package.json'))) install();
  const require = createRequire(join(VNTK_DIR, 'package.json'));
  const vntk = require('vntk') as VntkModule;
  const version = (
    JSON.parse(readFileSync(join(VNTK_DIR, 'node_modules', 'vntk', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const ner = vntk.ner();
  return {
    version,
    async tag(text: string): Promise<Entities> {
      const found = new Map<string, Map<string, number>>();
      for (const line of text.split(/\n+/)) {
        if (line.trim()) entitiesFromRows(ner.tag(line), found);
      }
      const list = (type: keyof Entities) =>
        [...(found.get(type) ?? new Map<string, number>())]
          .map(([name, mentions]) => ({ name, mentions }))
          .sort((a, b) => b.mentions - a.mentions);
      return { person: list('person'), organization: list('organization'), place: list('place') };
    },
  };
}
