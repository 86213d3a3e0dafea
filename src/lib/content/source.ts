/**
 * Parsed source files that remember positions: YAML 1.2 through the `yaml` package (with a
 * LineCounter), front matter through gray-matter with that same engine. Turns zod issues into
 * findings that name the line.
 */
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { fieldPath, type Finding, type Path, type Severity } from './findings.ts';

export interface SourceFile {
  /** Display path (`content/site.yaml`). */
  file: string;
  text: string;
  /** The file's size in bytes, where it was read from disk. */
  bytes?: number;
}

export interface YamlSource {
  file: string;
  /** The parsed value (plain JS: strings, numbers, booleans, arrays, objects). */
  data: unknown;
  /** Syntax errors; when any, `data` is unusable. */
  errors: Finding[];
  /** The 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: Path): number | undefined;
  /** The source text of the scalar at `path`, as written. */
  sourceOf(path: Path): string | undefined;
}

/** Where the docs explain a file, for fixes that point there. */
export function docsAnchor(file: string): string {
  if (file.endsWith('site.yaml')) return 'docs/content.md#siteyaml';
  if (file.endsWith('releases.yaml')) return 'docs/content.md#releasesyaml';
  if (file.includes('/policy/')) return 'docs/content.md#policy';
  if (file.includes('/advisories/')) return 'docs/content.md#advisories';
  if (file.includes('/announcements/')) return 'docs/content.md#announcements';
  return 'docs/content.md';
}

function makeSource(file: string, doc: Document, counter: LineCounter, text: string): YamlSource {
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const nodeAt = (path: Path): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) return node as Node;
    }
    return undefined;
  };
  // Expanding aliases can be made exponential (a "billion laughs" YAML bomb): the yaml package
  // stops at its alias limit, and that is reported here with the file, not thrown.
  let data: unknown;
  let expansion: Finding | undefined;
  if (!doc.errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      const alias = /&[\w-]+/.exec(text);
      expansion = {
        severity: 'error',
        file,
        line: alias ? lineAt(alias.index) : undefined,
        message: `the YAML cannot be read: ${(e as Error).message.split('\n')[0]} (its aliases expand too far)`,
        fix: 'write the values out instead of repeating them through anchors (&name) and aliases (*name)',
      };
    }
  }
  return {
    file,
    data,
    // Only the first syntax error: the ones after it are usually its echo.
    errors: expansion ? [expansion] : doc.errors.slice(0, 1).map((e) => ({
      severity: 'error' as Severity,
      file,
      line: e.linePos?.[0].line,
      message: e.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same mapping' : `the YAML cannot be read: ${e.message.split('\n')[0]}`,
      fix:
        e.code === 'DUPLICATE_KEY'
          ? 'keep one entry with this key and merge what the two say'
          : 'correct the syntax at that line (indentation, a missing colon or quote, an unclosed bracket)',
    })),
    lineOf(path) {
      const node = nodeAt(path);
      // Point at the key when the path names a map entry, so "missing field" lands on its parent.
      if (path.length > 0 && node === doc.getIn(path, true)) {
        const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
          if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
        }
      }
      return node?.range ? lineAt(node.range[0]) : undefined;
    },
    sourceOf(path) {
      const node = doc.getIn(path, true);
      return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

/**
 * Parses a YAML 1.2 file, keeping positions for every later finding. A JSON text (the lock is
 * one) is read by JSON.parse, which gives the same values (YAML 1.2 holds JSON) many times
 * faster; its positions are only worked out if a finding asks for a line.
 */
export function parseYaml(src: SourceFile): YamlSource {
  return parseJson(src) ?? parseYamlDocument(src);
}

// A string (with its escapes) or a colon: the colons outside strings are a JSON text's key-value pairs.
const STRING_OR_COLON = /"(?:[^"\\]|\\.)*"|:/g;

/** How many key-value pairs a JSON text writes. */
function pairsWritten(text: string): number {
  let pairs = 0;
  for (const m of text.matchAll(STRING_OR_COLON)) if (m[0] === ':') pairs++;
  return pairs;
}

