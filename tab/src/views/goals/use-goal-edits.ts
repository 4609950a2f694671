import { useState } from 'react';
import type { Goal } from '../../../../src/contract';
import { useI18n } from '../../i18n/i18n';

/**
 * A goal view's editing state, the same in the unit's and the organizer's view: which goal the
 * dialog edits (`E`, each view's own), the notice after a save or removal, and the error of a removal.
 */
export function useGoalEdits<E>(deleteGoal: (goal: Goal) => Promise<void>, reload: () => void) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<E | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = (next: E) => {
    setNotice(null);
    setEditing(next);
  };
  const handleSaved = (goal: Goal) => {
    setEditing(null);
    setNotice(t('channel.goalSaved', { title: goal.title }));
    reload();
  };
  const handleRemove = async (goal: Goal) => {
    setError(null);
    try {
      await deleteGoal(goal);
      setNotice(t('channel.goalRemoved', { title: goal.title }));
      reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return { editing, open, close: () => setEditing(null), notice, error, handleSaved, handleRemove: (goal: Goal) => void handleRemove(goal) };
}
