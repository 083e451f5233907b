import { parse } from '@babel/parser';

type Node = any;

/** A value of the config that is not a literal: fine for an option ctxmod does not read (a plugin), not for one it does. */
export const NOT_LITERAL = Symbol('not a literal');

/**
 * The object a JavaScript or TypeScript config file exports, read without running the file:
 * `export default {...}`, `module.exports = {...}`, or either of a `const` declared as one, with
 * `satisfies`/`as` casts. Values that are not literals (a `require()` of a plugin) read as
 * NOT_LITERAL. Throws when there is no such object or it is built at run time (a spread, a call).
 */
export function readConfigObject(text: string, name: string): Record<string, unknown> {
  const typescript = /\.[cm]?ts$/.test(name);
  const program = parse(text, { sourceType: 'unambiguous', plugins: typescript ? ['typescript'] : [] }).program;
  const constants = new Map<string, Node>();
  let exported: Node;
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration' && statement.kind === 'const') {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init) constants.set(declarator.id.name, declarator.init);
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') exported = statement.declaration;
    const expression = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (expression?.type === 'AssignmentExpression' && isModuleExports(expression.left)) exported = expression.right;
  }
  let node = unwrap(exported);
  if (node?.type === 'Identifier') node = unwrap(constants.get(node.name));
  if (node?.type !== 'ObjectExpression') throw new ConfigNotLiteralError();
  return evaluateObject(node);
}

export class ConfigNotLiteralError extends Error {
  constructor() {
    super('a config that is not one object literal: ctxmod would have to run it');
  }
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

function unwrap(node: Node): Node {
  while (node && (node.type === 'TSSatisfiesExpression' || node.type === 'TSAsExpression' || node.type === 'ParenthesizedExpression')) node = node.expression;
  return node;
}

function evaluateObject(node: Node): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) throw new ConfigNotLiteralError();
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
    if (key === undefined) throw new ConfigNotLiteralError();
    result[key] = evaluate(unwrap(property.value));
  }
  return result;
}

function evaluate(node: Node): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? node.quasis[0].value.cooked : NOT_LITERAL;
    case 'ArrayExpression':
      return node.elements.map((element: Node) => (element && element.type !== 'SpreadElement' ? evaluate(unwrap(element)) : NOT_LITERAL));
    case 'ObjectExpression':
      return node.properties.every((property: Node) => property.type === 'ObjectProperty' && !property.computed) ? evaluateObject(node) : NOT_LITERAL;
    default:
      return NOT_LITERAL;
  }
}
