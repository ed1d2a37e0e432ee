// The exports of a package entry point, each with whether it carries a doc comment, read with the
// TypeScript compiler the way TypeDoc and editors read them.
import ts from 'typescript';

export interface ExportDoc {
  name: string;
  documented: boolean;
  file: string;
}

export function exportDocs(entry: string): ExportDoc[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true, customConditions: ['@ragtrail/source'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry}: not found`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry}: not a module`);
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const documented = declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0) || symbol.getDocumentationComment(checker).length > 0;
    return { name: exported.name, documented, file: declarations[0]?.getSourceFile().fileName ?? '' };
  });
}
