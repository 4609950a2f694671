import { describe, expect, it } from 'vitest';
import { latestVersions, newQuestionId } from './question-ids';

describe('newQuestionId', () => {
  it('never reuses an id and keeps to the server pattern', () => {
    const id = newQuestionId(['q-1', 'q-2', 'q-3']);
    expect(['q-1', 'q-2', 'q-3']).not.toContain(id);
    expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(newQuestionId(['q-2'])).toBe('q-3');
  });
});

describe('latestVersions', () => {
  it('keeps the highest version per meeting type', () => {
    const latest = latestVersions([
      { meetingType: 'skaDay', version: 1 }, { meetingType: 'skaDay', version: 3 }, { meetingType: 'skaDay', version: 2 },
      { meetingType: 'workshop', version: 1 },
    ]);
    expect(latest.get('skaDay')?.version).toBe(3);
    expect(latest.get('workshop')?.version).toBe(1);
  });
});
