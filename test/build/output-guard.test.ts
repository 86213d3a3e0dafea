/**
 * The guard over a folder as it fills (src/integrations/output-guard.ts): files read while a
 * writer is still at work are judged by their final bytes, files written after it stopped
 * following are read by the last check, removed files are forgotten, and with no held-back
 * token nothing is read at all.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { guardOutput, OutputGuard } from '../../src/integrations/output-guard.ts';
import { tempDir } from '../helpers/run.ts';

const HELD = 'EXA-2026-0099';

/** Runs `steps` (each a write into `dir`, with a pause after it) while the guard follows the folder; returns the guard. */
async function following(dir: string, steps: (() => void)[]): Promise<OutputGuard> {
  const guard = new OutputGuard(dir, [HELD]);
  const writer = (async () => {
    for (const step of steps) {
      step();
      // Long enough for the guard to sweep between two steps.
      await sleep(1500);
    }
  })();
  await guard.follow(writer);
  return guard;
}

describe('the output guard following a folder', () => {
  it('judges a file caught half written by its final bytes', async () => {
    const dir = tempDir('guard-follow');
    const page = join(dir, 'a', 'index.html');
    const guard = await following(dir, [
      // Cut short, the published EXA-2026-00991 reads as the held-back EXA-2026-0099.
      () => (mkdirSync(join(dir, 'a'), { recursive: true }), writeFileSync(page, '<p>see EXA-2026-0099')),
      () => writeFileSync(page, '<p>see EXA-2026-00991, published</p>'),
    ]);
    expect(guard.readings).toBe(1);
    // Read while half written, then again by the last check, which sees its stamp changed.
    expect(() => guard.check()).not.toThrow();
    expect(guard.readings).toBe(2);
  });

  it('catches a file rewritten with a leak after it was read', async () => {
    const dir = tempDir('guard-follow');
    const page = join(dir, 'index.html');
    const guard = await following(dir, [() => writeFileSync(page, '<p>nothing here</p>'), () => writeFileSync(page, `<p>${HELD}</p>`)]);
    expect(() => guard.check()).toThrow(`index.html: "${HELD}"`);
  });

  it('reads in the last check the files written after it stopped following, and forgets removed ones', async () => {
    const dir = tempDir('guard-follow');
    const guard = await following(dir, [() => writeFileSync(join(dir, 'gone.html'), `<p>${HELD}</p>`)]);
    rmSync(join(dir, 'gone.html'));
    writeFileSync(join(dir, 'late.txt.asc'), `&#69;XA-2026-0099`);
    expect(() => guard.check()).toThrow(/late\.txt\.asc: "EXA-2026-0099"/);
    expect(() => guard.check()).not.toThrow(/gone\.html/);
  });

  it('reads each unchanged file once', async () => {
    const dir = tempDir('guard-follow');
    const guard = await following(dir, [() => writeFileSync(join(dir, 'one.html'), 'one'), () => writeFileSync(join(dir, 'two.html'), 'two')]);
    guard.check();
    expect(guard.readings).toBe(2);
  });

  it('reads nothing when nothing is held back', () => {
    const dir = tempDir('guard-follow');
    writeFileSync(join(dir, 'index.html'), HELD);
    const guard = new OutputGuard(dir, []);
    guard.check();
    expect(guard.readings).toBe(0);
    expect(() => guardOutput(dir, [HELD])).toThrow(`index.html: "${HELD}"`);
  });
});
