// Before the run: clear the temporary folders earlier runs left (each test makes its own under test/.tmp).
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  rmSync(join(import.meta.dirname, '.tmp'), { recursive: true, force: true });
}
