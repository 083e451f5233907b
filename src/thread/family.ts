import { ts } from 'ts-morph';
import { resolveAlias } from './symbols.ts';

/** A class or interface that declares or inherits the member a family is about. */
export type Owner = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

/** A declaration of the member in one owner: a method, a method signature, or a property (function-typed). */
export type FamilyMember = ts.MethodDeclaration | ts.MethodSignature | ts.PropertyDeclaration | ts.PropertySignature;

export interface Family {
  /** Every declaration of the member across the hierarchy (overloads included), in program order. */
  readonly members: readonly FamilyMember[];
}

/** A class or interface that extends or implements something: a possible member of a family. */
export function isHeir(node: ts.Node): node is Owner {
  return isOwner(node) && (node.heritageClauses?.length ?? 0) > 0;
}

function isOwner(node: ts.Node): node is Owner {
  return ts.isClassLike(node) || ts.isInterfaceDeclaration(node);
}

function getMemberName(member: ts.ClassElement | ts.TypeElement): string | undefined {
  const name = member.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/**
 * Finds method families: a method together with the interface and base-class members it implements
 * or overrides, and every override or implementation of those in the program. Changing one
 * signature of a family means changing all of them, or callers through the base type would not pass
 * what the implementation expects. Heritage clauses are indexed once; base symbols are resolved
 * only for the families asked for.
 */
export class FamilyFinder {
  private readonly heritage = new Map<Owner, { readonly type: ts.ExpressionWithTypeArguments; readonly declarations: readonly Owner[] }[]>();

  /**
   * `heirs`: every class and interface of the program that has a heritage clause (see `isHeir`).
   * `getStructuralBases`: the types a class is used as without naming them (`return new Impl()`
   * from a function returning `IHelper`): its callers go through them too.
   */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly heirs: readonly Owner[],
    private readonly getStructuralBases: (owner: Owner) => readonly Owner[] = () => [],
  ) {}

  /** The family of `method`; a lone method (nothing implemented, nothing overriding it) has itself only. */
  getFamily(method: ts.MethodDeclaration | ts.PropertyDeclaration): Family {
    const name = getMemberName(method);
    const owner = method.parent;
    if (name === undefined || !isOwner(owner)) return { members: [method] };
    const owners = new Set<Owner>();
    const add = (candidate: Owner) => {
      if (owners.has(candidate)) return;
      owners.add(candidate);
      for (const base of this.getBasesWith(candidate, name)) add(base);
      for (const base of this.getStructuralBases(candidate)) {
        if (base.members.some((member: ts.ClassElement | ts.TypeElement) => getMemberName(member) === name)) add(base);
      }
    };
    add(owner);
    // Down: every heir of an owner joins (and brings the other bases it gets the member from).
    for (let grew = true; grew; ) {
      grew = false;
      for (const heir of this.heirs) {
        if (owners.has(heir) || !this.getBases(heir).some((base) => owners.has(base))) continue;
        add(heir);
        grew = true;
      }
    }
    const members: FamilyMember[] = [];
    for (const candidate of owners) {
      for (const member of candidate.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (getMemberName(member) !== name) continue;
        if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member) || ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) {
          if (!isStatic(member)) members.push(member);
        }
      }
    }
    return { members: members.sort(compareNodes) };
  }

  /** Each type `owner` extends or implements, with the declarations it resolves to (cached). */
  private getHeritage(owner: Owner): { readonly type: ts.ExpressionWithTypeArguments; readonly declarations: readonly Owner[] }[] {
    let heritage = this.heritage.get(owner);
    if (heritage) return heritage;
    heritage = (owner.heritageClauses ?? []).flatMap((clause) =>
      clause.types.map((type) => ({
        type,
        declarations: (resolveAlias(this.checker, this.checker.getSymbolAtLocation(type.expression))?.getDeclarations() ?? []).filter(isOwner),
      })),
    );
    this.heritage.set(owner, heritage);
    return heritage;
  }

  /** The declarations of the types `owner` extends or implements. */
  private getBases(owner: Owner): Owner[] {
    return this.getHeritage(owner).flatMap((base) => base.declarations);
  }

  /** The bases of `owner` whose type has the member `name` (declared there or inherited). */
  private getBasesWith(owner: Owner, name: string): Owner[] {
    return this.getHeritage(owner).flatMap((base) => (this.checker.getTypeAtLocation(base.type).getProperty(name) ? base.declarations : []));
  }
}

export function isStatic(member: ts.Node): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

function compareNodes(a: ts.Node, b: ts.Node): number {
  const fa = a.getSourceFile().fileName;
  const fb = b.getSourceFile().fileName;
  return fa === fb ? a.pos - b.pos : fa < fb ? -1 : 1;
}
