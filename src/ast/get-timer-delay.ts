import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getBindingReferences, isWrittenIdentifier } from './get-references.ts';

type Node = any;

/**
 * What can be told about a timer delay without running the code:
 * - `constant`: its value, folded from literals, arithmetic and `const` bindings of the file;
 * - `named`: a configured duration held by a name (`timeoutMs`, `options.timeoutMs`,
 *   `this.timeout`), maybe with a constant fallback (`?? 5000`) or a unit factor (`* 1000`);
 * - `computed`: anything else (`deadline - Date.now()`, `Number(env.TIMEOUT)`, `a?.b`), which can
 *   come out negative, fractional or NaN.
 */
export type TimerDelay =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'named' }
  | { readonly kind: 'computed' };

/** The largest delay Node and browsers keep as given (a signed 32-bit int); above it they fire at once. */
export const MAX_TIMER_DELAY = 2_147_483_647;

/** A whole number of milliseconds from 0 to MAX_TIMER_DELAY: what setTimeout and AbortSignal.timeout treat alike. */
export function isTimerDelayInRange(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_TIMER_DELAY;
}

const COMPUTED: TimerDelay = { kind: 'computed' };
const NAMED: TimerDelay = { kind: 'named' };
/** Bindings followed through at most this many `const a = b` steps. */
const MAX_DEPTH = 8;

/** `path` is the delay expression (the second argument of `setTimeout`). */
export function getTimerDelay(j: JSCodeshift, root: Collection, path: ASTPath): TimerDelay {
  return getDelay({ j, root }, path, 0);
}

interface File {
  readonly j: JSCodeshift;
  readonly root: Collection;
}

function getDelay(file: File, path: ASTPath, depth: number): TimerDelay {
  const node = path.node as Node;
  if (depth > MAX_DEPTH) return COMPUTED;
  switch (node.type) {
    case 'NumericLiteral':
      return { kind: 'constant', value: node.value };
    case 'Literal':
      return typeof node.value === 'number' ? { kind: 'constant', value: node.value } : COMPUTED;
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return getDelay(file, path.get('expression'), depth);
    case 'UnaryExpression': {
      const argument = getDelay(file, path.get('argument'), depth);
      if (argument.kind !== 'constant') return COMPUTED;
      if (node.operator === '-') return { kind: 'constant', value: -argument.value };
      return node.operator === '+' ? argument : COMPUTED;
    }
    case 'BinaryExpression':
      return getBinaryDelay(file, path, depth);
    case 'LogicalExpression': {
      // `options.timeout ?? 5000`: the name, or a fallback that must be in range itself.
      if (node.operator === '&&') return COMPUTED;
      const fallback = getDelay(file, path.get('right'), depth);
      const isFallbackInRange = fallback.kind === 'constant' && isTimerDelayInRange(fallback.value);
      return isFallbackInRange && getDelay(file, path.get('left'), depth).kind === 'named' ? NAMED : COMPUTED;
    }
    case 'Identifier':
      return getBindingDelay(file, path, depth);
    case 'MemberExpression':
      return isNameChain(node) ? NAMED : COMPUTED;
    default:
      return COMPUTED;
  }
}

function getBinaryDelay(file: File, path: ASTPath, depth: number): TimerDelay {
  const node = path.node as Node;
  const left = getDelay(file, path.get('left'), depth);
  const right = getDelay(file, path.get('right'), depth);
  if (left.kind === 'constant' && right.kind === 'constant') {
    const value = fold(node.operator, left.value, right.value);
    return value === undefined ? COMPUTED : { kind: 'constant', value };
  }
  // `timeoutSeconds * 1000`: a unit conversion of a configured duration.
  const isFactor = (delay: TimerDelay) => delay.kind === 'constant' && Number.isInteger(delay.value) && delay.value > 0;
  if (node.operator === '*' && ((left.kind === 'named' && isFactor(right)) || (isFactor(left) && right.kind === 'named'))) return NAMED;
  return COMPUTED;
}

function fold(operator: string, left: number, right: number): number | undefined {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '%':
      return left % right;
    case '**':
      return left ** right;
    default:
      return undefined;
  }
}

/**
 * A parameter or an import holds a configured duration; a `const` (or a `let` never written
 * again) is what its initializer is; `Infinity`, `NaN` and `undefined` are what they say.
 */
function getBindingDelay(file: File, path: ASTPath, depth: number): TimerDelay {
  const name = (path.node as Node).name as string;
  const scope = (path as Node).scope?.lookup(name);
  if (!scope) {
    if (name === 'Infinity') return { kind: 'constant', value: Infinity };
    if (name === 'NaN' || name === 'undefined') return { kind: 'constant', value: Number.NaN };
    return NAMED;
  }
  const bindings: ASTPath[] = scope.getBindings()[name] ?? [];
  if (bindings.length !== 1) return COMPUTED;
  const binding = bindings[0] as ASTPath;
  const parent = binding.parent?.node as Node;
  if (parent?.type === 'ImportSpecifier' || parent?.type === 'ImportDefaultSpecifier') return NAMED;
  const target = getDeclarationTarget(binding);
  const owner = target.parent?.node as Node;
  // `timeoutMs = 2_000`, `{ timeoutMs = 5000 }: Options`: the caller's configuration.
  if (Array.isArray(owner?.params) && owner.params.includes(target.node)) return NAMED;
  if (owner?.type !== 'VariableDeclarator' || owner.id !== target.node || !owner.init) return COMPUTED;
  const kind = (target.parent.parent?.node as Node)?.kind;
  if (kind !== 'const' && getBindingReferences(file.j, file.root, binding, name).some(isWrittenIdentifier)) return COMPUTED;
  // `const { timeoutMs } = options` reads a member, as `options.timeoutMs` does.
  return target === binding ? getDelay(file, target.parent.get('init'), depth + 1) : NAMED;
}

/** The whole parameter or declarator id a binding sits in: `x`, `x = 1`, `{ a: { x } }`. */
function getDeclarationTarget(binding: ASTPath): ASTPath {
  let current = binding;
  for (;;) {
    const parent = current.parent as ASTPath | undefined;
    const node = parent?.node as Node;
    const isPattern =
      node?.type === 'ObjectPattern' ||
      node?.type === 'ArrayPattern' ||
      node?.type === 'RestElement' ||
      (node?.type === 'AssignmentPattern' && node.left === current.node) ||
      ((node?.type === 'ObjectProperty' || node?.type === 'Property') && node.value === current.node);
    if (!parent || !isPattern) return current;
    current = parent;
  }
}

/** `options.timeoutMs`, `this.config.timeout`, `Config.TIMEOUT`: names all the way down. */
function isNameChain(node: Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && isNameChain(node.object);
}
