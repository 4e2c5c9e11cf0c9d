// Prints where a CPU profile (.cpuprofile, DevTools format; npm run bench -- --profile …) spent
// its time: self time per function and file, largest first.
// Run: node scripts/bench/profile-top.mjs test/artifacts/bench/profiles/entry-….cpuprofile [rows]
import { readFileSync } from 'node:fs';

const [file, rowsText = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/profile-top.mjs <file.cpuprofile> [rows]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map();
profile.samples.forEach((id, index) => {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const where = url ? `${url.split('/').slice(-1)[0]}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfTime.values()].reduce((sum, t) => sum + t, 0);
console.log(`${(total / 1000).toFixed(0)} ms sampled`);
[...selfTime.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(rowsText))
  .forEach(([key, t]) =>
    console.log(
      `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`,
    ),
  );
