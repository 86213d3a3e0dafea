/** Boolean environment variables: one reading of yes and no, and an error naming the variable for anything else. */
import { describe, expect, it } from 'vitest';
import { envFlag } from '../../src/io/env.ts';

describe('envFlag', () => {
  it.each(['1', 'true', 'TRUE', 'True', 'yes', 'YES', ' yes '])('reads %j as on', (value) => {
    expect(envFlag('BULLETIN_X', { BULLETIN_X: value })).toBe(true);
  });

  it.each(['0', 'false', 'FALSE', 'no', 'No', '', '  '])('reads %j as off', (value) => {
    expect(envFlag('BULLETIN_X', { BULLETIN_X: value })).toBe(false);
  });

  it('reads an unset variable as off', () => {
    expect(envFlag('BULLETIN_X', {})).toBe(false);
  });

  it.each(['2', 'on', 'y', 'ture', 'enabled'])('refuses %j, naming the variable', (value) => {
    expect(() => envFlag('BULLETIN_X', { BULLETIN_X: value })).toThrow(`BULLETIN_X is "${value}", which is not a yes or no`);
  });
});
