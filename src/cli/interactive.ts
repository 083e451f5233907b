/**
 * `--interactive`: hunk-by-hunk review in the terminal, like `git add -p`. Each changed file is
 * split into unified-diff hunks; the answers read line by line from stdin decide which are
 * written. Works with a pipe (`printf 'y\nn\n' | ctxmod migrate -i`); the end of input means quit.
 */
import { createInterface } from 'node:readline';
import { applyPatch, structuredPatch, type StructuredPatch } from 'diff';
import { createColors } from 'picocolors';
import type { ReviewFile } from '../engine/run.ts';
import { withNeededImports } from '../engine/review.ts';
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
          for (const note of [...getHunkNotes(hunk, file.findings), ...getChangeSetNotes(hunk, file.changeSets ?? [])]) io.output.write(`${c.dim(note)}\n`);
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
 * The thread-signal change sets with a line in the hunk: declining the hunk declines each of them
 * in every file (see `keepChangeSetsWhole`), which the reviewer must know before answering.
 */
function getChangeSetNotes(hunk: Hunk, sets: NonNullable<ReviewFile['changeSets']>): string[] {
  const last = hunk.oldStart + Math.max(hunk.oldLines, 1) - 1;
  return sets
    .filter((set) => set.lines.some((line) => line >= hunk.oldStart - 1 && line <= last))
    .map((set) => `# change set ${set.label} (${set.files.join(', ')}): written whole or not at all; declining one of its hunks declines all of them`);
}

function formatHunk(hunk: StructuredPatch['hunks'][number]): string {
  const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  return [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines].join('\n');
}

export { HELP as INTERACTIVE_HELP };
