import { describe, expect, it } from 'vitest';
import { agendaItemVersion, changeAgendaItem, nextAgendaItemId, participantKey, removeParticipant, upsertParticipant } from './meeting-live-agenda';
import { meetingPeople, unnamedPrincipal } from './meeting-live-people';
import { swedishMorning } from './meeting-live-service';

const agenda = [{ id: '1', title: 'Resultat' }, { id: '2', title: 'Analys', notes: 'Studiero' }];

describe('agenda items', () => {
  it('gives an item a version that changes with its content and not with other items', () => {
    const before = agendaItemVersion(agenda[0]!);
    const changed = changeAgendaItem(agenda, '2', { notes: 'Ny text' });
    expect(agendaItemVersion(changed![0]!)).toBe(before);
    expect(agendaItemVersion(changed![1]!)).not.toBe(agendaItemVersion(agenda[1]!));
  });

  it('changes only the named item; empty notes and decisions are removed; an unknown item is undefined', () => {
    expect(changeAgendaItem(agenda, '2', { notes: '', decisions: ['Ja'] })).toEqual([{ id: '1', title: 'Resultat' }, { id: '2', title: 'Analys', decisions: ['Ja'] }]);
    expect(changeAgendaItem(agenda, '9', { notes: 'x' })).toBeUndefined();
    expect(nextAgendaItemId(agenda)).toBe('a3');
  });
});

describe('participation record', () => {
  it('replaces a person by id and a counted group by role', () => {
    const one = upsertParticipant([], { role: 'teacher', userId: '1a000000-0000-4000-8000-000000000005', displayName: 'Kim' });
    const two = upsertParticipant(one, { role: 'pupils', count: 2 });
    const three = upsertParticipant(two, { role: 'pupils', count: 5 });
    expect(three).toEqual([{ role: 'teacher', userId: '1a000000-0000-4000-8000-000000000005', displayName: 'Kim' }, { role: 'pupils', count: 5 }]);
    expect(removeParticipant(three, participantKey({ role: 'pupils', count: 1 }))).toHaveLength(1);
  });
});

describe('meetingPeople', () => {
  it('names people from participants, action owners and the caller, and principals by role when nobody named them', () => {
    const people = meetingPeople({
      meeting: { participants: [{ role: 'teacher', userId: 'u-teacher', displayName: 'Kim' }, { role: 'pupils', count: 3 }] },
      unit: { principalIds: ['u-principal', 'u-caller'] },
      actions: [{ ownerId: 'u-owner', ownerName: 'Sam' }],
      caller: { userId: 'u-caller', name: 'Eva' },
    });
    expect(people.map((p) => [p.userId, p.name])).toEqual([
      ['u-caller', 'Eva'], ['u-teacher', 'Kim'], ['u-principal', unnamedPrincipal], ['u-owner', 'Sam'],
    ]);
  });
});

describe('swedishMorning', () => {
  it('is 08:00 in Sweden in winter and in summer', () => {
    expect(swedishMorning('2026-01-15')).toBe('2026-01-15T08:00:00+01:00');
    expect(swedishMorning('2026-05-20')).toBe('2026-05-20T08:00:00+02:00');
  });
});
