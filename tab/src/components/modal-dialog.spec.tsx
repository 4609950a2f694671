import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, DialogBody, DialogSurface, DialogTitle, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import '../testing/polyfills';
import { ModalDialog } from './modal-dialog';

function Page({ keepMounted }: { keepMounted: boolean }) {
  const [open, setOpen] = useState(false);
  const dialog = (
    <ModalDialog open={open} onClose={() => setOpen(false)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Ny åtgärd</DialogTitle>
          <Button onClick={() => setOpen(false)}>Avbryt</Button>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
  return (
    <FluentProvider theme={teamsLightTheme}>
      <Button>Före</Button>
      <Button onClick={() => setOpen(true)}>Ny åtgärd</Button>
      {keepMounted ? dialog : open && dialog}
    </FluentProvider>
  );
}

describe('ModalDialog', () => {
  afterEach(cleanup);

  // In jsdom the focus manager may keep an opening dialog aria-hidden for a while (its timers
  // race the test's clicks); the browser tests check what a screen reader gets. Here: focus only.
  const dialogGone = () => expect(document.querySelector('[role="dialog"]')).toBeNull();

  it.each([[true], [false]])('gives focus back to what opened it when it closes (kept mounted: %s)', async (keepMounted) => {
    render(<Page keepMounted={keepMounted} />);
    const opener = screen.getByRole('button', { name: 'Ny åtgärd' });
    await userEvent.click(opener);
    await userEvent.click(await screen.findByRole('button', { name: 'Avbryt', hidden: true }, { timeout: 5000 }));
    await waitFor(dialogGone, { timeout: 5000 });
    await waitFor(() => expect(document.activeElement).toBe(opener), { timeout: 5000 });

    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 5000 });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true), { timeout: 5000 });
    await userEvent.keyboard('{Escape}');
    await waitFor(dialogGone, { timeout: 5000 });
    await waitFor(() => expect(document.activeElement).toBe(opener), { timeout: 5000 });
  });
});
