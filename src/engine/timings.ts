/**
 * Where a run's time goes, phase by phase (`--timings`). The per-file phases (parse to write) are
 * summed over files, across worker threads: with several threads their total exceeds the wall
 * time. discover, read+prefilter, prescan, types (the type checker's signal facts), thread and
 * verify (the --verify type check, with the writes it lets through) are wall times of the run
 * itself.
 */
export const PHASES = ['discover', 'read+prefilter', 'prescan', 'types', 'parse', 'index', 'transforms', 'print', 'write', 'thread', 'verify'] as const;

export type Phase = (typeof PHASES)[number];

/** Milliseconds per phase; a phase that did not run is absent. */
export type PhaseTimings = Partial<Record<Phase, number>>;

/** Per transform: files its prefilter let through, and files it edited. */
export interface TransformCounts {
  readonly candidates: number;
  readonly edited: number;
}

export interface RunTimings {
  readonly phases: PhaseTimings;
  readonly transforms: Readonly<Record<string, TransformCounts>>;
}

/** `into` plus `ms` for `phase` (in place). */
export function addTime(into: PhaseTimings, phase: Phase, ms: number): void {
  into[phase] = (into[phase] ?? 0) + ms;
}

/** Every phase of `from` added to `into` (in place). */
export function addTimings(into: PhaseTimings, from: PhaseTimings | undefined): void {
  for (const phase of PHASES) if (from?.[phase] !== undefined) addTime(into, phase, from[phase]);
}

/** Runs `fn`, adds its time to `phase`. */
export function timed<T>(into: PhaseTimings, phase: Phase, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    addTime(into, phase, performance.now() - started);
  }
}

/** Whole milliseconds, in phase order. */
export function roundTimings(timings: PhaseTimings): PhaseTimings {
  const rounded: PhaseTimings = {};
  for (const phase of PHASES) if (timings[phase] !== undefined) rounded[phase] = Math.round(timings[phase]);
  return rounded;
}

/** The `--timings` text for stderr: one line per phase, then one per transform. */
export function formatTimings(timings: RunTimings): string {
  const phases = PHASES.filter((phase) => timings.phases[phase] !== undefined);
  const width = Math.max(...phases.map((phase) => phase.length), 0);
  const lines = ['timings (per-file phases summed over files and threads):'];
  for (const phase of phases) lines.push(`  ${phase.padEnd(width)}  ${String(Math.round(timings.phases[phase] ?? 0)).padStart(7)} ms`);
  const names = Object.keys(timings.transforms);
  if (names.length > 0) {
    const nameWidth = Math.max(...names.map((name) => name.length));
    lines.push('prefilter (candidate files / files with an edit):');
    for (const name of names) {
      const { candidates, edited } = timings.transforms[name] as TransformCounts;
      lines.push(`  ${name.padEnd(nameWidth)}  ${String(candidates).padStart(6)} / ${edited}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
