/**
 * Share the answer of an identical question while it is in flight (a dashboard asks for several figures at once);
 * nothing is kept once it is answered.
 */
export function sharedInFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, run) => {
    let p = inFlight.get(key);
    if (!p) {
      p = run().finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  };
}
