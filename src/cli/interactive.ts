/**
 * `--interactive`: hunk-by-hunk review in the terminal, like `git add -p`. Each changed file is
 * split into unified-diff hunks; the answers read line by line from stdin decide which are
 * written. Works with a pipe (`printf 'y\nn\n' | ctxmod migrate -i`); the end of input means quit.
 */
import { createInterface } from 'node:readline';
import { applyPatch, structuredPatch, type StructuredPatch } from 'diff';
import { createColors } from 'picocolors';
import type { ReviewFile } from '../engine/run.ts';
import { colorizeDiff } from '../report/diff.ts';

export interface ReviewerIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: { write(text: string): unknown };
  readonly color: boolean;
  /** Ctrl-C: a pending question is answered `q`, so the run can stop. */
  readonly signal?: AbortSignal;
}

export interface Reviewer {
  review(file: ReviewFile): Promise<string | undefined>;
  /** Stops reading `input`, and closes it. */
  close(): void;
}

const HELP = [
  'y - apply this hunk',
  'n - do not apply this hunk',
  'a - apply this hunk and all later hunks in the file',
  'd - do not apply this hunk or any later hunk in the file',
  'q - quit; do not apply this hunk or any other remaining one (accepted hunks are written)',
  '? - print help',
].join('\n');

type Answer = 'y' | 'n' | 'a' | 'd' | 'q';

/** Edits close enough to share context lines form one hunk: a hunk is the unit of review. */
const CONTEXT_LINES = 3;

