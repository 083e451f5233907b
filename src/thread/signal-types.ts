import { ts } from 'ts-morph';

/** Where a callee takes a signal. */
export interface Slot {
  readonly index: number;
  /** The ctx carrier: a context object goes in front of the arguments. */
  readonly context?: boolean;
  /** `--required`: the parameter is required, so what callers pass must not be undefined. */
  readonly required?: boolean;
  /** Property of an options object; undefined: the parameter itself is the signal. */
  readonly property?: string;
  /** The options type also takes `encoding` (a string there is an encoding). */
  readonly encoding: boolean;
  /**
   * With `exactOptionalPropertyTypes`, an optional property declared without `| undefined` takes
   * no undefined value: a signal that may be missing goes in as `?? null` where the property
   * takes null (`RequestInit`), else only when it is there (`...(signal ? { signal } : {})`).
   */
  readonly missing?: 'null' | 'omit';
  /** The parameter or property takes null (`RequestInit`'s `signal`): a root's signal that may be null goes in as it is. */
  readonly takesNull?: boolean;
}

/**
 * What the checker says about signals: which types are `AbortSignal`, which slots take one, which
 * values may be undefined. One per program.
 */
export class SignalTypes {
  private readonly abortSignalType: ts.Type | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly exactOptional: boolean,
  ) {
    const symbol = checker.resolveName('AbortSignal', undefined, ts.SymbolFlags.Type, false);
    this.abortSignalType = symbol && checker.getDeclaredTypeOfSymbol(symbol);
  }

  /** The global `AbortSignal` of the declaration files (possibly `| undefined`), not a type of that name in the project. */
  readonly isAbortSignal = (type: ts.Type): boolean => {
    const symbol = this.checker.getNonNullableType(type).getSymbol();
    return symbol?.getName() === 'AbortSignal' && (symbol.getDeclarations() ?? []).some((d) => d.getSourceFile().isDeclarationFile);
  };

  /** A slot typed `AbortSignal`, or a library's own signal type a real one can be passed as (axios' `GenericAbortSignal`). */
  readonly takesAbortSignal = (type: ts.Type): boolean => {
    if (this.isAbortSignal(type)) return true;
    const nonNull = this.checker.getNonNullableType(type);
    const symbol = nonNull.getSymbol();
    return (
      this.abortSignalType !== undefined &&
      symbol !== undefined &&
      /Signal$/.test(symbol.getName()) &&
      (symbol.getDeclarations() ?? []).some((d) => d.getSourceFile().isDeclarationFile) &&
      nonNull.getProperty('aborted') !== undefined &&
      this.checker.isTypeAssignableTo(this.abortSignalType, nonNull)
    );
  };

  /** Typed `AbortSignal`, or untyped (JS without types) and named like one. */
  readonly isSignalNamed = (name: ts.Identifier, type: ts.Type): boolean =>
    this.isAbortSignal(type) || ((type.flags & ts.TypeFlags.Any) !== 0 && /^(signal|abortSignal)$/.test(name.text));

  /** A value with a signal of its own (a Fetch `Request`, `RequestInfo`): the type or one of its union members has an `AbortSignal` `signal`. */
  readonly carriesSignal = (type: ts.Type, at: ts.Node): boolean => {
    const types = type.isUnion() ? type.types : [type];
    return types.some((member) => {
      const property = member.getProperty('signal');
      return property !== undefined && this.isAbortSignal(this.checker.getTypeOfSymbolAtLocation(property, at));
    });
  };

  readonly mayBeNull = (type: ts.Type): boolean => (type.flags & ts.TypeFlags.Null) !== 0 || (type.isUnion() && type.types.some(this.mayBeNull));

  readonly mayBeUndefined = (type: ts.Type): boolean =>
    (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || (type.isUnion() && type.types.some(this.mayBeUndefined));

  /**
   * What an optional property takes for a signal that is not there, under
   * `exactOptionalPropertyTypes`: undefined when its declared type says so (`AbortSignal |
   * undefined`), else null when it says that, else nothing: the property has to be left out. A
   * property with no declared type to read (a mapped type) is left out too, which is always valid.
   */
  getMissing(property: ts.Symbol): Slot['missing'] {
    if (!this.exactOptional) return undefined;
    const types = (property.getDeclarations() ?? []).map((d) => (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && d.type ? this.checker.getTypeFromTypeNode(d.type) : undefined);
    if (types.length > 0 && types.every((type) => type !== undefined && this.mayBeUndefined(type))) return undefined;
    const hasNull = (type: ts.Type): boolean => (type.flags & ts.TypeFlags.Null) !== 0 || (type.isUnion() && type.types.some(hasNull));
    return types.length > 0 && types.every((type) => type !== undefined && hasNull(type)) ? 'null' : 'omit';
  }

  /** The first optional parameter of the signature that takes a signal, directly or as an options property. */
  getSlot(signature: ts.Signature, at: ts.Node): Slot | undefined {
    const { checker } = this;
    const params = signature.getParameters();
    for (let index = 0; index < params.length; index++) {
      const param = params[index]!;
      const declaration = param.valueDeclaration;
      if (declaration && ts.isParameter(declaration) && declaration.dotDotDotToken) return undefined;
      const type = checker.getTypeOfSymbolAtLocation(param, at);
      if (this.takesAbortSignal(type)) return { index, encoding: false, ...(this.mayBeNull(type) && { takesNull: true }) };
      const nonNull = checker.getNonNullableType(type);
      const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
      let encoding = false;
      let property: ts.Symbol | undefined;
      for (const part of parts) {
        if (!(part.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) || part.getCallSignatures().length > 0) continue;
        for (const prop of checker.getPropertiesOfType(part)) {
          if (prop.getName() === 'encoding') encoding = true;
          if (property === undefined && prop.flags & ts.SymbolFlags.Optional && this.takesAbortSignal(checker.getTypeOfSymbolAtLocation(prop, at))) {
            property = prop;
          }
        }
      }
      if (property !== undefined) {
        const missing = this.getMissing(property);
        const takesNull = this.mayBeNull(checker.getTypeOfSymbolAtLocation(property, at));
        return { index, property: property.getName(), encoding, ...(missing && { missing }), ...(takesNull && { takesNull }) };
      }
    }
    return undefined;
  }
}
