type Node = any;

/**
 * Names a declaration or assignment target binds: `x`, `{ a, b: [c] }`, `...rest`, `x = 1`; an
 * object pattern's property (`b: [c]`) binds what its value binds. Works on Babel and ESTree
 * trees alike (`ObjectProperty` / `Property`).
 */
export function getPatternNames(node: Node): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ObjectPattern':
      return node.properties.flatMap(getPatternNames);
    case 'ArrayPattern':
      return node.elements.flatMap(getPatternNames);
    case 'ObjectProperty':
    case 'Property':
      return getPatternNames(node.value);
    case 'RestElement':
      return getPatternNames(node.argument);
    case 'AssignmentPattern':
      return getPatternNames(node.left);
    default:
      return [];
  }
}
