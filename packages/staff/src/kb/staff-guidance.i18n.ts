import { addResources } from '@munikit/core';

/** The strings of the "Staff guidance" panel beside requests (kept apart: the inbox loads it). */
export const GUIDANCE_NS = 'staff-kb-guidance';

addResources(GUIDANCE_NS, {
  en: {
    summary_one: 'Staff guidance (1 article)',
    summary_other: 'Staff guidance ({{count}} articles)',
  },
  fr: {
    summary_one: 'Consignes pour le personnel (1 article)',
    summary_other: 'Consignes pour le personnel ({{count}} articles)',
  },
});
