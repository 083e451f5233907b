import { ts } from 'ts-morph';

/**
 * Lib types whose objects carry a signal: a project function with a parameter of one of them
 * (`fetchWithTimeout(url, init: RequestInit, ms)`) is a sink its callers can give a signal to.
 */
export const LIB_SIGNAL_CARRIERS: readonly string[] = ['RequestInit', 'Abortable'];

/**
 * Whether the project function `fn` may let the `property` (signal) of its parameter at `index` go
 * anywhere: a property of it read (`init.signal`; or `init.headers`, since the pass gives a sink
 * in the function `init.signal`), the signal destructured, the object passed on whole or spread
 * into an object that does not set its own. A wrapper that replaces it
 * (`fetch(url, { ...init, signal: controller.signal })`) would take a caller's signal and drop it.
 */
export function readsCarriedSignal(checker: ts.TypeChecker, fn: ts.SignatureDeclaration, index: number, property: string): boolean {
  const param = fn.parameters[index];
  if (!param) return false;
  if (ts.isObjectBindingPattern(param.name)) return bindsProperty(param.name, property);
  if (!ts.isIdentifier(param.name) || !('body' in fn) || !fn.body) return false;
  const symbol = checker.getSymbolAtLocation(param.name);
  let reads = false;
  const visit = (node: ts.Node): void => {
    if (reads) return;
    if (ts.isIdentifier(node) && node !== param.name && checker.getSymbolAtLocation(node) === symbol && isSignalUse(node, property)) {
      reads = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body as ts.Node);
  return reads;
}

function isSignalUse(reference: ts.Identifier, property: string): boolean {
  const parent = reference.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === reference) return true;
  if (ts.isVariableDeclaration(parent) && parent.initializer === reference) {
    return ts.isObjectBindingPattern(parent.name) ? bindsProperty(parent.name, property) : true;
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.arguments?.includes(reference) ?? false;
  if (ts.isSpreadAssignment(parent)) {
    const literal = parent.parent;
    const after = literal.properties.slice(literal.properties.indexOf(parent) + 1);
    return !after.some((p) => p.name !== undefined && p.name.getText() === property);
  }
  // Returned, stored or assigned: where it goes is not followed, so its signal may be read there.
  return ts.isReturnStatement(parent) || ts.isBinaryExpression(parent) || ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent);
}

/** `{ signal }`, `{ signal: s }` or `{ ...rest }` (the rest holds it). */
function bindsProperty(pattern: ts.ObjectBindingPattern, property: string): boolean {
  return pattern.elements.some((element) => element.dotDotDotToken !== undefined || (element.propertyName ?? element.name).getText() === property);
}
