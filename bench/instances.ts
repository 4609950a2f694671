/**
 * Issue 15's target for several instances: two servers on one lists emulator, each with its own
 * mirror; a user writes on one and their next view reaches the other: it must show the write, 100
 * times of 100. The write alternates between the instances; 20 ms per Graph request. And the time
 * of a write and the next view on the other instance, against both on the same instance.
 */
import { schoolYearOf } from '../src/domain';
import { BJORKSKOLAN } from '../test/api/harness';
import { firstInstance, nextInstance, type Instance } from '../test/api/instances';
import { benchLine, percentile, time } from './measure';

const writes = 100;
const latencyMs = 20;

interface Listed {
  readonly id: string;
  readonly etag: string;
  readonly title?: string;
}

export async function run(): Promise<string[]> {
  const one = await firstInstance();
  const emulator = one.started.emulator;
  if (!emulator) throw new Error('the first instance runs the emulator');
  const two = await nextInstance(emulator);
  try {
    const unitId = (await one.started.store.queryAll('units')).find((unit) => unit.fields.name === BJORKSKOLAN)?.id ?? '';
    const overview = (instance: Instance) => instance.call('GET', `/api/units/${unitId}/overview?schoolYear=${encodeURIComponent(schoolYearOf(new Date()))}`, 'principal-bjork');
    const action = ((await overview(one)).body['openActions'] as Listed[] | undefined)?.[0];
    if (!action) throw new Error('the demo has open actions');
    let etag = action.etag;
    /** Writes a new title on `writer`, then views on `reader`: whether the view shows it, and how long both took. */
    const writeThenView = async (writer: Instance, reader: Instance, title: string): Promise<{ shown: boolean; ms: number }> => {
      const { ms, result } = await time(async () => {
        const written = await writer.call('PATCH', `/api/actions/${action.id}`, 'principal-bjork', { body: { title }, headers: { 'if-match': etag } });
        if (written.status !== 200) throw new Error(`the write answered ${written.status}`);
        etag = String(written.body['etag']);
        return overview(reader);
      });
      const seen = (result.body['openActions'] as Listed[] | undefined)?.find((entry) => entry.id === action.id);
      return { shown: seen?.title === title && seen.etag === etag, ms };
    };
    emulator.setFaults({ latencyMs });
    let shown = 0;
    const across: number[] = [];
    for (let i = 0; i < writes; i++) {
      const [writer, reader] = i % 2 === 0 ? [one, two] : [two, one];
      const result = await writeThenView(writer, reader, `Åtgärd, version ${i}`);
      if (result.shown) shown++;
      across.push(result.ms);
    }
    const same: number[] = [];
    for (let i = 0; i < 20; i++) same.push((await writeThenView(one, one, `Åtgärd, samma instans ${i}`)).ms);
    const [acrossMs, sameMs] = [percentile(across, 50), percentile(same, 50)];
    return [
      benchLine('two instances on one emulator, a write on one shown by the next view on the other', shown, `of ${writes} writes`, shown / writes, `${writes} writes`),
      benchLine(`two instances, a write on one and the next view on the other, ${latencyMs} ms per Graph request`, acrossMs, 'ms', sameMs / acrossMs, `both on the same instance (${sameMs.toFixed(0)} ms)`),
    ];
  } finally {
    emulator.setFaults({ latencyMs: 0 });
    await two.server.stop();
    await one.server.stop();
  }
}
