/**
 * Callers that ask while a run is in flight share that run instead of starting another: two
 * concurrent reads of "what is new?" would otherwise both fold the same new events.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () =>
    (inFlight ??= run().finally(() => {
      inFlight = null;
    }));
}
