// Runs before every npm script that starts MuniKit, and after `npm install`. `npm install` puts
// Node 24 (the `node` package) in node_modules/.bin, which npm scripts use first, so this only has
// something to say when that did not happen. Plain JavaScript on purpose: it must run on any Node.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const atLeast = (version) => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13);
};

if (process.argv.includes('--after-install')) {
  // npm itself ran on the machine's Node; its EBADENGINE warnings are about that Node, not the one
  // MuniKit runs on. Say so once, in plain words.
  if (!atLeast(process.versions.node)) {
    let pinned = '';
    try {
      pinned = execFileSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'node'), ['--version']).toString().trim();
    } catch {
      /* reported below */
    }
    console.log(
      atLeast(pinned)
        ? `MuniKit will run on Node ${pinned} from node_modules/.bin (this machine has Node ${process.versions.node}); ` +
            'the EBADENGINE warnings above are about the machine\'s Node and can be ignored.'
        : `MuniKit needs Node.js 22.13 or newer and could not install its own: install Node 24 LTS from nodejs.org.`,
    );
  }
} else if (!atLeast(process.versions.node)) {
  console.error(
    `MuniKit needs Node.js 22.13 or newer (it uses node:sqlite), but this is Node ${process.versions.node}: ` +
      'run `npm install` first (it brings Node 24 into node_modules), or install Node 24 LTS from nodejs.org.',
  );
  process.exit(1);
}
