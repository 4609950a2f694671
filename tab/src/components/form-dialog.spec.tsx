import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { dialogTitle, renderWithSession } from '../testing/render';
import { FormDialog } from './form-dialog';

/** A page with a button that opens a one-field form; `closed` counts how often the form closed itself. */
function Page({ initial = '', onClosed }: { initial?: string; onClosed: () => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(initial);
  const handleClose = () => {
    setOpen(false);
    onClosed();
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Ny aktivitet</button>
      {open && (
        <FormDialog title="Ny aktivitet" values={{ title }} saveDisabled={false} onSubmit={() => undefined} onClose={handleClose}>
          <Field label="Rubrik"><Input value={title} onChange={(_, d) => setTitle(d.value)} /></Field>
        </FormDialog>
      )}
    </>
  );
}

function open(initial?: string) {
  const closes: number[] = [];
  renderWithSession(<Page {...(initial === undefined ? {} : { initial })} onClosed={() => closes.push(1)} />, {});
  fireEvent.click(screen.getByRole('button', { name: 'Ny aktivitet' }));
  return closes;
}
const form = () => screen.queryByRole('dialog', { hidden: true });
const question = () => screen.queryByRole('alertdialog', { hidden: true });
const field = () => screen.getByRole('textbox', { name: 'Rubrik', hidden: true });
const button = (scope: HTMLElement, name: string) => within(scope).getByRole('button', { name, hidden: true });

describe('FormDialog', () => {
  afterEach(cleanup);

  it('closes at once on Escape or Avbryt while nothing has been typed', async () => {
    const closes = open('Resultatkonferens');
    await waitFor(() => expect(form()).not.toBeNull());
    fireEvent.keyDown(field(), { key: 'Escape' });
    await waitFor(() => expect(form()).toBeNull());
    expect(question()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ny aktivitet' }));
    fireEvent.click(button(await screen.findByRole('dialog', { hidden: true }), 'Avbryt'));
    await waitFor(() => expect(form()).toBeNull());
    expect(closes).toHaveLength(2);
  });

  it('asks before Escape, a click beside it or Avbryt discards typed text: "Fortsätt skriva" keeps it, "Släng" closes', async () => {
    const closes = open();
    await userEvent.type(field(), 'Studiedag');
    fireEvent.keyDown(field(), { key: 'Escape' });
    const asking = await waitFor(() => question() ?? Promise.reject(new Error('no question yet')));
    expect(dialogTitle(asking)).toBe('Vill du slänga det du har skrivit?');
    // the way out first (keep writing), the action last
    expect(within(asking).getAllByRole('button', { hidden: true }).map((b) => b.textContent)).toEqual(['Fortsätt skriva', 'Släng']);
    fireEvent.click(button(asking, 'Fortsätt skriva'));
    await waitFor(() => expect(question()).toBeNull());
    expect(form()).not.toBeNull();
    expect((field() as HTMLInputElement).value).toBe('Studiedag');
    expect(closes).toHaveLength(0);

    // Escape on the question is its way out too: the form stays
    fireEvent.keyDown(field(), { key: 'Escape' });
    const again = await waitFor(() => question() ?? Promise.reject(new Error('no question yet')));
    fireEvent.keyDown(button(again, 'Släng'), { key: 'Escape' });
    await waitFor(() => expect(question()).toBeNull());
    expect(form()).not.toBeNull();
    expect(closes).toHaveLength(0);

    // a click beside the form asks the same
    fireEvent.click(document.querySelector('.fui-DialogSurface__backdrop') as HTMLElement);
    fireEvent.click(button(await waitFor(() => question() ?? Promise.reject(new Error('no question yet'))), 'Fortsätt skriva'));
    await waitFor(() => expect(question()).toBeNull());
    expect(closes).toHaveLength(0);

    fireEvent.click(button(form() as HTMLElement, 'Avbryt'));
    fireEvent.click(button(await waitFor(() => question() ?? Promise.reject(new Error('no question yet'))), 'Släng'));
    await waitFor(() => expect(form()).toBeNull());
    expect(closes).toHaveLength(1);
  });

  it('closes at once when what was typed is erased again: the values are what it opened with', async () => {
    const closes = open('Studiedag');
    await userEvent.type(field(), 'X');
    await userEvent.type(field(), '{Backspace}');
    expect((field() as HTMLInputElement).value).toBe('Studiedag');
    fireEvent.keyDown(field(), { key: 'Escape' });
    await waitFor(() => expect(form()).toBeNull());
    expect(question()).toBeNull();
    expect(closes).toHaveLength(1);
  });
});
