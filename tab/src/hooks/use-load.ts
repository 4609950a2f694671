import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/** A load's state: explicit loading and error, so a view is never blank. */
export type LoadState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

const loading = { status: 'loading' } as const;

/** Runs `load` when `key` changes; `reload` runs it again. Late answers of an old key are dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): [LoadState<T>, () => void, (data: T) => void] {
  const [round, setRound] = useState(0);
  // each answer remembers the run (key and round) it answers
  const [answer, setAnswer] = useState<{ readonly state: LoadState<T>; readonly run: string }>({ state: loading, run: '' });
  const run = `${round}|${key}`;
  // `load` is a fresh closure each render; `key` and `round` say when to run it again
  const start = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    start().then(
      (data) => live && setAnswer({ state: { status: 'ready', data }, run }),
      (error: unknown) => live && setAnswer({ state: { status: 'error', error }, run }),
    );
    return () => {
      live = false;
    };
  }, [run]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const set = useCallback((data: T) => setAnswer((previous) => ({ state: { status: 'ready', data }, run: previous.run })), []);
  // while a new run loads, data already shown stays; an earlier run's error gives way to loading
  const state = answer.state.status === 'error' && answer.run !== run ? loading : answer.state;
  return [state, reload, set];
}
