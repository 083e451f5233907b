import { ts } from 'ts-morph';
import type { ContextType } from './context-type.ts';
import { getFirstImportPosition, isJs } from './syntax.ts';
import type { TextEdit } from './text-edits.ts';

/**
 * The text edits of the pass's signature and call changes, laid out like the code around them
 * (one line or one member a line, quotes, semicolons, line endings).
 */
export class EditBuilder {
  /** Edits that add a required parameter, by function: made optional again if a caller's signal may be undefined. */
  private readonly requiredEdits = new Map<ts.SignatureDeclaration, TextEdit>();

  constructor(
    private readonly addEdit: (node: ts.Node, edit: TextEdit, replaces?: TextEdit) => void,
    private readonly paramName: string,
    private readonly context: ContextType | undefined,
    exactOptional: boolean,
  ) {
    // With exactOptionalPropertyTypes, `signal?: AbortSignal` takes no `options?.signal` that may be undefined.
    this.signalMember = exactOptional ? 'signal?: AbortSignal | undefined' : 'signal?: AbortSignal';
  }

  /** The member an options type gets: `signal?: AbortSignal`. */
  readonly signalMember: string;

  /** Adds `signal?: AbortSignal` (`signalMember`) to an options type, in its layout (one line or one member a line). */
  addBagMember(container: ts.TypeLiteralNode | ts.InterfaceDeclaration): void {
    const file = container.getSourceFile();
    const members = container.members;
    const member = this.signalMember;
    const last = members[members.length - 1];
    const first = members[0];
    if (!last || !first) {
      this.addEdit(container, { start: members.pos, end: members.end, text: ` ${member} ` });
      return;
    }
    const lastText = last.getText(file);
    const separator = /[;,]$/.test(lastText) ? '' : ';';
    if (file.text.slice(members.pos, first.getStart(file)).includes('\n')) {
      const { indent, eol } = getLineLayout(file, last.getStart(file));
      this.addEdit(container, { start: last.end, end: last.end, text: `${separator}${eol}${indent}${member};` });
    } else {
      this.addEdit(container, { start: last.end, end: last.end, text: `${separator} ${member}${separator ? '' : ';'}` });
    }
  }

  /** Appends the new parameter (`signal?: AbortSignal`, or `parameter`; `signal` in JS); `x => ...` gets parentheses. */
  addParameter(fn: ts.SignatureDeclaration, parameter?: string, required = false): void {
    const file = fn.getSourceFile();
    const typed = !isJs(fn);
    const text = parameter ?? (typed ? `${this.paramName}${required ? '' : '?'}: AbortSignal` : this.paramName);
    const last = fn.parameters[fn.parameters.length - 1];
    let edit: TextEdit;
    if (last) {
      if (ts.isArrowFunction(fn) && !file.text.slice(fn.getStart(file), last.getStart(file)).includes('(')) {
        // `x => ...`: needs parentheses now.
        this.addEdit(fn, { start: last.getStart(file), end: last.getStart(file), text: '(' });
        edit = { start: last.end, end: last.end, text: `, ${text})` };
      } else {
        edit = appendToList(file, fn.parameters, text);
      }
    } else {
      edit = { start: fn.parameters.pos, end: fn.parameters.pos, text };
    }
    this.addEdit(fn, edit);
    if (required && typed && parameter === undefined) this.requiredEdits.set(fn, edit);
  }

  /** The ctx carrier: `ctx: Context` in front of the parameters (after a `this` parameter). */
  addFirstParameter(fn: ts.SignatureDeclaration): void {
    const file = fn.getSourceFile();
    const text = isJs(fn) ? this.paramName : `${this.paramName}: ${this.context!.name}`;
    const [first] = fn.parameters;
    if (first && ts.isIdentifier(first.name) && first.name.text === 'this') {
      this.addEdit(fn, { start: first.end, end: first.end, text: `, ${text}` });
      return;
    }
    if (!first) {
      this.addEdit(fn, { start: fn.parameters.pos, end: fn.parameters.pos, text });
      return;
    }
    const start = first.getStart(file);
    if (ts.isArrowFunction(fn) && !file.text.slice(fn.getStart(file), start).includes('(')) {
      this.addEdit(fn, { start, end: start, text: `(${text}, ` });
      this.addEdit(fn, { start: first.end, end: first.end, text: ')' });
    } else {
      this.addEdit(fn, { start, end: start, text: `${text}, ` });
    }
  }

