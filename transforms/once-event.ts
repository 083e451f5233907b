import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

export const meta: TransformMeta = {
  name: 'once-event',
  description: "Turn new Promise wrappers around emitter.once(...) into events.once(emitter, name, { signal })",
  // Cheap text test: files for which this returns false are never parsed.
  mayApply: (source) => source.includes('TODO'),
};

const MESSAGES = {
  edit: 'TODO: what was changed',
} as const;

export function transform(ctx: TransformContext): void {
  // Find sites with ctx.root.find(...), edit them in place, and record each with
  // ctx.edit(path, MESSAGES.edit) or, when unsure, ctx.manual(path, reason) without editing.
  void ctx;
  void MESSAGES;
}

export default createJscodeshiftTransform({ meta, transform });
