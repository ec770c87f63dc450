import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en);
const DE = flatten(de as Tree);
/** Every source file's text, by its path under src/ (Vite reads them at test time). */
const FILES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true })).map(([path, text]) => [
    path.replace(/^\.\.\//, '').replace(/^\.\//, 'i18n/'),
    text,
  ]),
);

/**
 * Files this check leaves out: tests and the catalogues themselves.
 */
const SKIPPED = [/\.test\.tsx?$/, /^test\//, /^i18n\/(en|de)\.ts$/];

function sources(): string[] {
  return Object.keys(FILES).filter((rel) => !SKIPPED.some((re) => re.test(rel)));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  it('have the same keys in English and German', () => {
    expect([...DE.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...EN.keys()].filter((k) => !DE.has(k))).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of EN) {
      expect(text.trim(), key).not.toBe('');
      expect(DE.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(DE.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('hold every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sources()) {
      const text = FILES[file];
      for (const m of text.matchAll(/\bt(?:ranslate)?\(\s*'([\w.]+)'/g)) {
        const key = m[1];
        // a plural is asked for by its base name and stored as key_one / key_other
        if (!EN.has(key) && !EN.has(`${key}_other`)) missing.push(`${file}: ${key}`);
      }
      for (const m of text.matchAll(/\bt(?:ranslate)?\(\s*`([\w.]+)\$\{/g)) {
        if (![...EN.keys()].some((k) => k.startsWith(m[1]))) missing.push(`${file}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Attributes a person reads or hears. */
const SPOKEN = new Set(['label', 'hint', 'placeholder', 'title', 'alt', 'aria-label', 'aria-description', 'aria-valuetext']);
/** Words that are the same in every language: the brand and each language's own name. */
const SAME_EVERYWHERE = /Health-Connect|English|Deutsch/g;

/** Text a person would read, written into the code instead of the catalogue. */
function hardCoded(file: string, text = FILES[file]): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const words = (s: string) => /[A-Za-z]{2,}/.test(s.replace(SAME_EVERYWHERE, ''));
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && words(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && SPOKEN.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression) || ts.isTemplateExpression(init.expression))
          ? init.expression.getText()
          : null;
      if (literal && words(literal)) found.push(`${where(node)} ${node.name.getText()}=${literal}`);
    }
    // a sentence in a string: a capital, a word, then a space and more (messages, labels, notices)
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[A-Z][a-z]+[ ,:;.!?]/.test(node.text) && !ts.isImportDeclaration(node.parent)) {
      found.push(`${where(node)} string "${node.text}"`);
    }
    if (ts.isTemplateExpression(node) && /^[A-Z][a-z]+ /.test(node.head.text)) found.push(`${where(node)} template ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the UI', () => {
  it('shows no text that bypasses the catalogue', () => {
    const found = sources().flatMap((file) => hardCoded(file));
    expect(found).toEqual([]);
  });

  it('looks at every component', () => {
    expect(sources().length).toBeGreaterThan(50);
    expect(sources()).toContain('Header.tsx');
  });

  it('catches a label, a text and a message written the old way', () => {
    const old = `export const P = () => <p title="Open it">Hello there {1}</p>;\nconst m = 'Enter your name.';\nconst n = \`Rated \${1} of 5\`;\n`;
    const caught = hardCoded('ui/probe.tsx', old).join('\n');
    for (const kind of ['title=Open it', 'text "Hello there"', 'string "Enter your name."', 'template `Rated']) expect(caught).toContain(kind);
    const now = `export const P = () => <p title={t('a.b')}>{t('a.c')} · Health-Connect</p>;\nconst m = 'btn btn--primary';\n`;
    expect(hardCoded('ui/probe.tsx', now)).toEqual([]);
  });
});
