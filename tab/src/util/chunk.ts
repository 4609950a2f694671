import { useEffect, useState } from 'react';
import { once } from './once';

/** A chunk downloaded once, which also says whether it is here already. */
export interface Chunk<T> {
  load(): Promise<T>;
  loaded(): T | undefined;
}

export function chunk<T>(load: () => Promise<T>): Chunk<T> {
  let module: T | undefined;
  return {
    load: once(async () => (module = await load())),
    loaded: () => module,
  };
}

type ChunkState<T> = { readonly module: T } | { readonly error: unknown } | null;

/**
 * The chunk's module: at once when it is already here, else after its download (undefined until
 * then); a failed download is thrown to the nearest error boundary. Unlike React.lazy, a chunk
 * that is here renders without a Suspense fallback: a fallback once shown holds the content's
 * reveal back by React's 300 ms throttle, on the view that has to show first.
 */
export function useChunk<T>(of: Chunk<T>): T | undefined {
  const [state, setState] = useState<ChunkState<T>>(() => {
    const module = of.loaded();
    return module === undefined ? null : { module };
  });
  const here = state !== null && 'module' in state;
  useEffect(() => {
    if (here) return undefined;
    let live = true;
    of.load().then((module) => live && setState({ module }), (error: unknown) => live && setState({ error }));
    return () => {
      live = false;
    };
  }, [of, here]);
  if (state !== null && 'error' in state) throw state.error;
  return state?.module;
}
