import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.spec.tsx') ? [path] : [];
  });
}

/** Every dialog's buttons, in the order they are written, as "primary" or "secondary". */
function dialogButtonOrders(): { file: string; order: string[] }[] {
  return sources(root).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/<DialogActions[^>]*>([\s\S]*?)<\/DialogActions>/g)].map((block) => ({
      file: relative(root, file),
      order: [...(block[1] ?? '').matchAll(/<Button\b([^>]*)>/g)].map((button) => (/appearance="primary"/.test(button[1] ?? '') ? 'primary' : 'secondary')),
    }));
  });
}

describe('dialog buttons', () => {
  it('come in one order in every dialog: the way out first, the primary action last', () => {
    const dialogs = dialogButtonOrders();
    expect(dialogs.length).toBeGreaterThan(0);
    for (const { file, order } of dialogs) {
      expect({ file, primaries: order.filter((kind) => kind === 'primary').length }).toEqual({ file, primaries: 1 });
      expect({ file, last: order.at(-1) }).toEqual({ file, last: 'primary' });
    }
  });
});

describe('shared dialog and tab bar', () => {
  const others = () => sources(root).filter((file) => !/components[\\/](modal-dialog|tab-bar)\.tsx$/.test(file)).map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));

  it('every dialog is a ModalDialog, which gives focus back to what opened it', () => {
    expect(others().filter(({ text }) => /<Dialog[\s>]/.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it('every tab bar is a TabBar: no TabList or Toolbar with hidden focus sentinels', () => {
    expect(others().filter(({ text }) => /<(TabList|Toolbar)[\s>]/.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
