import { ts } from 'ts-morph';

/**
 * The signature a call resolves to, as far as its parameters go, read from the callee's type when
 * that type has one signature whose parameter types name none of its type parameters
 * (`post<Rsp>(path: string, opts?: RequestOptions)`): then overload resolution can pick no other,
 * and inference changes no parameter type, so its parameters are those of the signature
 * `getResolvedSignature` returns, got without checking the arguments (their contextual types are
 * most of what resolving costs on an SDK's calls). Any other callee (overloads, generic
 * parameters, unions, `any`) is resolved in full.
 */
export function getCallSignature(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): ts.Signature | undefined {
  return getSoleSignature(checker, call) ?? checker.getResolvedSignature(call);
}

function getSoleSignature(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): ts.Signature | undefined {
  // super(...) and import(...) resolve by other rules.
  if (call.expression.kind === ts.SyntaxKind.SuperKeyword || call.expression.kind === ts.SyntaxKind.ImportKeyword) return undefined;
  // Type arguments written at the call instantiate the signature.
  if (call.typeArguments && call.typeArguments.length > 0) return undefined;
  const type = checker.getTypeAtLocation(call.expression);
  const signatures = ts.isNewExpression(call) ? type.getConstructSignatures() : type.getCallSignatures();
  if (signatures.length !== 1) return undefined;
  const signature = signatures[0]!;
  const typeParameters = signature.getTypeParameters() ?? [];
  if (typeParameters.length === 0) return signature;
  const names = new Set(typeParameters.map((parameter) => parameter.symbol.getName()));
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  // A `this` parameter is in the declaration's list but not the signature's: the two would not line up.
  if (!declaration?.parameters || declaration.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === 'this')) return undefined;
  const parameters = signature.getParameters();
  return declaration.parameters.every((parameter, index) => {
    if (parameter.type === undefined) return false;
    if (!mentionsName(parameter.type, names)) return true;
    // Inference decides this parameter's type; it matters only if it could take a signal.
    const symbol = parameters[index];
    return symbol !== undefined && !parameter.dotDotDotToken && !mayTakeSignal(checker, checker.getTypeOfSymbol(symbol));
  })
    ? signature
    : undefined;
}

/**
 * Whether a parameter of this declared type could, once its type parameters are inferred, take a
 * signal or an options object: false only for what no inference turns into one, a function or a
 * primitive, and a generic type whose constraint is made of those (`E extends keyof Events`, a
 * listener `Events[E]` where every event's listener is a function): an inferred type satisfies
 * its constraint.
 */
function mayTakeSignal(checker: ts.TypeChecker, type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    if (part.flags & PRIMITIVE) return false;
    // Inference keeps a function a function, and getSlot passes over whatever has call signatures.
    if (part.flags & ts.TypeFlags.Object && part.getCallSignatures().length > 0) return false;
    if (part.flags & ts.TypeFlags.Instantiable) {
      const constraint = checker.getBaseConstraintOfType(part);
      return constraint === undefined || constraint === part || (constraint.flags & ts.TypeFlags.Instantiable) !== 0 || mayTakeSignal(checker, constraint);
    }
    return true;
  });
}

const PRIMITIVE =
  ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike | ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never;

/** Whether `node` names one of `names` (a type parameter, in a parameter's type). */
function mentionsName(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node) && names.has(node.text)) return true;
  return ts.forEachChild(node, (child) => mentionsName(child, names) || undefined) ?? false;
}
