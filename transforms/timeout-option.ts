import type { ASTPath } from 'jscodeshift';
import { buildObjectWithProperty } from '../src/ast/add-object-property.ts';
import { buildTimeoutSignalText } from '../src/ast/build-timeout-signal.ts';
import { getResultNames } from '../src/ast/get-abort-handled-resource.ts';
import { getForwardingObstacle } from '../src/ast/get-forwarding-obstacle.ts';
import { getNodeText } from '../src/ast/get-node-text.ts';
import { getSinkSignalText } from '../src/ast/get-sink-signal-text.ts';
import { parseExpression } from '../src/ast/parse-snippet.ts';
import { replaceNode } from '../src/ast/replace-node.ts';
import { getCatalogMatcher } from '../src/catalog/get-catalog-matcher.ts';
import { normalizeModule, type CallMatch } from '../src/catalog/match.ts';
import { getProperty, getSignalArgument } from '../src/catalog/signal-argument.ts';
import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import { getSignalInScope, type SignalInScope } from '../src/scope/get-signal-in-scope.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

type Node = any;

export const meta: TransformMeta = {
  name: 'timeout-option',
  description:
    'Give http/https requests with a timeout option an AbortSignal.timeout, and make axios/got/ky/node-fetch calls with a timeout honour the signal in scope',
  // The calls it knows come from these modules, which the file must import.
  mayApply: (source) => source.includes('timeout') && /\b(https?|axios|got|ky|node-fetch)\b/.test(source),
  rule: 'http-timeout-event',
  behaviourChange: 'the request fails after the timeout even while data keeps flowing, with an AbortError',
};

const RULES = { http: 'http-timeout-event', client: 'client-timeout-ignores-signal' } as const;

/** Clients whose `timeout` option works next to a `signal`: both are honoured, see docs/timeout-option.md. */
const CLIENTS = new Set(['axios', 'got', 'ky', 'node-fetch']);
const HTTP_MODULES = new Set(['http', 'https']);

const MESSAGES = {
  httpSignal: (callee: string, text: string) => `${callee}(): \`timeout\` only emits 'timeout'; now also aborts with \`signal: ${text}\``,
  clientSignal: (callee: string, signal: string) => `${callee}(): passes ${signal} next to the \`timeout\` option`,
  unsupported: (callee: string, reason: string) => `${callee}(): \`timeout\` only emits 'timeout' and aborts nothing, but ${reason}; abort the request by hand`,
  complexTimeout: (callee: string, text: string) =>
    `${callee}(): \`timeout\` only emits 'timeout' and aborts nothing; \`${text}\` would be evaluated twice in \`AbortSignal.timeout(...)\`: move it to a variable first`,
  gotNumber: (callee: string, signal: string) =>
    `${callee}(): a number \`timeout\` is got 11 or older, which has no \`signal\` option; upgrade to got 12 (\`timeout: { request: ms }\`) to pass ${signal}`,
  optionsUnsure: (callee: string, reason: string) => `${callee}(): has a \`timeout\` but ${reason}; add the signal by hand`,
  kept: (callee: string, signal: string, reason: string) => `${callee}(): has a \`timeout\`, but ${signal} is not passed: ${reason}`,
} as const;

/** What one call with a `timeout` option needs. */
type TimeoutSite =
  /** The options object has `timeout` and no `signal`: add one. */
  | { readonly kind: 'add'; readonly object: Node; readonly timeout: Node }
  /** `signal: <the signal in scope>` is there already (forward-signal put it): combine it with the timeout. */
  | { readonly kind: 'combine'; readonly property: Node; readonly timeout: Node }
  | { readonly kind: 'none' }
  | { readonly kind: 'unsure'; readonly reason: string };

export function transform(ctx: TransformContext): void {
  const matcher = getCatalogMatcher(ctx);
  ctx.index.find(ctx.j.CallExpression).forEach((path) => {
    const match = matcher.getMatch(path);
    if (!match) return;
    const module = normalizeModule(match.entry.module);
    if (HTTP_MODULES.has(module)) migrateHttp(ctx, path, match);
    else if (CLIENTS.has(module)) migrateClient(ctx, path, match, module);
  });
}

export default createJscodeshiftTransform({ meta, transform });

/**
 * `http.request(url, { timeout: ms })`: the option sets the socket idle timeout and emits
 * 'timeout', which aborts nothing unless a listener destroys the request. A signal that aborts
 * after `ms` (or when the caller's signal does) makes it a real deadline. The `timeout` key
 * stays: 'timeout' listeners keep working and an idle socket is still noticed early.
 */
