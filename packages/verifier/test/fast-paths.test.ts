/**
 * The verifier's fast paths against the libraries they stand in for: each must give exactly
 * what the slower, general code gives, on the shipped runbooks and on random input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/load/frontmatter.ts';
import { parseYamlFast } from '../src/load/yaml-fast.ts';
import { YamlLocator } from '../src/load/yaml-locate.ts';
import { clock } from '../src/time/format.ts';
import { ZoneTimeline } from '../src/time/zone.ts';
import { propertyRuns } from './property-runs.ts';

const settings = { seed: 20261201, numRuns: propertyRuns() };
const RUNBOOKS = join(dirname(fileURLToPath(import.meta.url)), '../../../runbooks');

const shipped = readdirSync(RUNBOOKS, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(mdx?|ya?ml)$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(RUNBOOKS, name), 'utf8') }));

/** The YAML of a shipped file: a runbook's frontmatter, or owners.yaml whole. */
function yamlOf(name: string, text: string): string {
  if (/\.ya?ml$/.test(name)) return text;
  const split = splitFrontmatter(text);
  if (split.kind !== 'frontmatter') throw new Error(`${name} has no frontmatter`);
  return split.yamlText;
}

/** Every path to a node in parsed YAML, with the offset the whole-document parse gives it. */
function pathsOf(
  node: Node | null,
  path: Array<string | number> = [],
  out: Array<{ path: Array<string | number>; offset: number }> = [],
) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const value = pair.value as Node | null;
      const at = [...path, String(pair.key.value)];
      out.push({ path: at, offset: value?.range?.[0] ?? pair.key.range![0] });
      pathsOf(value, at, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      out.push({ path: [...path, i], offset: (item as Node).range![0] });
      pathsOf(item as Node, [...path, i], out);
    });
  }
  return out;
}

describe('the fast YAML parse', () => {
  it.each(shipped)('reads $name as the yaml package reads it', ({ name, text }) => {
    const yaml = yamlOf(name, text);
    const fast = parseYamlFast(yaml);
    expect(fast.ok).toBe(true);
    expect(fast.ok && fast.data).toEqual(parse(yaml, { schema: 'core', uniqueKeys: false }));
  });
});

describe('locating a path in one top-level entry', () => {
  it.each(shipped)('gives the whole parse’s offset for every node of $name', ({ name, text }) => {
    const yaml = yamlOf(name, text);
    const locator = new YamlLocator(yaml);
    const paths = pathsOf(parseDocument(yaml, { uniqueKeys: false }).contents as Node | null);
    expect(paths.length).toBeGreaterThan(20);
    for (const { path, offset } of paths)
      expect({ path, offset: locator.locate(path).valueOffset }).toEqual({ path, offset });
  });

  const scalar = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      'a "quoted" [x]',
      "it's",
      'line one\nline two',
      '# not a comment',
      'key: value',
      '- item',
      '{a: 1}',
      '02:00',
      'null',
      '',
    ),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c d', 'on', '1'), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  const document = fc.dictionary(fc.constantFrom('id', 'title', 'tasks', 'windows', 'x-y', 'review', '"q"'), value, {
    minKeys: 1,
    maxKeys: 5,
  });
  const style = fc.record({ flow: fc.boolean(), quotes: fc.boolean() });

  it('gives the whole parse’s offsets on random YAML in any style', () => {
    fc.assert(
      fc.property(document, style, (data, { flow, quotes }) => {
        const yaml = stringify(data, {
          collectionStyle: flow ? 'flow' : 'any',
          defaultStringType: quotes ? 'QUOTE_DOUBLE' : 'PLAIN',
          lineWidth: 30,
        });
        const locator = new YamlLocator(yaml);
        for (const { path, offset } of pathsOf(parseDocument(yaml, { uniqueKeys: false }).contents as Node | null)) {
          expect({ path, offset: locator.locate(path).valueOffset }).toEqual({ path, offset });
        }
      }),
      settings,
    );
  });
});

describe('the frontmatter split', () => {
  // gray-matter's own split, with its parse switched off: the reference the split reproduces.
  const grayMatter = (text: string) => {
    const file = matter(text, { engines: { yaml: () => ({}) } } as never);
    return { yamlText: file.matter, body: file.content };
  };
  const split = (text: string) => {
    const result = splitFrontmatter(text);
    return result.kind === 'frontmatter' ? { yamlText: result.yamlText, body: result.body } : result.kind;
  };

  it.each(shipped.filter(({ name }) => !/\.ya?ml$/.test(name)))('splits $name where gray-matter does', ({ text }) => {
    expect(split(text)).toEqual(grayMatter(text));
  });

  const line = fc.oneof(
    fc.constantFrom('---', '--- ', '----', '---yaml', 'title: x', 'a: "---"', '', '  ---', '# ---', 'body text'),
    fc.string({ maxLength: 10 }),
  );
  it('splits random files with frontmatter where gray-matter does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('---', '---yaml', '--- '),
        fc.array(line, { maxLength: 6 }),
        fc.array(line, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (open, yaml, body, eol) => {
          const text = [open, ...yaml, '---', ...body].join(eol);
          const ours = split(text);
          // An opening line gray-matter would not read as one (say '----') is no frontmatter for either.
          if (typeof ours === 'string') return;
          expect(ours).toEqual(grayMatter(text));
        },
      ),
      settings,
    );
  });

  it('never reads a language name as a parser to run', () => {
    expect(split('---js\nprocess.exit(1)\n---\nbody')).toEqual({ yamlText: '\nprocess.exit(1)', body: 'body' });
  });
});

describe('resolving many wall times at once', () => {
  const zones = [
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Africa/Nairobi',
    'Pacific/Chatham',
    'America/Santiago',
    'UTC',
  ];
  const from = Date.UTC(2026, 0, 1);
  const to = Date.UTC(2027, 6, 1);

  it('resolves each as resolve() does, near transitions and away from them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.integer({ min: from - 2 * 86_400_000, max: to + 2 * 86_400_000 }).map((t) => t - (t % 900_000)),
          { maxLength: 40 },
        ),
        fc.boolean(),
        (zone, walls, sorted) => {
          const timeline = new ZoneTimeline(zone, from, to);
          const list = sorted ? [...walls].sort((a, b) => a - b) : walls;
          const all = timeline.resolveAll(list);
          expect(list.map((_, i) => ({ instant: all.instants[i], kind: all.kinds[i] }))).toEqual(
            list.map((wall) => timeline.resolve(wall)),
          );
        },
      ),
      settings,
    );
  });

  it('marks the wall times of a spring-forward gap and a fall-back hour in London', () => {
    const timeline = new ZoneTimeline('Europe/London', from, to);
    const walls = [Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 9, 25, 1, 30), Date.UTC(2026, 5, 1, 12, 0)];
    expect(timeline.resolveAll(walls).kinds).toEqual(['gap', 'ambiguous', 'exact']);
  });
});

describe('a clock without Intl', () => {
  it('shows what Intl.DateTimeFormat shows in the zone, before, inside and after the span it reads first', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'America/Santiago',
      'Africa/Nairobi',
      'UTC',
    ];
    const intl = (instant: number, zone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: zone,
          weekday: 'short',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(instant)
          .map((p) => [p.type, p.value]),
      );
      return {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        weekday: parts.weekday,
        time: `${parts.hour}:${parts.minute}`,
      };
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, instant) => {
          expect(clock(instant, zone)).toEqual(intl(instant, zone));
        },
      ),
      settings,
    );
  });
});
