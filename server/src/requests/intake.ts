// The one path by which a service request enters MuniKit. The JSON API, Open311 and any later channel
// (staff entering a phone call) call fileServiceRequest(), so every rule below is written once and every
// channel gets the same validation, routing and references. Channels translate field names, nothing else.
import type { FieldError } from '../platform/http/errors.ts';
import type { Db, Lang, RequestChannel } from '../platform/database/schema.ts';
import { getActiveServiceByCode } from '../services/store.ts';
import type { Town } from '../towns/store.ts';
import { checkAnswers, type AnswerValue } from './answers.ts';
import { fileRequest, type FiledRequest } from './intake-store.ts';
import { checkPhotos, PhotosNotAttached } from './photos/store.ts';

export interface IntakeInput {
  town: Town;
  serviceCode: string;
  description: string;
  location: { text: string; lat?: number | null; lng?: number | null };
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  answers?: Record<string, AnswerValue>;
  lang: Lang;
  channel: RequestChannel;
  idempotencyKey?: string | null;
  /** Upload ids from POST /towns/{town}/uploads (at most 3), attached in the filing transaction. */
  photos?: string[];
}

/** Field names are the JSON API's (`serviceCode`, `contact.email`, `answers.CODE`); other channels map them. */
export type IntakeResult = { ok: true; filed: FiledRequest } | { ok: false; errors: FieldError[] };

const CONTACT_NEEDED = {
  en: 'This service needs a way to reach you: give an email address or a phone number.',
  fr: 'Ce service exige un moyen de vous joindre : indiquez un courriel ou un numéro de téléphone.',
};
const UNKNOWN_SERVICE = { en: 'Choose a service from the list.', fr: 'Choisissez un service dans la liste.' };

export async function fileServiceRequest(db: Db, input: IntakeInput): Promise<IntakeResult> {
  const { town, lang } = input;
  const service = await getActiveServiceByCode(db, town.id, input.serviceCode);
  if (!service) return { ok: false, errors: [{ field: 'serviceCode', message: UNKNOWN_SERVICE[lang] }] };

  const errors: FieldError[] = [];
  const contact = input.contact ?? null;
  if (!service.anonymousAllowed && !contact?.email && !contact?.phone) {
    errors.push({ field: 'contact.email', message: CONTACT_NEEDED[lang] });
  }
  const checked = checkAnswers(service.questions, input.answers, lang);
  errors.push(...checked.errors);
  errors.push(...(await checkPhotos(db, { townId: town.id, photoIds: input.photos ?? [], lang })));
  if (errors.length > 0) return { ok: false, errors };

  const filing = fileRequest(db, {
    town,
    service,
    description: input.description,
    location: input.location,
    contact,
    answers: checked.answers,
    lang,
    channel: input.channel,
    idempotencyKey: input.idempotencyKey ?? null,
    photos: input.photos,
  });
  // A photo taken by another request between the check and the filing transaction: nothing was filed.
  const filed = await filing.catch((err: unknown) => (err instanceof PhotosNotAttached ? err : Promise.reject(err)));
  if (filed instanceof PhotosNotAttached) return { ok: false, errors: filed.fields };
  return { ok: true, filed };
}