export function createReviewer(io: ReviewerIo): Reviewer {
  const c = createColors(io.color);
  const readline = createInterface({ input: io.input, crlfDelay: Infinity, terminal: false });
  const lines = readline[Symbol.asyncIterator]();
  const aborted = new Promise<IteratorResult<string>>((resolve) => {
    if (io.signal?.aborted) resolve({ done: true, value: undefined });
    io.signal?.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  let quit = false;

  /** The next answer; the end of input counts as `q`. Anything else prints the help again. */
  const ask = async (prompt: string): Promise<Answer> => {
    for (;;) {
      io.output.write(prompt);
      const next = await Promise.race([lines.next(), aborted]);
      if (next.done) {
        io.output.write('\n');
        return 'q';
      }
      const answer = String(next.value).trim().toLowerCase();
      if (answer === 'y' || answer === 'n' || answer === 'a' || answer === 'd' || answer === 'q') return answer;
      io.output.write(answer === '?' ? `${HELP}\n` : `${c.red(`unknown answer ${JSON.stringify(answer)}`)}\n${HELP}\n`);
    }
  };

  return {
    async review(file) {
      if (quit) return undefined;
      const patch = structuredPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, '', '', { context: CONTEXT_LINES });
      const accepted: StructuredPatch['hunks'] = [];
      let rest: 'y' | 'n' | undefined;
      io.output.write(colorizeDiff(`--- a/${file.path}\n+++ b/${file.path}\n`, io.color));
      for (const [index, hunk] of patch.hunks.entries()) {
        let answer: Answer = rest ?? 'n';
        if (rest === undefined) {
          io.output.write(`${colorizeDiff(formatHunk(hunk), io.color)}\n`);
          for (const note of getHunkNotes(hunk, file.findings)) io.output.write(`${c.dim(note)}\n`);
          answer = await ask(c.blue(`(${index + 1}/${patch.hunks.length}) Apply this hunk to ${file.path} [y,n,a,d,q,?]? `));
        }
        if (answer === 'q') {
          quit = true;
          break;
        }
        if (answer === 'a') rest = 'y';
        if (answer === 'd') rest = 'n';
        if (answer === 'y' || answer === 'a') accepted.push(hunk);
      }
      if (accepted.length === 0) return undefined;
      if (accepted.length === patch.hunks.length) return file.after;
      const hunks = withNeededImports(patch.hunks, accepted);
      if (hunks.length > accepted.length) io.output.write(`${c.dim('(the imports the accepted hunks use are added too)')}\n`);
      const text = applyPatch(file.before, { ...patch, hunks });
      // Hunks of one diff applied to the text they came from cannot conflict; be safe anyway.
      return text === false ? undefined : text;
    },
    close() {
      readline.close();
      // A pipe or terminal still open would keep the process alive after the run (e.g. after
      // Ctrl-C at a question); nothing else reads it.
      (io.input as { destroy?: () => void }).destroy?.();
    },
  };
}

type Hunk = StructuredPatch['hunks'][number];

/** What the transforms say about the edits in a hunk's lines, so the reviewer knows why. */
function getHunkNotes(hunk: Hunk, findings: ReviewFile['findings']): string[] {
  const last = hunk.oldStart + Math.max(hunk.oldLines, 1) - 1;
  return findings
    .filter((finding) => finding.kind === 'edit' && finding.line >= hunk.oldStart && finding.line <= last)
    .map((finding) => `# ${finding.line}:${finding.column} [${finding.transform}] ${finding.message}`);
}

/**
 * Transforms add an import (`import { setTimeout as sleep } ...`) in the same change as the code
 * that uses it, often in another hunk. An accepted hunk must not lose its import because the
 * hunk holding it was declined: each declined hunk that adds an import of a name the accepted
 * lines use is applied with its import lines only. Returns the hunks to apply, in order.
 */
export function withNeededImports(all: readonly Hunk[], accepted: readonly Hunk[]): Hunk[] {
  const used = accepted
    .flatMap((hunk) => hunk.lines)
    .filter((line) => line.startsWith('+') && !isImportLine(line.slice(1)))
    .join('\n');
  const isUsed = (name: string) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(used);
  return all.flatMap((hunk) => {
    if (accepted.includes(hunk)) return [hunk];
    const imports = hunk.lines.filter((line) => line.startsWith('+') && isImportLine(line.slice(1)));
    if (!imports.some((line) => getImportedNames(line.slice(1)).some(isUsed))) return [];
    return [getImportsOnly(hunk)];
  });
}

const IMPORT_LINE = /^\s*(import\s.*\sfrom\s|(const|let|var)\s.*=\s*require\()/;
const isImportLine = (line: string) => IMPORT_LINE.test(line);

/** Local names an import or require line binds (`{ a as b }` and `{ a: b }` bind `b`). */
function getImportedNames(line: string): string[] {
  const clause = /^\s*import\s+(?:type\s+)?(.*?)\s+from\s/.exec(line)?.[1] ?? /^\s*(?:const|let|var)\s+(.*?)\s*=\s*require\(/.exec(line)?.[1] ?? '';
  return clause
    .replace(/[{}]/g, ',')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+|\s*:\s*/).at(-1)?.replace(/^type\s+/, '').trim() ?? '')
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/**
 * The hunk with only its import changes: other added lines dropped, other removed lines kept.
 * The blank line an added import brings after it stays with it.
 */
function getImportsOnly(hunk: Hunk): Hunk {
  const lines: string[] = [];
  let dropped = false;
  for (const line of hunk.lines) {
    // "\ No newline at end of file" belongs to the line before it.
    if (line.startsWith('\\')) {
      if (!dropped) lines.push(line);
      continue;
    }
    const previous = lines.at(-1);
    const followsAddedImport = previous !== undefined && previous.startsWith('+') && isImportLine(previous.slice(1));
    dropped = line.startsWith('+') && !isImportLine(line.slice(1)) && !(line.slice(1).trim() === '' && followsAddedImport);
    if (dropped) continue;
    lines.push(line.startsWith('-') && !isImportLine(line.slice(1)) ? ` ${line.slice(1)}` : line);
  }
  const count = (prefixes: string) => lines.filter((line) => prefixes.includes(line[0] ?? '')).length;
  return { ...hunk, lines, oldLines: count(' -'), newLines: count(' +') };
}

function formatHunk(hunk: StructuredPatch['hunks'][number]): string {
  const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  return [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines].join('\n');
}

export { HELP as INTERACTIVE_HELP };