/** How many keys the parsed value holds, at every depth. */
function keysHeld(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keysHeld(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((n: number, v) => n + 1 + keysHeld(v), 0);
}

/**
 * A JSON object or array through JSON.parse; undefined when the text is not JSON, or when it
 * writes a key twice in one object (JSON.parse keeps the last; the YAML parse reports it, with
 * its line).
 */
function parseJson(src: SourceFile): YamlSource | undefined {
  const start = /\S/.exec(src.text)?.[0];
  if (start !== '{' && start !== '[') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(src.text);
  } catch {
    return undefined;
  }
  if (pairsWritten(src.text) !== keysHeld(data)) return undefined;
  let positions: YamlSource | undefined;
  const located = () => (positions ??= parseYamlDocument(src));
  return { file: src.file, data, errors: [], lineOf: (path) => located().lineOf(path), sourceOf: (path) => located().sourceOf(path) };
}

/** Parses a YAML 1.2 file with the `yaml` package, keeping positions. */
function parseYamlDocument(src: SourceFile): YamlSource {
  const counter = new LineCounter();
  // yaml's own unique-key check compares every key with every other (quadratic: seconds for the
  // lock of ten thousand advisories); the same check, in one pass per mapping, follows.
  const doc = parseDocument(src.text, { lineCounter: counter, prettyErrors: true, uniqueKeys: false });
  if (!doc.errors.length) {
    const duplicate = firstDuplicateKey(doc);
    if (duplicate) doc.errors.push(new YAMLParseError([duplicate, duplicate + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    for (const e of doc.errors) e.linePos ??= [counter.linePos(e.pos[0])];
  }
  return makeSource(src.file, doc, counter, src.text);
}

/** The offset of the first key that appears twice in the same mapping, if any. */
function firstDuplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key) && pair.key.range) {
          found = pair.key.range[0];
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

export interface MarkdownSource {
  front: YamlSource;
  /** The markdown after the front matter. */
  body: string;
}

/** Splits a markdown file into front matter (parsed with positions) and body. */
export function parseMarkdown(input: SourceFile): MarkdownSource {
  // Editors on some systems start UTF-8 files with a byte-order mark; it is not content.
  const src = { ...input, text: input.text.replace(/^\uFEFF/, '') };
  if (!/^---\r?\n/.test(src.text)) {
    const front = parseYaml({ file: src.file, text: '' });
    front.errors.push({
      severity: 'error',
      file: src.file,
      line: 1,
      message: 'the file has no front matter',
      fix: `start the file with a front matter block between two "---" lines (see ${docsAnchor(src.file)})`,
    });
    return { front, body: src.text };
  }
  let doc: YamlSource | undefined;
  // CRLF checkouts: normalise line endings (line numbers stay the same) so no value keeps a "\r".
  const text = src.text.replace(/\r\n?/g, '\n');
  const parsed = matter(text, {
    engines: {
      // gray-matter's raw front matter starts with the newline after the opening "---",
      // so its line numbers are the file's line numbers.
      yaml: (s: string) => {
        doc = parseYaml({ file: src.file, text: s });
        return (doc.data ?? {}) as object;
      },
    },
  });
  return { front: doc ?? parseYaml({ file: src.file, text: parsed.matter }), body: parsed.content };
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v}"`;
  return `${typeof v} ${String(v)}`;
}

/** The nearest of `known` to a misspelt `word`, when it is close enough to be a typo (at most a third of its letters differ). */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const best = closest(word, [...known]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

type Def = { type?: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys a schema allows for the object at `path` (every object a union offers there), for "did you mean". */
export function keysAt(schema: z.ZodType | undefined, path: Path): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  if (def.innerType) return keysAt(def.innerType, path);
  if (def.type === 'pipe' && def.in) return keysAt(def.in, path);
  if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap((o) => keysAt(o, path)))];
  if (path.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape && typeof head === 'string') return keysAt(def.shape[head], rest);
  if (def.type === 'array' && def.element && typeof head === 'number') return keysAt(def.element, rest);
  if (def.type === 'record' && def.valueType) return keysAt(def.valueType, rest);
  return [];
}

