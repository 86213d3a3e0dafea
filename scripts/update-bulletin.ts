#!/usr/bin/env node
// npm run update-bulletin -- <Bulletin repository address or path> [<branch or tag>, default main]
// Takes a newer Bulletin's code into this project's repository (made from the Bulletin template):
// every file of the given Bulletin version (code, docs, workflows) except content/, the project's
// content and its lock, which stay as they are. Needs a clean working tree; leaves the changes
// staged to review, test and commit (npm install, npm test, npm run check, then a pull request).
import { execFileSync } from 'node:child_process';

const [source, ref = 'main'] = process.argv.slice(2);
if (!source) {
  console.error('usage: npm run update-bulletin -- <Bulletin repository address or path> [<branch or tag>]');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
try {
  if (git('status', '--porcelain', '--untracked-files=no')) {
    console.error('bulletin update-bulletin: the working tree has uncommitted changes; nothing was changed\nfix: commit or stash them, then run it again');
    process.exit(1);
  }
  git('fetch', '--quiet', '--no-tags', source, ref);
  const incoming = git('rev-parse', 'FETCH_HEAD');
  // Files Bulletin's new version no longer has (outside content/) are removed; the rest is taken.
  const theirs = new Set(git('ls-tree', '-r', '--name-only', incoming).split('\n'));
  const ours = git('ls-files').split('\n').filter((f) => f && !f.startsWith('content/') && !theirs.has(f));
  if (ours.length) git('rm', '-q', '--', ...ours);
  git('checkout', incoming, '--', '.', ':(exclude)content');
  console.log(`bulletin update-bulletin: took Bulletin ${ref} (${incoming.slice(0, 12)}) from ${source}; content/ and its lock are unchanged\nnext: npm install && npm test && npm run check, then commit ("Take Bulletin ${ref}") and open a pull request`);
} catch (e) {
  const err = e as { stderr?: string; message: string };
  console.error(`bulletin update-bulletin: ${(err.stderr || err.message).trim()}\nnothing was committed; fix: check the repository address and branch, then run it again (git status shows any partial change; git checkout -- . undoes it)`);
  process.exit(1);
}
