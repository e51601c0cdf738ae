// Typed answers of the inbox API for the console's browser tests (the shapes come from the generated
// API types, so a server change that the screens do not follow breaks the type check here too).
import type { InboxItem, InboxPage, StaffRequestDetail, StaffRequestEvent } from '@munikit/core';

export const inboxItem = (reference: string, over: Partial<InboxItem> = {}): InboxItem => ({
  reference, status: 'received', priority: 'normal', serviceCode: 'pothole', serviceName: { en: 'Pothole', fr: 'Nid-de-poule' },
  department: { id: 'roads', name: { en: 'Roads', fr: 'Voirie' } }, assignee: null, locationText: '12 Lake Rd',
  createdAt: '2026-11-22T09:00:00.000Z', updatedAt: '2026-11-22T09:00:00.000Z', ackDueAt: '2026-11-23T09:00:00.000Z', dueAt: '2026-11-29T09:00:00.000Z',
  overdue: false, ackOverdue: false, followers: 0, ...over,
});

export const inboxPage = (items: InboxItem[], over: Partial<InboxPage> = {}): InboxPage => ({ total: items.length, totalCapped: false, items, nextCursor: null, ...over });

export const event = (id: string, over: Partial<StaffRequestEvent> = {}): StaffRequestEvent => ({
  id, type: 'created', status: 'received', visibility: 'public', note: null, noteEn: null, noteFr: null, details: null, actor: null,
  createdAt: '2026-11-22T09:00:00.000Z', ...over,
});

export const detail = (over: Partial<StaffRequestDetail> = {}): StaffRequestDetail => ({
  reference: 'LKV-7K4Q2-M9XCR', version: 3, status: 'received', priority: 'normal',
  service: { code: 'pothole', name: { en: 'Pothole', fr: 'Nid-de-poule' }, ackTargetHours: 24, targetDays: 7 },
  department: { id: 'roads', name: { en: 'Roads', fr: 'Voirie' } }, assignee: null,
  description: 'Deep hole by the school.\n<b>Not bold</b>',
  answers: [{ code: 'size', label: { en: 'How big is it?', fr: 'Quelle taille?' }, value: 'large', display: { en: 'Larger than a tire', fr: 'Plus grand qu’un pneu' } }],
  location: { text: '12 Lake Rd', lat: 45.123456, lng: -75.654321, mapUrl: 'https://www.openstreetmap.org/?mlat=45.12346&mlon=-75.65432#map=18/45.12346/-75.65432' },
  contact: { name: 'Sam Resident', email: 'sam@example.ca', phone: null }, channel: 'web', lang: 'fr',
  photos: [{ id: 'ph1', contentType: 'image/jpeg', width: 640, height: 480 }],
  createdAt: '2026-11-22T09:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', closedAt: null,
  ackDueAt: '2026-11-23T09:00:00.000Z', dueAt: '2026-11-29T09:00:00.000Z', overdue: true, ackOverdue: false, followers: 2,
  events: [
    event('e1'),
    event('e2', { type: 'internal_note', status: null, visibility: 'internal', note: 'Crew says next week', actor: { id: 'u2', name: 'Sam Agent' }, createdAt: '2026-11-22T09:30:00.000Z' }),
    event('e3', { type: 'public_note', status: null, note: 'We will fix it', noteEn: 'We will fix it', noteFr: null, actor: { id: 'u1', name: 'Pat Clerk' }, createdAt: '2026-11-22T10:00:00.000Z' }),
  ],
  ...over,
});
