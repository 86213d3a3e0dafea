/**
 * Caches a data function's result for the build: each page asks for the archive, the lines or
 * the plan, and computing them once instead of once per page keeps a build linear in the number
 * of advisories. The dev server recomputes on every request, so an edit shows at once.
 */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? compute() : (value ??= compute()));
}
