import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

export const meta: TransformMeta = {
  name: 'timeout-option',
  description: "Give http/https requests with a timeout option an AbortSignal.timeout, and make axios/got/ky/node-fetch calls with a timeout honour the signal in scope",
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
