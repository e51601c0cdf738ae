// Knowledge-base answers in exactly the shapes of the staff API contract (packages/staff/src/kb/kb-api.ts).
import type { KbCategory, KbInsight, RevisionDiff, RevisionSummary, StaffArticle, StaffArticleSummary } from '../src/kb/kb-api.ts';

export const KB = '/staff/towns/lakeview/kb';

export const categories: KbCategory[] = [
  { id: 'c1', slugEn: 'waste', slugFr: 'dechets', nameEn: 'Garbage and recycling', nameFr: 'Ordures et recyclage', sort: 1, articleCount: 2 },
  { id: 'c2', slugEn: 'permits', slugFr: 'permis', nameEn: 'Permits', nameFr: 'Permis', sort: 2, articleCount: 0 },
];

export const summaries: StaffArticleSummary[] = [
  {
    id: 'a1', slug: 'garbage-day', categoryId: 'c1', visibility: 'public', status: 'published', titleEn: 'When is garbage day?', titleFr: 'Quand passe le camion des ordures?',
    missing: [], unpublishedChanges: true, publishAt: null, reviewBy: '2020-01-31', updatedAt: '2026-11-20T15:00:00Z', updatedByName: 'Pat Clerk', serviceCodes: [],
  },
  {
    id: 'a2', slug: 'pothole-calls', categoryId: null, visibility: 'internal', status: 'draft', titleEn: 'Taking a pothole call', titleFr: null,
    missing: ['fr'], unpublishedChanges: false, publishAt: '2099-01-01T14:00:00Z', reviewBy: null, updatedAt: '2026-11-21T09:30:00Z', updatedByName: null, serviceCodes: ['pothole'],
  },
];

export const article: StaffArticle = {
  id: 'a1',
  slug: 'garbage-day',
  categoryId: 'c1',
  visibility: 'public',
  serviceCodes: [],
  reviewBy: '2027-06-30',
  en: { title: 'When is garbage day?', summary: 'Collection days by street.', body: 'Garbage is collected **every Monday**.', keywords: ['trash', 'garbage'] },
  fr: null,
  status: 'published',
  version: 3,
  publishAt: null,
  published: { en: { revisionId: 'r2', publishedAt: '2026-11-01T12:00:00Z' }, fr: null },
  missing: ['fr'],
  unpublishedChanges: false,
  updatedAt: '2026-11-20T15:00:00Z',
  updatedByName: 'Pat Clerk',
};

export const revisions: RevisionSummary[] = [
  { id: 'r3', lang: 'en', number: 3, title: 'When is garbage day?', createdAt: '2026-11-20T15:00:00Z', authorName: 'Pat Clerk', published: false },
  { id: 'r2', lang: 'en', number: 2, title: 'Garbage day', createdAt: '2026-11-01T12:00:00Z', authorName: 'Sam Editor', published: true },
  { id: 'r1', lang: 'en', number: 1, title: 'Garbage', createdAt: '2026-10-01T12:00:00Z', authorName: null, published: false },
];

export const diff: RevisionDiff = {
  from: 'r2',
  to: 'r3',
  fields: {
    title: [{ op: 'delete', text: 'Garbage day' }, { op: 'insert', text: 'When is garbage day?' }],
    summary: [{ op: 'equal', text: 'Collection days by street.' }],
    body: [{ op: 'equal', text: 'Garbage is collected\n' }, { op: 'delete', text: 'on Tuesdays.\n' }, { op: 'insert', text: '**every Monday**.\n' }],
    keywords: [{ op: 'equal', text: 'trash' }, { op: 'insert', text: ', garbage' }],
  },
};

export const insight: KbInsight = {
  from: '2026-11-05',
  to: '2026-12-04',
  totalSearches: 412,
  topSearches: [
    { query: 'garbage day', lang: 'en', count: 58 },
    { query: 'permis de chien', lang: 'fr', count: 21 },
  ],
  noResultSearches: [
    { query: 'snow tire rebate', lang: 'en', count: 7 },
    { query: 'piscine municipale', lang: 'fr', count: 4 },
  ],
  articles: [
    { id: 'a1', title: 'When is garbage day?', lang: 'en', views: 120, helpful: 10, unhelpful: 9, comments: [{ text: 'It does not say what happens on holidays.', helpful: false, createdAt: '2026-11-28T10:00:00Z' }] },
  ],
};
