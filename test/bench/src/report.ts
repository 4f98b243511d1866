import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type Cell = string | number;

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
export const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

/** A Markdown table with aligned columns (readable in the terminal and in the document). */
export function table(header: string[], rows: Cell[][], alignRight: boolean[] = []): string {
  const text = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, 3, ...text.map((r) => r[i]?.length ?? 0)));
  const cell = (value: string, i: number) =>
    alignRight[i] ? value.padStart(widths[i]) : value.padEnd(widths[i]);
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (alignRight[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...text.map(line)].join('\n');
}

const START = (key: string) => `<!-- bench:${key}:start -->`;
const END = (key: string) => `<!-- bench:${key}:end -->`;

/**
 * Replaces the generated block `key` in the document (between its start and end markers), or
 * appends it when the document has none yet. Everything outside the markers is hand-written and
 * kept as it is.
 */
export function writeGeneratedBlock(file: string, key: string, content: string, title: string) {
  const block = `${START(key)}\n\n${content.trim()}\n\n${END(key)}`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# ${title}\n`;
  const start = doc.indexOf(START(key));
  const end = doc.indexOf(END(key));
  if (start >= 0 && end > start) {
    doc = doc.slice(0, start) + block + doc.slice(end + END(key).length);
  } else {
    doc = `${doc.trimEnd()}\n\n${block}\n`;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, doc);
}

/**
 * Formats the document with the workspace's Prettier settings, so `prettier --check` stays green.
 * Prettier runs as its own process: its API loads ES modules, which Jest's runtime does not allow.
 */
export function formatMarkdown(file: string, root: string): void {
  const bin = path.join(root, 'node_modules/prettier/bin/prettier.cjs');
  execFileSync(process.execPath, [bin, '--write', '--log-level', 'warn', file], {
    cwd: root,
    stdio: 'inherit',
  });
}
