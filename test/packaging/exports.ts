// The exports of a package entry point, each with the doc comment it carries, read with the
// TypeScript compiler the way TypeDoc and editors read them.
import ts from 'typescript';

export interface ExportDoc {
  name: string;
  /** The comment's text (tags left out), '' when the export has none. */
  doc: string;
  file: string;
}

/** The exports of each entry, read in one program so the sources they share are parsed once. */
export function exportDocs(...entries: string[]): Map<string, ExportDoc[]> {
  const program = ts.createProgram(entries, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true, customConditions: ['@ragtrail/source'] });
  const checker = program.getTypeChecker();
  return new Map(entries.map((entry) => [entry, exportsOf(program, checker, entry)]));
}

function exportsOf(program: ts.Program, checker: ts.TypeChecker, entry: string): ExportDoc[] {
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry}: not found`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry}: not a module`);
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    // A zod schema and its inferred type share a name: the comment on either documents both.
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    return { name: exported.name, doc, file: declarations[0]?.getSourceFile().fileName ?? '' };
  });
}
