// npm 11 skips every dependency install script that package.json's allowScripts does not decide on,
// and ends `npm install` with a warning a user has to interpret. A dependency that brings a new
// install script must get a decision (and a line in README's "Install scripts") before it lands.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const projectDir = resolve(import.meta.dirname, '..');

it('leaves no install script of a dependency undecided, so npm install prints no install-script warning', () => {
  // Reads node_modules and package.json only: no registry is asked.
  const listed = spawnSync('npm', ['install-scripts', 'ls', '--json'], { cwd: projectDir, encoding: 'utf8' });
  expect(listed.status, listed.stderr).toBe(0);
  const { allowScripts } = JSON.parse(listed.stdout) as { allowScripts: { name: string }[] };
  expect(allowScripts.map((pending) => pending.name)).toEqual([]);
});
