import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The verifier's folders, lowest first: each may import only itself and the ones before it
 * (README, "Architecture"). The entry points at the root (index.ts, internal.ts) may import any.
 */
const LAYERS = ['time', 'schema', 'load', 'schedule', 'rules', 'outputs', 'diff', 'cli'] as const;
const ENTRY_POINTS = ['index.ts', 'internal.ts'];

const SRC = join(import.meta.dirname, '../src');

/** Every module of the package (tests beside the code import what they test and are left out). */
function modules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** The modules a file imports, type-only and dynamic imports included, as paths under src/. */
function importsOf(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(SRC, resolve(SRC, dirname(file), name))
        .split(sep)
        .join('/'),
    );
}

function layerOf(file: string): number {
  return LAYERS.indexOf(file.split('/')[0] as (typeof LAYERS)[number]);
}

/** Imports that reach a higher layer, or leave src/, as "from -> to". */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    if (ENTRY_POINTS.includes(from)) continue;
    for (const to of targets)
      if (to.startsWith('..') || layerOf(to) < 0 || layerOf(to) > layerOf(from)) wrong.push(`${from} -> ${to}`);
  }
  return wrong;
}

/** The import circles between files, each as the files along it (Tarjan's strongly connected components). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const graph = new Map(modules().map((file) => [file, importsOf(file, readFileSync(join(SRC, file), 'utf8'))]));

describe("the verifier's layers", () => {
  it('puts every module in a layer folder, the entry points aside', () => {
    expect([...graph.keys()].filter((file) => !ENTRY_POINTS.includes(file) && layerOf(file) < 0)).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import circle between files (the order of the layers rules one out between folders)', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds an upward import and a circle when there is one', () => {
    const bad = new Map([
      ['load/a.ts', ['rules/b.ts']],
      ['rules/b.ts', ['load/a.ts']],
      ['time/c.ts', ['time/c.ts']],
    ]);
    expect(upwardImports(bad)).toEqual(['load/a.ts -> rules/b.ts']);
    expect(circles(bad)).toEqual([['load/a.ts', 'rules/b.ts'], ['time/c.ts']]);
  });

  it('reads type-only and dynamic imports as imports', () => {
    const text =
      "import type { A } from '../load/corpus.ts';\nexport { b } from './b.ts';\nconst c = await import('../cli/cli.ts');\n";
    expect(importsOf('schedule/x.ts', text)).toEqual(['load/corpus.ts', 'schedule/b.ts', 'cli/cli.ts']);
  });
});
