// The difference between two revisions, field by field: line by line for the Markdown body, word by
// word for the title, summary and keywords (the `diff` package).
import { diffLines, diffWords } from 'diff';
import type { Revision } from './store.ts';

export interface Change {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const toChanges = (parts: { added?: boolean; removed?: boolean; value: string }[]): Change[] =>
  parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));

export function diffRevisions(from: Revision, to: Revision): { title: Change[]; summary: Change[]; body: Change[]; keywords: Change[] } {
  return {
    title: toChanges(diffWords(from.title, to.title)),
    summary: toChanges(diffWords(from.summary, to.summary)),
    body: toChanges(diffLines(from.body, to.body)),
    keywords: toChanges(diffWords(from.keywords.join(', '), to.keywords.join(', '))),
  };
}