function migrateHttp(ctx: TransformContext, path: ASTPath, match: CallMatch): void {
  const signal = getSignalInScope(ctx.j, ctx.root, path);
  const site = getTimeoutSite(ctx, path, match, signal);
  if (site.kind === 'none') return;
  if (site.kind === 'unsure') return ctx.manual(path, MESSAGES.optionsUnsure(match.callee, site.reason), RULES.http);
  // A signal passed already (`combine`) was someone's choice; only a new one may break a contract.
  const obstacle = site.kind === 'add' && signal ? getForwardingObstacle(path, signal, getResultNames(path)) : undefined;
  if (signal && obstacle?.kind === 'obstacle') return (obstacle.handled ? ctx.handled : ctx.manual)(path, MESSAGES.kept(match.callee, signal.expression, obstacle.reason), RULES.http);
  const ms = getNodeText(site.timeout.value);
  if (ms === undefined || !isSafeToRepeat(site.timeout.value)) {
    return ctx.manual(path, MESSAGES.complexTimeout(match.callee, getNodeText(site.timeout.value) ?? 'timeout'), RULES.http);
  }
  const text = buildTimeoutSignalText(path, ctx.options, ms, signal);
  if (text.kind === 'unsupported') return ctx.manual(path, MESSAGES.unsupported(match.callee, text.reason), RULES.http);
  if (site.kind === 'combine') {
    site.property.value = parseExpression(ctx.j, text.text);
    site.property.shorthand = false;
  } else {
    const object = buildObjectWithProperty(site.object, `signal: ${text.text}`);
    if (object === undefined) return ctx.manual(path, MESSAGES.optionsUnsure(match.callee, 'the options object was already rewritten'), RULES.http);
    replaceNode((path.node as Node).arguments, site.object, parseExpression(ctx.j, object));
  }
  ctx.edit(path, MESSAGES.httpSignal(match.callee, text.text), RULES.http);
}

/**
 * axios, got, ky and node-fetch honour `timeout` and `signal` together, each in its own way (see
 * docs/timeout-option.md): the caller's signal is added next to the timeout, which keeps its
 * library-specific meaning. Without a signal in scope there is nothing to honour.
 */
function migrateClient(ctx: TransformContext, path: ASTPath, match: CallMatch, module: string): void {
  const signal = getSignalInScope(ctx.j, ctx.root, path);
  if (!signal) return;
  const site = getTimeoutSite(ctx, path, match, signal);
  if (site.kind === 'none' || site.kind === 'combine') return;
  if (site.kind === 'unsure') return ctx.manual(path, MESSAGES.optionsUnsure(match.callee, site.reason), RULES.client);
  const obstacle = getForwardingObstacle(path, signal, getResultNames(path));
  if (obstacle.kind === 'obstacle') return (obstacle.handled ? ctx.handled : ctx.manual)(path, MESSAGES.kept(match.callee, signal.expression, obstacle.reason), RULES.client);
  if (module === 'got' && isNumber(site.timeout.value)) return ctx.manual(path, MESSAGES.gotNumber(match.callee, signal.expression), RULES.client);
  const value = getSinkSignalText(ctx.j, ctx.root, signal, match.entry.signal.acceptsNull === true);
  const property = value === 'signal' ? 'signal' : `signal: ${value}`;
  const object = buildObjectWithProperty(site.object, property);
  if (object === undefined) return ctx.manual(path, MESSAGES.optionsUnsure(match.callee, 'the options object was already rewritten'), RULES.client);
  replaceNode((path.node as Node).arguments, site.object, parseExpression(ctx.j, object));
  ctx.edit(path, MESSAGES.clientSignal(match.callee, signal.expression), RULES.client);
}

/** The call's options object literal with a `timeout`, and what its `signal` slot holds. */
function getTimeoutSite(ctx: TransformContext, path: ASTPath, match: CallMatch, signal: SignalInScope | undefined): TimeoutSite {
  const slot = match.entry.signal;
  const argument = getSignalArgument(path, slot);
  const args = (path.node as Node).arguments as Node[];
  if (argument.kind === 'add-property') {
    const timeout = getTimeout(argument.object);
    return timeout ? { kind: 'add', object: argument.object, timeout } : { kind: 'none' };
  }
  if (argument.kind === 'passed') {
    // Only a signal that is exactly the one in scope (or its `?? undefined` for a null one, as
    // forward-signal writes it): any other was chosen on purpose.
    const inScope = signal && [signal.expression, getSinkSignalText(ctx.j, ctx.root, signal, false)];
    for (const object of args.filter((arg) => arg.type === 'ObjectExpression')) {
      const timeout = getTimeout(object);
      const property = getProperty(object, slot.property);
      if (!timeout || !property || !inScope) continue;
      if (inScope.includes(getNodeText(property.value) as string)) return { kind: 'combine', property, timeout };
    }
    return { kind: 'none' };
  }
  if (argument.kind === 'unsure' && args.some((arg) => arg.type === 'ObjectExpression' && getTimeout(arg))) {
    return { kind: 'unsure', reason: argument.reason };
  }
  return { kind: 'none' };
}

/** A `timeout` property that sets one: not `timeout: 0`, `undefined` or `false` (disabled). */
function getTimeout(object: Node): Node | undefined {
  const property = getProperty(object, 'timeout');
  if (!property || property.type === 'ObjectMethod' || !property.value) return undefined;
  const value = property.value;
  if (isNumber(value) && value.value === 0) return undefined;
  if ((value.type === 'Identifier' && value.name === 'undefined') || (value.type === 'BooleanLiteral' || (value.type === 'Literal' && typeof value.value === 'boolean'))) return undefined;
  return property;
}

function isNumber(node: Node): boolean {
  return node.type === 'NumericLiteral' || (node.type === 'Literal' && typeof node.value === 'number');
}

/** A value that reads the same when evaluated twice: a number, a name, `a.b.c`, `this.x`. */
function isSafeToRepeat(node: Node): boolean {
  if (isNumber(node) || node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if (node.type === 'MemberExpression' && !node.computed) return isSafeToRepeat(node.object);
  if (node.type === 'BinaryExpression' && ['*', '+', '-', '/'].includes(node.operator)) return isSafeToRepeat(node.left) && isSafeToRepeat(node.right);
  return false;
}
