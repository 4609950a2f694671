import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/problem-error';
import { useConflictSave } from './use-conflict-save';
import type { ConflictWrite } from './use-conflict-save';

/** A stored version: its eTag, a title and a status, as the API answers them. */
interface Item {
  etag: string;
  title: string;
  status: string;
}
type Draft = Pick<Item, 'title' | 'status'>;

const isItem = (value: unknown): value is Item => Boolean(value && typeof value === 'object' && 'etag' in value && 'title' in value);
const stored: Item = { etag: '"1"', title: 'Lässtund', status: 'planned' };
const theirs: Item = { etag: '"2"', title: 'Lässtund varje morgon', status: 'planned' };

/** A server holding one item: a write with a stale eTag gets 409 with the current version; others apply the fields changed since `editedFrom`. */
function server(current: Item) {
  const writes: { etag: string | undefined; changes: Partial<Draft> }[] = [];
  const write: ConflictWrite<Item, Draft> = async (draft, base, editedFrom) => {
    const from = editedFrom ?? base;
    const changes: Partial<Draft> = {};
    if (draft.title !== from?.title) changes.title = draft.title;
    if (draft.status !== from?.status) changes.status = draft.status;
    writes.push({ etag: base?.etag, changes });
    if (base?.etag !== current.etag) throw new ProblemError({ status: 409, code: 'conflict', detail: 'Ändrad av någon annan.', current });
    current = { ...current, ...changes, etag: `"${Number(current.etag.slice(1, -1)) + 1}"` };
    return current;
  };
  return { write, writes, now: () => current };
}

function form() {
  return renderHook(() => useConflictSave<Item, Draft>({ initial: stored, draftOf: (item) => ({ title: item?.title ?? '', status: item?.status ?? 'planned' }), isVersion: isItem }));
}

describe('useConflictSave', () => {
  it('saves the draft with its version\'s eTag and moves on to the saved version', async () => {
    const api = server(stored);
    const { result } = form();
    act(() => result.current.change((d) => ({ ...d, status: 'done' })));
    expect(result.current.dirty).toBe(true);
    let saved: Item | undefined;
    await act(async () => {
      saved = await result.current.save(api.write);
    });
    expect(api.writes).toEqual([{ etag: '"1"', changes: { status: 'done' } }]);
    expect(saved?.etag).toBe('"2"');
    expect(result.current.base?.etag).toBe('"2"');
    expect(result.current.dirty).toBe(false);
    expect(result.current.conflict).toBeNull();
  });

  it('opens a conflict with the current version instead of overwriting it, then keeps mine: only my change, on top of theirs', async () => {
    const api = server(theirs);
    const { result } = form();
    act(() => result.current.change((d) => ({ ...d, status: 'done' })));
    await act(async () => {
      expect(await result.current.save(api.write)).toBeUndefined();
    });
    expect(result.current.conflict).toEqual(theirs);
    expect(result.current.error).toBeNull();
    expect(api.now()).toEqual(theirs);
    expect(result.current.draft).toEqual({ title: 'Lässtund', status: 'done' });

    await act(async () => {
      await result.current.keepMine();
    });
    expect(api.writes[1]).toEqual({ etag: '"2"', changes: { status: 'done' } });
    // both stand: their title and my status
    expect(api.now()).toMatchObject({ title: 'Lässtund varje morgon', status: 'done', etag: '"3"' });
    expect(result.current.conflict).toBeNull();
    expect(result.current.base?.etag).toBe('"3"');
  });

  it('after a conflict uses theirs: the current version becomes the form\'s and nothing is written', async () => {
    const api = server(theirs);
    const { result } = form();
    act(() => result.current.change((d) => ({ ...d, title: 'Min rubrik' })));
    await act(async () => {
      await result.current.save(api.write);
    });
    let taken: Item | undefined;
    act(() => {
      taken = result.current.takeTheirs();
    });
    expect(taken).toEqual(theirs);
    expect(result.current.draft).toEqual({ title: 'Lässtund varje morgon', status: 'planned' });
    expect(result.current.base).toEqual(theirs);
    expect(result.current.editedFrom).toEqual(theirs);
    expect(result.current.conflict).toBeNull();
    expect(result.current.dirty).toBe(false);
    expect(api.writes).toHaveLength(1);
  });

  it('keeps any other failure as the error, and the draft as it was', async () => {
    const { result } = form();
    const refused = new ProblemError({ status: 400, code: 'invalid', detail: 'title: Texten innehåller ett personnummer.', field: 'title' });
    act(() => result.current.change((d) => ({ ...d, title: 'Elev 19121212-1212' })));
    await act(async () => {
      await result.current.save(async () => {
        throw refused;
      });
    });
    expect(result.current.error).toBe(refused);
    expect(result.current.conflict).toBeNull();
    expect(result.current.draft.title).toBe('Elev 19121212-1212');
    expect(result.current.busy).toBe(false);
  });

  it('runs one save at a time', async () => {
    const api = server(stored);
    const { result } = form();
    act(() => result.current.change((d) => ({ ...d, status: 'done' })));
    await act(async () => {
      await Promise.all([result.current.save(api.write), result.current.save(api.write)]);
    });
    expect(api.writes).toHaveLength(1);
  });
});
