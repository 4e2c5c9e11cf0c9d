// Prints how long reading a large pasted block takes on this machine, to decide whether the
// paste needs a web worker (only if it blocks the page for more than 50 ms).
// npx tsx scripts/measure-paste.ts [cells]
import { parseBlock } from '../src/domain/observations/paste';
import { parseValue, valueRuleFor } from '../src/domain/observations/value-rules';

const cells = Number(process.argv[2] ?? 15_000);
const columns = 6;
const rows = Math.ceil(cells / columns);
const lines: string[] = [];
for (let r = 0; r < rows; r++) {
  const row: string[] = [];
  for (let c = 0; c < columns; c++)
    row.push(r % 50 === 0 && c === 0 ? '"名称\n第二行"' : `${(r * 7 + c * 3) % 100}.${c}%`);
  lines.push(row.join('\t'));
}
const text = `${lines.join('\r\n')}\r\n`;
const rule = valueRuleFor({ name: '九年义务教育巩固率', unit: '%' });

function time(label: string, run: () => void): void {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] as number;
  console.log(`${label}: median ${median.toFixed(1)} ms, slowest ${samples.at(-1)?.toFixed(1)} ms`);
}

console.log(
  `${rows * columns} cells (${rows} rows × ${columns} columns), ${text.length} characters`,
);
time('parseBlock', () => void parseBlock(text));
time('parseBlock + parseValue of every cell', () => {
  for (const row of parseBlock(text)) for (const cell of row) parseValue(cell, rule);
});
