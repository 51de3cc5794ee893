/**
 * `npx tsx eval/entity-dev.ts`: today's rules and the entity model on VLSP's dev half only (the
 * even-numbered articles), for choosing features and settings. The test half is scored by `npm run eval`.
 */
import { runEntityDevEval } from './entity-eval';

runEntityDevEval();
