// What the form's first step needs of the draft and the outbox without their code: the shape of the
// answers, an empty set of them, and the storage keys, to see cheaply whether a draft or a queued
// request waits from an earlier visit (then the later steps' code is loaded at once, see
// request-form.ts). Reading and writing them is in draft.ts and outbox.ts, which load with the later steps.

/** A photo already uploaded to the town's server: only its id goes with the request. */
export interface PhotoRef {
  id: string;
  width: number;
  height: number;
  bytes: number;
}

export interface FormValues {
  serviceCode: string;
  description: string;
  locationText: string;
  /** The device's position, only after the resident chose to share it. */
  lat: number | null;
  lng: number | null;
  name: string;
  email: string;
  phone: string;
  answers: Record<string, string | string[]>;
  photos: PhotoRef[];
}

export function emptyValues(): FormValues {
  return {
    serviceCode: '',
    description: '',
    locationText: '',
    lat: null,
    lng: null,
    name: '',
    email: '',
    phone: '',
    answers: {},
    photos: [],
  };
}

export function draftKey(town: string): string {
  return `munikit:request-draft:${town}`;
}

export function outboxKey(town: string): string {
  return `munikit:request-outbox:${town}`;
}

/** Whether localStorage holds `key` (a draft or queued requests); false when storage is unavailable. */
export function stored(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}
