/** Runs `run` over every task with at most `concurrency` in flight (the bench's only concurrency helper). */
export async function pool<T>(
  tasks: readonly T[],
  concurrency: number,
  run: (task: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) await run(tasks[next++]!);
    }),
  );
}
