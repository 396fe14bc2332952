/**
 * Runs tasks with the same key one after another (on this node), tasks with other keys freely. For
 * check-then-act sequences that must not interleave, such as "is a call ringing? else create one".
 */
export function keyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    tails.set(key, tail);
    // The last task of a key removes it, so the map holds only keys with work in flight.
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return result;
  };
}
