/**
 * Counts round trips on a writer's critical path: a document-client middleware that holds every request
 * until the writers have nothing left to do but wait, sends all held requests at once (one round), and
 * hands their answers back together once the last one is in. A writer that waits for k sequential
 * requests then spans k rounds, whatever the emulator's speed or the machine's load: with DynamoDB at a
 * few milliseconds a round trip, this is what decides a Lambda's duration. Bench only.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** setImmediate turns with no new request before a round is sent (batchers flush on the next turn). */
const QUIET_TURNS = 3;

interface Round {
  size: number;
  results: Promise<unknown>[];
  done: Promise<void>;
  finish: () => void;
}

export class RoundGate {
  /** Rounds sent so far. */
  rounds = 0;
  private waiting: ((round: Round) => void)[] = [];
  private inRound = false;
  private watching = false;

  /** Adds the gate to a document client (one that no other code shares: it changes its timing). */
  install(doc: DynamoDBDocumentClient): void {
    doc.middlewareStack.add(
      (next) => async (args) => {
        const round = await new Promise<Round>((resolve) => {
          this.waiting.push(resolve);
          this.watch();
        });
        const result = next(args).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        round.results.push(result);
        if (round.results.length === round.size) void Promise.all(round.results).then(round.finish);
        const settled = await result;
        await round.done;
        if ('error' in settled) throw settled.error;
        return settled.value;
      },
      { step: 'initialize', name: 'benchRoundGate' },
    );
  }

  /** Sends the held requests once QUIET_TURNS turns pass with none added. */
  private watch(): void {
    if (this.watching || this.inRound) return;
    this.watching = true;
    let seen = this.waiting.length;
    let quiet = 0;
    const turn = () => {
      if (this.waiting.length !== seen) {
        seen = this.waiting.length;
        quiet = 0;
      } else if (++quiet >= QUIET_TURNS) {
        this.watching = false;
        this.send();
        return;
      }
      setImmediate(turn);
    };
    setImmediate(turn);
  }

  private send(): void {
    const members = this.waiting;
    this.waiting = [];
    if (members.length === 0) return;
    this.inRound = true;
    this.rounds++;
    let finish!: () => void;
    const done = new Promise<void>((r) => {
      finish = r;
    });
    const round: Round = { size: members.length, results: [], done, finish };
    void done.then(() => {
      this.inRound = false;
      if (this.waiting.length > 0) this.watch();
    });
    for (const resolve of members) resolve(round);
  }
}
