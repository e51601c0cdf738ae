// A tiny town in the seed shapes, so the server suite does not depend on the demo content.
import type { SeedData } from '../../src/seed/seed-types.ts';

export const TEST_ORIGIN = 'https://www.testville.example';

export const testTown: SeedData = {
  town: {
    id: 'testville',
    name: { en: 'Town of Testville', fr: 'Ville de Testville' },
    defaultLanguage: 'en',
    siteOrigins: [TEST_ORIGIN],
    referencePrefix: 'TST',
    timezone: 'America/Toronto',
    contact: { email: 'info@testville.example', phone: '555-0100', address: { en: '1 Main St', fr: '1, rue Main' } },
  },
  departments: [{ id: 'public-works', name: { en: 'Public Works', fr: 'Travaux publics' }, email: 'pw@testville.example' }],
  services: [
    {
      code: 'pothole',
      name: { en: 'Pothole', fr: 'Nid-de-poule' },
      description: { en: 'A hole in the road.', fr: 'Un trou dans la chaussée.' },
      group: { en: 'Roads', fr: 'Routes' },
      keywords: { en: ['road', 'hole'], fr: ['route', 'trou'] },
      departmentId: 'public-works',
      anonymousAllowed: true,
      targetDays: 5,
      questions: [],
    },
    {
      code: 'tree',
      name: { en: 'Fallen tree', fr: 'Arbre tombé' },
      description: { en: 'A tree on public land.', fr: 'Un arbre sur un terrain public.' },
      group: { en: 'Parks', fr: 'Parcs' },
      keywords: { en: ['tree'], fr: ['arbre'] },
      departmentId: 'public-works',
      anonymousAllowed: false,
      targetDays: 3,
      questions: [
        {
          code: 'blocking',
          datatype: 'singlevaluelist',
          required: true,
          variable: true,
          order: 1,
          label: { en: 'Is it blocking the road?', fr: 'Bloque-t-il la route?' },
          values: [
            { key: 'yes', name: { en: 'Yes', fr: 'Oui' } },
            { key: 'no', name: { en: 'No', fr: 'Non' } },
          ],
        },
      ],
    },
  ],
  categories: [{ id: 'waste', slug: { en: 'waste', fr: 'dechets' }, name: { en: 'Waste', fr: 'Déchets' }, order: 1 }],
  articles: [
    {
      id: 'green-bin',
      categoryId: 'waste',
      en: {
        slug: 'green-bin',
        title: 'Green bin',
        summary: 'What goes in the green bin.',
        body: '# Green bin\n\nFood scraps go in the **green bin**.\n\n<script>alert("x")</script>\n\n<img src="x" onerror="alert(1)">\n\n[More](https://example.org/more)',
        keywords: ['compost', 'organics'],
      },
      fr: {
        slug: 'bac-vert',
        title: 'Bac vert',
        summary: 'Ce qui va dans le bac vert.',
        body: 'Les restes de table vont dans le **bac vert**.',
        keywords: ['compost'],
      },
    },
  ],
  requests: [
    {
      serviceCode: 'pothole',
      status: 'in_progress',
      description: 'Deep pothole near the school, secret-description-marker.',
      locationText: '12 School Road',
      lat: 45.1,
      lng: -75.2,
      daysAgo: 3,
      contact: { name: 'Resident One', email: 'resident.one@example.com' },
      publicNotes: [{ en: 'Crew scheduled for Tuesday.', fr: 'Équipe prévue mardi.' }],
    },
    {
      serviceCode: 'pothole',
      status: 'received',
      description: 'Small pothole.',
      locationText: 'Main and 2nd',
      daysAgo: 1,
      publicNotes: [],
    },
  ],
};

/** A second town on the same server: its staff must never see or change Testville's data, nor the reverse. */
export const otherTown: SeedData = {
  town: {
    id: 'otherville',
    name: { en: 'Village of Otherville', fr: 'Village d’Otherville' },
    defaultLanguage: 'fr',
    siteOrigins: ['https://www.otherville.example'],
    referencePrefix: 'OTH',
    timezone: 'America/Halifax',
    contact: { email: 'info@otherville.example', phone: '555-0200', address: { en: '2 Rue Principale', fr: '2, rue Principale' } },
  },
  departments: [{ id: 'other-roads', name: { en: 'Roads', fr: 'Voirie' }, email: 'roads@otherville.example' }],
  services: [
    {
      code: 'pothole',
      name: { en: 'Pothole', fr: 'Nid-de-poule' },
      description: { en: 'A hole in the road.', fr: 'Un trou dans la chaussée.' },
      group: { en: 'Roads', fr: 'Routes' },
      keywords: { en: ['road'], fr: ['route'] },
      departmentId: 'other-roads',
      anonymousAllowed: true,
      targetDays: 5,
      questions: [],
    },
  ],
  categories: [],
  articles: [],
  requests: [
    {
      serviceCode: 'pothole',
      status: 'received',
      description: 'Otherville-only pothole, other-town-marker.',
      locationText: '3 Rue du Lac',
      daysAgo: 2,
      contact: { name: 'Other Resident', email: 'other.resident@example.com' },
      publicNotes: [],
    },
  ],
};