  /**
   * `import type { Context } from '...'` after the file's last import. Each change set that needs
   * it plans it: identical edits count once (applyTextEdits), so the file gets one import whichever
   * of those sets are written.
   */
  addContextImport(file: ts.SourceFile, specifier: string): void {
    const imports = file.statements.filter(ts.isImportDeclaration);
    const last = imports[imports.length - 1];
    const quote = last && file.text[last.moduleSpecifier.getStart(file)] === '"' ? '"' : "'";
    const semicolon = !last || last.getText(file).endsWith(';') ? ';' : '';
    const { eol } = getLineLayout(file, 0);
    const text = `import type { ${this.context!.name} } from ${quote}${specifier}${quote}${semicolon}`;
    if (last) {
      this.addEdit(file, { start: last.end, end: last.end, text: `${eol}${text}` });
    } else {
      const at = getFirstImportPosition(file);
      this.addEdit(file, { start: at.pos, end: at.pos, text: at.afterDirective ? `${eol}${text}` : `${text}${eol}${eol}` });
    }
  }

  /** Passes `expression` as the signal argument at `index` (after `undefined` for skipped ones). */
  addArgument(call: ts.CallLikeExpression, index: number, text: string): boolean {
    if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return false;
    const args = call.arguments ?? ts.factory.createNodeArray();
    if (!call.arguments || args.some((arg) => ts.isSpreadElement(arg))) return false;
    const fill = Array.from({ length: Math.max(0, index - args.length) }, () => 'undefined');
    const joined = [...fill, text].join(', ');
    this.addEdit(call, args.length > 0 ? appendToList(call.getSourceFile(), args, joined) : { start: args.pos, end: args.pos, text: joined });
    return true;
  }

  /** Turns the required parameter `addParameter` gave `fn` into an optional one. */
  makeOptional(fn: ts.SignatureDeclaration): void {
    const edit = this.requiredEdits.get(fn);
    if (edit) this.addEdit(fn, { ...edit, text: edit.text.replace(`${this.paramName}: AbortSignal`, `${this.paramName}?: AbortSignal`) }, edit);
  }
}

/**
 * Appends `text` to a non-empty list (parameters, arguments, object properties) in its layout: on
 * the same line after `, `, or, when the list has one item a line, on a line of its own with the
 * last item's indentation (after its trailing comma, keeping one).
 */
export function appendToList(file: ts.SourceFile, list: ts.NodeArray<ts.Node>, text: string): TextEdit {
  const last = list[list.length - 1]!;
  const first = list[0]!;
  const lastStart = last.getStart(file);
  const multiline = list.length > 1 ? file.text.slice(list[list.length - 2]!.end, lastStart).includes('\n') : file.text.slice(list.pos, first.getStart(file)).includes('\n');
  if (!multiline) return { start: last.end, end: last.end, text: `, ${text}` };
  const { indent, eol } = getLineLayout(file, lastStart);
  if (!list.hasTrailingComma) return { start: last.end, end: last.end, text: `,${eol}${indent}${text}` };
  const comma = file.text.indexOf(',', last.end) + 1;
  return { start: comma, end: comma, text: `${eol}${indent}${text},` };
}

/**
 * The layout of the line `pos` is on: where it starts, its indentation up to `pos` (`pos` being
 * the first token of the line), and the file's line ending.
 */
export function getLineLayout(file: ts.SourceFile, pos: number): { lineStart: number; indent: string; eol: string } {
  const lineStart = file.text.lastIndexOf('\n', pos - 1) + 1;
  return { lineStart, indent: file.text.slice(lineStart, pos), eol: file.text.includes('\r\n') ? '\r\n' : '\n' };
}
