import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { personalIdentityCode } from '../domain';
import { allLists, lists } from './lists';

const storeColumns = new Set(['clientKey', 'createdByUser', 'modifiedByUser']);

describe('lists', () => {
  it.each(Object.entries(lists))('%s has one column per domain field and no other', (_key, binding) => {
    const fields = Object.keys((binding.schema as unknown as z.ZodObject).shape).sort();
    const titleInTitle = binding.definition.titleFrom === 'title' ? ['title'] : [];
    const columns = [...binding.definition.columns.map((c) => c.name).filter((n) => !storeColumns.has(n)), ...titleInTitle].sort();
    expect(columns).toEqual(fields);
    expect(binding.definition.columns.map((c) => c.name.toLowerCase())).not.toContain('title');
    expect(fields).toContain(binding.definition.titleFrom);
  });

  it('indexes every unique column and has a unique client key on every list', () => {
    for (const list of allLists) {
      const clientKey = list.columns.find((c) => c.name === 'clientKey');
      expect(clientKey).toMatchObject({ indexed: true, unique: true });
      for (const column of list.columns) if (column.unique) expect(column.indexed).toBe(true);
    }
  });

  it('holds each Teams binding in a unique column: a channel opens one unit, a Teams meeting and a chat name one meeting', () => {
    const column = (key: 'units' | 'meetings', name: string) => lists[key].definition.columns.find((c) => c.name === name);
    expect(column('units', 'channelId')).toMatchObject({ indexed: true, unique: true });
    expect(column('meetings', 'teamsMeetingId')).toMatchObject({ indexed: true, unique: true });
    expect(column('meetings', 'chatId')).toMatchObject({ indexed: true, unique: true });
  });

  it('never filters JSON or note columns: none is indexed', () => {
    for (const list of allLists) {
      for (const column of list.columns) if (column.type === 'json' || column.type === 'note') expect(column.indexed ?? false).toBe(false);
    }
  });

  it('has no column that could hold a pupil: no name, personnummer or pupil fields', () => {
    for (const list of allLists) {
      for (const column of list.columns) expect(column.name).not.toMatch(/pupil|elev|personnummer|personalIdentity|ssn/i);
    }
  });

  it('refuses a personnummer in every free-text field of an action', () => {
    const result = lists.actions.schema.safeParse({
      title: 'Samtal med 19121212-1212', unitId: '1', ownerId: '1a000000-0000-4000-8000-000000000005', dueDate: '2026-03-01',
      status: 'planned', originKind: 'analysis', originId: '2', schoolYear: '2025/26', evaluation: 'ok',
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['title']);
    expect(issue && 'params' in issue ? issue.params?.code : undefined).toBe(personalIdentityCode);
  });
});
