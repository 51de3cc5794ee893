/**
 * dynalite in a child process, for benches that time the writer alone: a worker thread's CPU counts in
 * the parent's process.cpuUsage (it sums every thread), a child's does not. On Lambda DynamoDB's work is
 * not the function's either. Plain JavaScript in the child (dynalite is CommonJS), data in its memory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const CHILD_SOURCE = `
const dynalite = require(process.env.DYNALITE_MODULE);
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
process.on('message', (m) => {
  if (m !== 'cpu') return;
  const u = process.cpuUsage();
  process.send({ cpuMicros: u.user + u.system });
});
`;

export interface DynaliteProcess {
  endpoint: string;
  /** CPU microseconds the child has used so far (user + system). */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

export async function startDynaliteProcess(): Promise<DynaliteProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-e', CHILD_SOURCE], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, DYNALITE_MODULE: createRequire(import.meta.url).resolve('dynalite') },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite process exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
  });
  child.removeAllListeners('exit');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    cpuMicros: () =>
      new Promise((resolve) => {
        child.once('message', (m: { cpuMicros: number }) => resolve(m.cpuMicros));
        child.send('cpu');
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
