/**
 * Serialize work under a name within this process. Next.js bundles route handlers separately, so the queue lives on
 * globalThis: the tRPC and REST entry points share it. (The app runs as one server process per store: embedded chDB
 * admits one; an HTTP deployment with several app instances would need one writer for notice numbers.)
 */
const g = globalThis as unknown as { __csmSerialized?: Map<string, Promise<unknown>> };

export function serialized<T>(name: string, run: () => Promise<T>): Promise<T> {
  const queues = (g.__csmSerialized ??= new Map());
  const previous = queues.get(name) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(name, next.catch(() => undefined));
  return next;
}