/** Turns zod issues into findings that name the file, line and field; with the schema, a misspelt field gets "did you mean". */
export function zodFindings(src: YamlSource, error: z.ZodError, severity: Severity = 'error', base: Path = [], schema?: z.ZodType): Finding[] {
  const docs = docsAnchor(src.file);
  // A misspelt field is also a missing one ("typ" for "type"): one mistake, one finding, the
  // unknown field's, which says "did you mean".
  const suggested = new Set<string>();
  const findings = error.issues.flatMap((issue): Finding[] => {
    const path = [...base, ...(issue.path as (string | number)[])];
    const last = path[path.length - 1];
    const at = (p: Path, message: string, fix: string): Finding => ({
      severity,
      file: src.file,
      line: src.lineOf(p),
      field: fieldPath(p) || undefined,
      message,
      fix,
    });
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, issue.path as (string | number)[]).filter((k) => !issue.keys.includes(k));
      return issue.keys.map((key) => {
        const near = didYouMean(key, known);
        if (near) suggested.add(fieldPath([...path, near]));
        return at([...path, key], `unknown field "${key}"`, near ? `did you mean "${near}"? Otherwise remove it (see ${docs})` : `remove it, or check its spelling against ${docs}`);
      });
    }
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      const choices = issue.code === 'invalid_value' ? `, one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : '';
      return [at(path, 'is missing', `add "${String(last)}"${choices} (see ${docs})`)];
    }
    // An object of one key whose value YAML read as a number (`fixed: 0.12`): point at that value.
    if (issue.code === 'invalid_union' && input && typeof input === 'object' && !Array.isArray(input)) {
      const entries = Object.entries(input as Record<string, unknown>);
      const [key, value] = entries[0] ?? [];
      const written = key !== undefined ? src.sourceOf([...path, key]) : undefined;
      if (entries.length === 1 && typeof value === 'number' && written !== undefined && /^[\d.]+$/.test(written)) {
        return [at([...path, key as string], `${written} was read by YAML as the number ${value}, not the version "${written}"`, `write the full version, quoted if needed: ${key}: "${written}${written.split('.').length < 3 ? '.0' : ''}"`)];
      }
    }
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && typeof input === 'number') {
      const written = src.sourceOf(path);
      if (written !== undefined && written !== String(input) && /^[\d.]+$/.test(written)) {
        return [
          at(
            path,
            `${written} was read by YAML as the number ${input}, not the name "${written}"`,
            `quote it: ${String(last)}: "${written}"`,
          ),
        ];
      }
    }
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const near = typeof input === 'string' ? didYouMean(input, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
      return [at(path, `is ${describeValue(input)}, which is not allowed`, near ? `did you mean "${near}"? Use one of: ${allowed}` : `use one of: ${allowed}`)];
    }
    if (issue.code === 'invalid_type') {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const message = issue.message.startsWith('Invalid input') ? `must be ${expected}` : issue.message;
      return [at(path, `${message}, not ${describeValue(input)}`, `write ${expected} (see ${docs})`)];
    }
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const word = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      const what = issue.origin === 'array' ? `${bound} item${bound === 1 ? '' : 's'}` : issue.origin === 'string' ? `${bound} character${bound === 1 ? '' : 's'}` : String(bound);
      return [at(path, `must be ${word} ${what}, not ${describeValue(input)}`, `change it (see ${docs})`)];
    }
    const fix = (issue as { params?: { fix?: string } }).params?.fix;
    return [at(path, issue.message, fix ?? `write a valid value (see ${docs})`)];
  });
  return findings.filter((f) => !(f.message === 'is missing' && f.field !== undefined && suggested.has(f.field)));
}

/** Validates parsed data against a schema, returning the data or findings. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  src: YamlSource,
  data: unknown = src.data,
): { ok: true; value: z.output<S> } | { ok: false; findings: Finding[] } {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, findings: zodFindings(src, result.error, 'error', [], schema) };
}
