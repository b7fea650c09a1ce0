/**
 * The TypeScript types of what the machines write, for the state reference (docs/state.md and the phone
 * table in docs/authoring.md): each environment's context type (the `Context` its `defineEnvironment`
 * infers, from its machine's and tools' declarations) is resolved with the compiler API and printed in
 * the doc's style (`{ a: string, b?: number }[]`), so a row cannot drift from the code. The environments
 * are the ones discovery finds (src/registry/discover.ts), as the engine finds them; src/ names none.
 */
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { BUNDLED_ROOTS, modulesOf, pluginsIn } from '../src/registry/discover.ts';
import type { WrittenTypes } from '../src/scenario/stateDoc.ts';

const PROBE = join(PACKAGE_ROOT, '__state_types_probe__.ts');

/** Each bundled environment's module file, by id. */
async function environmentModules(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const root of BUNDLED_ROOTS) {
    for (const file of await modulesOf(root, 'environment')) {
      const [plugin] = await pluginsIn(file);
      const id = (plugin as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') out.set(id, file);
    }
  }
  return out;
}

/** The printer: a type in the doc's style, structures opened (interfaces and aliases spelled out). */
function printer(checker: ts.TypeChecker) {
  const F = ts.TypeFlags;
  const named = (t: ts.Type) => checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
  const print = (t: ts.Type, seen: ts.Type[]): string => {
    if (t.flags & F.Boolean) return 'boolean';
    if (t.isUnion()) {
      // `boolean` is `false | true` to the checker: print it as the word.
      const parts: string[] = [];
      const hasTrue = t.types.some((u) => u.flags & F.BooleanLiteral && named(u) === 'true');
      const hasFalse = t.types.some((u) => u.flags & F.BooleanLiteral && named(u) === 'false');
      for (const u of t.types) {
        if (u.flags & F.BooleanLiteral && hasTrue && hasFalse) {
          if (!parts.includes('boolean')) parts.push('boolean');
        } else parts.push(print(u, seen));
      }
      return parts.join(' | ');
    }
    if (t.flags & (F.StringLiteral | F.NumberLiteral | F.BooleanLiteral | F.Undefined | F.Null | F.String | F.Number | F.Any | F.Unknown | F.Never | F.BigInt)) return named(t);
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      if (checker.isTupleType(t)) return named(t);
      const item = print(checker.getTypeArguments(t as ts.TypeReference)[0]!, seen);
      return item.includes(' | ') || item.includes('=>') ? `(${item})[]` : `${item}[]`;
    }
    if (t.flags & F.Object || t.isIntersection()) {
      if (t.getCallSignatures().length) return named(t);
      if (seen.includes(t)) return named(t);
      const props = checker.getPropertiesOfType(t);
      const index = checker.getIndexInfosOfType(t);
      const within = [...seen, t];
      const fields = props.map((p) => {
        const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
        let pt = checker.getTypeOfSymbol(p);
        if (optional && pt.isUnion()) {
          const rest = pt.types.filter((u) => !(u.flags & F.Undefined));
          pt = rest.length === 1 ? rest[0]! : pt;
          if (rest.length !== 1) return `${p.name}?: ${print(pt, within).split(' | ').filter((s) => s !== 'undefined').join(' | ')}`;
        }
        return `${p.name}${optional ? '?' : ''}: ${print(pt, within)}`;
      });
      const records = index.map((i) => `Record<${print(i.keyType, within)}, ${print(i.type, within)}>`);
      if (!fields.length && records.length === 1) return records[0]!;
      if (!fields.length && !records.length) return '{ }';
      return [fields.length ? `{ ${fields.join(', ')} }` : undefined, ...records].filter(Boolean).join(' & ');
    }
    return named(t);
  };
  return (t: ts.Type) => print(t, []);
}

/**
 * Resolves every environment's context type once (one program over the environments' modules) and
 * answers a dotted path's type from it. `ids` limits the environments (all bundled ones by default).
 */
export async function writtenTypes(ids?: readonly string[]): Promise<WrittenTypes> {
  const modules = [...(await environmentModules())].filter(([id]) => !ids || ids.includes(id));
  const spec = (file: string) => {
    const rel = relative(dirname(PROBE), file).replace(/\\/g, '/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const probe = [
    `import type { Environment } from '${spec(join(PACKAGE_ROOT, 'src', 'engine', 'environment.ts'))}';`,
    `type ContextOf<E> = E extends Environment<infer C, any> ? C : never;`,
    ...modules.map(([, file], i) => `import e${i} from '${spec(file)}';\nexport type C${i} = ContextOf<typeof e${i}>;`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noUncheckedIndexedAccess: true, noEmit: true, allowImportingTsExtensions: true, resolveJsonModule: true,
    skipLibCheck: true, types: ['node'], lib: ['lib.es2023.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === PROBE ? ts.createSourceFile(name, probe, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === PROBE || fileExists(name);
  const program = ts.createProgram({ rootNames: [PROBE], options, host });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(PROBE)!;
  const print = printer(checker);
  const contexts = new Map<string, ts.Type>();
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !/^C\d+$/.test(statement.name.text)) continue;
    const i = Number(statement.name.text.slice(1));
    contexts.set(modules[i]![0], checker.getTypeAtLocation(statement.name));
  }
  return (env, path) => {
    let t = contexts.get(env);
    for (const key of path.split('.')) {
      if (!t) return undefined;
      const prop = checker.getPropertyOfType(t, key);
      if (!prop) return undefined;
      t = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
    }
    if (!t || t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
    return print(t);
  };
}
