// `npm run bench:search`: the knowledge-base search (packages/kb-search/src/search/) measured in real
// Chromium (playwright-core, the system browser; CHROME_PATH honoured) on generated bilingual corpora
// of 200, 1,000 and 5,000 articles, beside the fuse.js set-ups it replaces:
//   - index bytes over the wire: gzip of the JSON the index endpoint sends for one language
//     (id, slug, title, summary, keywords, categoryId, categoryName);
//   - index build time (createSearchEngine / new Fuse);
//   - p50 / p95 ms per keystroke, every labelled query typed character by character;
//   - hit@3 on the labelled queries (the generated article each query was written for);
//   - the element, <muni-kb-search>: its index built as it builds it (in slices between yields, so typing
//     is never blocked) with the longest main-thread task that causes, and input-to-paint per keystroke
//     (keydown → rendered update → next animation frame) with the queries typed key by key in Chromium.
// Targets (issue 7): p95 ≤ 16 ms per keystroke at 1,000 and 5,000 articles; index ≤ 80 KB gzip at 1,000.
//
// The corpora are generated from a fixed seed: 25 everyday topics × places with French names (accents,
// apostrophes, hyphens: Lac-à-l'Ours, Sainte-Hélène, L'Anse-aux-Pins) and three title patterns, so many
// titles are near-duplicates and only topic AND place tell the right article. Queries are typed as
// residents type: lower case, accents often dropped, words in any order, sometimes a typo.
//
// Settings (environment): BENCH_SIZES (200,1000,5000), BENCH_BASELINE_KEYSTROKE_QUERIES (4: queries typed
// character by character per language for the fuse.js set-ups, which scan every article; the engine types
// all of them), BENCH_PAINT_QUERIES (20: queries per language typed into the element), BENCH_BASELINES=off (the engine only), BENCH_STRATEGIES (e.g. 0,1,2: by row), BENCH_ROUNDS
// (3), BENCH_BASELINE_ROUNDS (BENCH_ROUNDS). Outside `npm test`; prints, never asserts.
//
// Each case runs BENCH_ROUNDS times, each time building its searcher afresh. "p50/p95" are the first
// round's keystrokes as they came; "min p50/p95" take each keystroke's fastest round: on a shared,
// loaded machine (see the load average printed) that removes the time the browser was not scheduled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/chromium.ts';

const root = path.join(import.meta.dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '200,1000,5000').split(',').map(Number);
const BASELINE_KEYSTROKE_QUERIES = Number(process.env.BENCH_BASELINE_KEYSTROKE_QUERIES ?? 4);
const BASELINES = process.env.BENCH_BASELINES !== 'off';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE_ROUNDS = Number(process.env.BENCH_BASELINE_ROUNDS ?? ROUNDS);
/** Which strategies to run, by position in the table (0 = the engine); all by default. */
const ONLY = process.env.BENCH_STRATEGIES?.split(',').map(Number);
const QUERIES_PER_LANG = 60;
/** Queries per language typed into <muni-kb-search> key by key for its input-to-paint time. */
const PAINT_QUERIES = Number(process.env.BENCH_PAINT_QUERIES ?? 20);

type Lang = 'en' | 'fr';
interface Doc { id: string; slug: string; title: string; summary: string; keywords: string[]; categoryId: string | null; categoryName: string | null }
interface Query { q: string; expect: string[] }

// ---------------------------------------------------------------------------------------------
// Corpus

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topic {
  category: [string, string, string];
  en: { title: string; summary: string; keywords: string[]; ask: string[] };
  fr: { title: string; summary: string; keywords: string[]; ask: string[] };
}
const CATEGORIES = {
  waste: ['cat-waste', 'Waste & recycling', 'Déchets et recyclage'],
  roads: ['cat-roads', 'Roads & winter', 'Routes et hiver'],
  water: ['cat-water', 'Water & sewer', 'Eau et égouts'],
  animals: ['cat-animals', 'Animals & pets', 'Animaux de compagnie'],
  taxes: ['cat-taxes', 'Taxes & payments', 'Taxes et paiements'],
  permits: ['cat-permits', 'Permits & by-laws', 'Permis et règlements'],
  parks: ['cat-parks', 'Parks & recreation', 'Parcs et loisirs'],
} as const satisfies Record<string, [string, string, string]>;
const t = (category: keyof typeof CATEGORIES, en: Topic['en'], fr: Topic['fr']): Topic => ({ category: [...CATEGORIES[category]], en, fr });

// {place}, {day}, {street}, {n}, {month} are filled per article.
const TOPICS: Topic[] = [
  t('waste', { title: 'Garbage collection schedule', summary: 'Garbage is collected on {day} in {place}. Set out bags by 7 a.m. on {street}; holidays move pick-up one day later.', keywords: ['garbage day', 'trash', 'pickup day'], ask: ['garbage', 'day', 'trash', 'pickup'] },
    { title: 'Horaire de la collecte des ordures', summary: 'Les ordures sont ramassées le {day} à {place}. Sortez les sacs avant 7 h sur {street}; les jours fériés décalent la collecte.', keywords: ['jour des vidanges', 'ordures', 'poubelle'], ask: ['ordures', 'collecte', 'vidanges', 'poubelles'] }),
  t('waste', { title: 'Green bin and compost', summary: 'Food scraps and soiled paper go in the green bin, collected every week in {place}. Kitchen catchers are {n} $ at the depot.', keywords: ['green bin', 'compost', 'organics'], ask: ['green', 'bin', 'compost'] },
    { title: 'Bac vert et compostage', summary: 'Les restes de table et le papier souillé vont dans le bac vert, ramassé chaque semaine à {place}. Le mini-bac coûte {n} $ au dépôt.', keywords: ['bac vert', 'compost', 'matières organiques'], ask: ['bac', 'vert', 'compost'] }),
  t('waste', { title: 'Blue box recycling', summary: 'Cans, bottles, paper and cardboard go together in the blue box in {place}. Flatten boxes and rinse containers.', keywords: ['recycling', 'blue box', 'cardboard'], ask: ['recycling', 'blue', 'box', 'cardboard'] },
    { title: 'Recyclage du bac bleu', summary: 'Canettes, bouteilles, papier et carton vont ensemble dans le bac bleu à {place}. Aplatissez les boîtes et rincez les contenants.', keywords: ['recyclage', 'bac bleu', 'carton'], ask: ['recyclage', 'bac', 'bleu', 'carton'] }),
  t('waste', { title: 'Bulky item pick-up', summary: 'Book a curbside pick-up of furniture, mattresses and appliances in {place}; up to {n} items per visit.', keywords: ['bulky items', 'furniture', 'mattress', 'couch'], ask: ['mattress', 'couch', 'furniture', 'bulky'] },
    { title: 'Collecte des objets encombrants', summary: 'Prenez rendez-vous pour faire ramasser meubles, matelas et électroménagers à {place}; jusqu’à {n} objets par visite.', keywords: ['encombrants', 'meubles', 'matelas', 'divan'], ask: ['matelas', 'divan', 'meubles', 'encombrants'] }),
  t('waste', { title: 'Household hazardous waste day', summary: 'Bring paint, batteries, propane tanks and chemicals to the {place} depot on the second {day} of {month}.', keywords: ['hazardous waste', 'paint', 'batteries'], ask: ['paint', 'batteries', 'hazardous'] },
    { title: 'Journée des déchets domestiques dangereux', summary: 'Apportez peinture, piles, bonbonnes de propane et produits chimiques au dépôt de {place} le deuxième {day} de {month}.', keywords: ['déchets dangereux', 'peinture', 'piles'], ask: ['peinture', 'piles', 'dangereux'] }),
  t('waste', { title: 'Leaf and yard waste collection', summary: 'Leaves, branches and grass clippings are picked up every second {day} in {place} from April to November.', keywords: ['yard waste', 'leaves', 'branches'], ask: ['leaves', 'yard', 'branches'] },
    { title: 'Collecte des feuilles et résidus verts', summary: 'Les feuilles, branches et gazon coupé sont ramassés un {day} sur deux à {place}, d’avril à novembre.', keywords: ['résidus verts', 'feuilles mortes', 'branches'], ask: ['feuilles', 'branches', 'residus'] }),
  t('roads', { title: 'Winter overnight parking ban', summary: 'No parking on {street} or any street in {place} between 2 a.m. and 7 a.m. from November 15 to April 1.', keywords: ['winter parking', 'overnight parking', 'tow'], ask: ['overnight', 'parking', 'winter'] },
    { title: 'Interdiction de stationner la nuit en hiver', summary: 'Stationnement interdit sur {street} et dans toutes les rues de {place} entre 2 h et 7 h, du 15 novembre au 1er avril.', keywords: ['stationnement hiver', 'stationnement de nuit', 'remorquage'], ask: ['stationnement', 'nuit', 'hiver'] }),
  t('roads', { title: 'Snow plowing routes', summary: 'Main roads in {place} are plowed first, then {street} and side streets within {n} hours after a storm.', keywords: ['snow plow', 'snow removal', 'plowing'], ask: ['plow', 'snow', 'plowing'] },
    { title: 'Circuits de déneigement', summary: 'Les routes principales de {place} sont déneigées en premier, puis {street} et les rues secondaires en {n} heures après une tempête.', keywords: ['déneigement', 'chasse-neige', 'charrue'], ask: ['deneigement', 'charrue', 'neige'] }),
  t('roads', { title: 'Report a pothole', summary: 'Report potholes on {street} and other roads in {place}; crews repair most within {n} days.', keywords: ['pothole', 'road repair', 'hole in road'], ask: ['pothole', 'road', 'hole'] },
    { title: 'Signaler un nid-de-poule', summary: 'Signalez les nids-de-poule sur {street} et les autres routes de {place}; la plupart sont réparés en {n} jours.', keywords: ['nid-de-poule', 'nid de poule', 'réparation de route'], ask: ['nid', 'poule', 'trou'] }),
  t('roads', { title: 'Streetlight outages', summary: 'A streetlight out or flickering on {street} in {place}? Give the pole number; repairs take about {n} days.', keywords: ['streetlight', 'street light', 'light out'], ask: ['streetlight', 'light', 'out'] },
    { title: 'Lampadaires éteints', summary: 'Un lampadaire éteint ou qui clignote sur {street} à {place}? Donnez le numéro du poteau; la réparation prend environ {n} jours.', keywords: ['lampadaire', 'éclairage de rue', 'lumière éteinte'], ask: ['lampadaire', 'eclairage', 'eteint'] }),
  t('water', { title: 'Boil water advisory', summary: 'A boil water advisory is in effect for {street} in {place} until further notice. Boil tap water for one minute.', keywords: ['boil water', 'drinking water', 'safe to drink'], ask: ['boil', 'water', 'advisory'] },
    { title: 'Avis d’ébullition de l’eau', summary: 'Un avis d’ébullition est en vigueur pour {street} à {place} jusqu’à nouvel ordre. Faites bouillir l’eau une minute.', keywords: ['avis d’ébullition', 'eau potable', 'faire bouillir l’eau'], ask: ['ebullition', 'avis', 'eau'] }),
  t('water', { title: 'Water meter reading', summary: 'Meters in {place} are read every {n} months. Check for leaks yourself before calling about a high bill.', keywords: ['water meter', 'meter reading', 'water bill'], ask: ['meter', 'water', 'bill'] },
    { title: 'Lecture du compteur d’eau', summary: 'Les compteurs de {place} sont relevés tous les {n} mois. Vérifiez s’il y a une fuite avant d’appeler pour une facture élevée.', keywords: ['compteur d’eau', 'lecture du compteur', 'facture d’eau'], ask: ['compteur', 'eau', 'facture'] }),
  t('water', { title: 'Frozen pipes and water service', summary: 'No water on a cold morning in {place}? Thaw the pipe slowly; the Township thaws lines on {street} side of the valve.', keywords: ['frozen pipes', 'no water', 'thaw'], ask: ['frozen', 'pipes', 'thaw'] },
    { title: 'Tuyaux gelés et entrée d’eau', summary: 'Plus d’eau par un matin froid à {place}? Dégelez le tuyau lentement; le Canton dégèle la conduite du côté de {street}.', keywords: ['tuyaux gelés', 'pas d’eau', 'dégeler'], ask: ['tuyaux', 'geles', 'degeler'] }),
  t('water', { title: 'Sewer backup and basement flooding', summary: 'A sewer backup in {place}: call us first. A backwater valve subsidy of up to {n} $ helps protect your basement.', keywords: ['sewer backup', 'basement flooding', 'backwater valve'], ask: ['sewer', 'basement', 'flooding'] },
    { title: 'Refoulement d’égout et sous-sol inondé', summary: 'Un refoulement d’égout à {place} : appelez-nous d’abord. Une subvention jusqu’à {n} $ aide à installer un clapet antiretour.', keywords: ['refoulement d’égout', 'sous-sol inondé', 'clapet antiretour'], ask: ['egout', 'sous-sol', 'inonde'] }),
  t('water', { title: 'Lawn watering schedule', summary: 'Odd-even watering days in {place} from June to September; no watering on {day} during a drought.', keywords: ['lawn watering', 'sprinkler', 'watering days'], ask: ['watering', 'lawn', 'sprinkler'] },
    { title: 'Horaire d’arrosage des pelouses', summary: 'Arrosage selon les adresses paires et impaires à {place} de juin à septembre; aucun arrosage le {day} en période de sécheresse.', keywords: ['arrosage', 'gicleurs', 'jours d’arrosage'], ask: ['arrosage', 'pelouse', 'gicleurs'] }),
  t('animals', { title: 'Dog licences', summary: 'Every dog in {place} needs a licence tag, renewed each year by March 31 ({n} $ if spayed or neutered).', keywords: ['dog licence', 'dog license', 'dog tag'], ask: ['dog', 'licence', 'tag'] },
    { title: 'Licences pour chien', summary: 'Tous les chiens de {place} doivent porter une médaille, renouvelée chaque année avant le 31 mars ({n} $ si stérilisé).', keywords: ['licence de chien', 'médaille de chien', 'renouvellement'], ask: ['licence', 'chien', 'medaille'] }),
  t('animals', { title: 'Lost and found pets', summary: 'Lost a pet in {place} or found a stray on {street}? The pound keeps animals for {n} days.', keywords: ['lost dog', 'lost cat', 'stray'], ask: ['lost', 'cat', 'stray'] },
    { title: 'Animaux perdus ou trouvés', summary: 'Animal perdu à {place} ou animal errant trouvé sur {street}? La fourrière garde les animaux {n} jours.', keywords: ['chien perdu', 'chat perdu', 'animal errant'], ask: ['perdu', 'chat', 'errant'] }),
  t('animals', { title: 'Coyotes and wildlife', summary: 'Coyotes, raccoons and skunks live near {street} in {place}. The Township removes only dead animals from roads.', keywords: ['wildlife', 'coyote', 'raccoon'], ask: ['coyote', 'raccoon', 'wildlife'] },
    { title: 'Coyotes et animaux sauvages', summary: 'Coyotes, ratons laveurs et mouffettes vivent près de {street} à {place}. Le Canton ne ramasse que les animaux morts sur la route.', keywords: ['faune', 'coyote', 'raton laveur'], ask: ['coyote', 'raton', 'mouffette'] }),
  t('taxes', { title: 'Property tax due dates', summary: 'Property taxes in {place} are due in four instalments; the next is on {month} {n}. Late payments carry a penalty.', keywords: ['property tax', 'due date', 'instalment'], ask: ['tax', 'due', 'property'] },
    { title: 'Échéances des taxes foncières', summary: 'Les taxes foncières de {place} sont payables en quatre versements; le prochain est le {n} {month}. Des pénalités s’appliquent aux retards.', keywords: ['taxes foncières', 'échéance', 'versement'], ask: ['taxes', 'echeance', 'foncieres'] }),
  t('taxes', { title: 'Pay your bill online', summary: 'Pay taxes or water bills for {place} through online banking or by credit card. Allow {n} business days.', keywords: ['pay online', 'online banking', 'credit card'], ask: ['pay', 'online', 'bill'] },
    { title: 'Payer votre compte en ligne', summary: 'Payez les taxes ou le compte d’eau de {place} par services bancaires en ligne ou carte de crédit. Prévoyez {n} jours ouvrables.', keywords: ['payer en ligne', 'services bancaires', 'carte de crédit'], ask: ['payer', 'ligne', 'compte'] }),
  t('permits', { title: 'Building permits', summary: 'A deck, shed or addition in {place} needs a building permit; review takes about {n} business days.', keywords: ['building permit', 'deck', 'shed', 'renovation'], ask: ['building', 'permit', 'deck', 'shed'] },
    { title: 'Permis de construire', summary: 'Une terrasse, un cabanon ou un agrandissement à {place} exige un permis de construire; l’étude prend environ {n} jours ouvrables.', keywords: ['permis de construire', 'terrasse', 'cabanon', 'rénovation'], ask: ['permis', 'construire', 'cabanon', 'terrasse'] }),
  t('permits', { title: 'Fence height rules', summary: 'Fences in {place} may be up to {n} m in back yards and 1 m in front yards, with corner-lot limits on {street}.', keywords: ['fence', 'fence height', 'property line'], ask: ['fence', 'height', 'neighbour'] },
    { title: 'Hauteur des clôtures', summary: 'Les clôtures à {place} peuvent atteindre {n} m en cour arrière et 1 m en cour avant, avec des limites aux terrains d’angle sur {street}.', keywords: ['clôture', 'hauteur de clôture', 'limite de propriété'], ask: ['cloture', 'hauteur', 'voisin'] }),
  t('permits', { title: 'Noise by-law and quiet hours', summary: 'Quiet hours in {place} are 11 p.m. to 7 a.m.; construction on {street} is limited to daytime.', keywords: ['noise', 'quiet hours', 'loud music'], ask: ['noise', 'quiet', 'loud'] },
    { title: 'Règlement sur le bruit', summary: 'Les heures de silence à {place} vont de 23 h à 7 h; les travaux sur {street} sont limités au jour.', keywords: ['bruit', 'heures de silence', 'musique forte'], ask: ['bruit', 'silence', 'musique'] }),
  t('permits', { title: 'Burn permits and fire bans', summary: 'Open burning in {place} needs a free burn permit; campfires are allowed unless a fire ban is on since {month} {n}.', keywords: ['burn permit', 'campfire', 'fire ban'], ask: ['burn', 'campfire', 'fire'] },
    { title: 'Permis de brûlage et interdictions de feux', summary: 'Le brûlage à ciel ouvert à {place} exige un permis gratuit; les feux de camp sont permis sauf interdiction depuis le {n} {month}.', keywords: ['permis de brûlage', 'feu de camp', 'interdiction de feux'], ask: ['brulage', 'feu', 'camp'] }),
  t('parks', { title: 'Park pavilion rentals', summary: 'Book the {place} park pavilion or sports field for parties and events; {n} $ per half day.', keywords: ['park rental', 'pavilion', 'sports field'], ask: ['pavilion', 'rent', 'park'] },
    { title: 'Location de pavillons de parc', summary: 'Réservez le pavillon ou le terrain sportif du parc de {place} pour vos fêtes et événements; {n} $ la demi-journée.', keywords: ['location de parc', 'pavillon', 'terrain sportif'], ask: ['pavillon', 'louer', 'parc'] }),
  t('parks', { title: 'Public skating and outdoor rinks', summary: 'Public skating at the {place} arena on {day} evenings; the outdoor rink on {street} opens in {month}.', keywords: ['skating', 'public skate', 'outdoor rink'], ask: ['skating', 'rink', 'skate'] },
    { title: 'Patinage libre et patinoires extérieures', summary: 'Patinage libre à l’aréna de {place} le {day} soir; la patinoire extérieure sur {street} ouvre en {month}.', keywords: ['patinage', 'patinage libre', 'patinoire extérieure'], ask: ['patinage', 'patinoire', 'libre'] }),
];

const PLACE_PREFIXES = ['Saint-', 'Sainte-', 'Lac-', 'Pointe-', 'Côte-', 'Rivière-', 'Mont-', 'Baie-'];
const PLACE_ROOTS = ['Éloi', 'Hélène', 'des-Érables', 'à-l’Ours', 'aux-Pins', 'Gérard', 'du-Moulin', 'Élise', 'des-Cèdres', 'Théodore',
  'de-l’Île', 'aux-Outardes', 'Bénoît', 'du-Héron', 'des-Îles', 'Agathe', 'd’Argent', 'Clément', 'aux-Castors', 'Ferréol',
  'du-Bouleau', 'Zénon', 'des-Perdrix', 'Aimé', 'à-la-Truite'];
const STREETS = ['rue Principale', 'chemin du Lac', 'Maple Street', 'boulevard de l’Église', 'Birch Road', 'rang Saint-Joseph', 'Shoreline Road', 'montée des Pionniers', 'avenue des Érables', 'Mill Lane'];
const DAYS = { en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'] };
const MONTHS = { en: ['January', 'March', 'May', 'June', 'September', 'October', 'December'], fr: ['janvier', 'mars', 'mai', 'juin', 'septembre', 'octobre', 'décembre'] };

const placeName = (p: number): string => `${PLACE_PREFIXES[p % PLACE_PREFIXES.length]}${PLACE_ROOTS[Math.floor(p / PLACE_PREFIXES.length) % PLACE_ROOTS.length]}`;
const slugify = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Article i: topic i mod 25 in place ⌊i / 25⌋ (so every corpus has every topic), in both languages. */
function corpus(size: number): Record<Lang, Doc[]> {
  const random = rng(size);
  const out: Record<Lang, Doc[]> = { en: [], fr: [] };
  for (let i = 0; i < size; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const place = placeName(Math.floor(i / TOPICS.length));
    const fill = (text: string, lang: Lang): string => text
      .replaceAll('{place}', place)
      .replaceAll('{street}', STREETS[Math.floor(random() * STREETS.length)]!)
      .replaceAll('{day}', DAYS[lang][Math.floor(random() * 5)]!)
      .replaceAll('{month}', MONTHS[lang][Math.floor(random() * 7)]!)
      .replaceAll('{n}', String(2 + Math.floor(random() * 60)));
    const pattern = Math.floor(random() * 3);
    for (const lang of ['en', 'fr'] as const) {
      const text = topic[lang];
      const title = pattern === 0 ? `${text.title} — ${place}`
        : pattern === 1 ? `${place} : ${text.title.charAt(0).toLowerCase()}${text.title.slice(1)}`
          : lang === 'en' ? `${text.title} in ${place}` : `${text.title} à ${place}`;
      out[lang].push({
        id: `gen-${i}`,
        slug: slugify(`${text.title}-${place}`),
        title,
        summary: fill(text.summary, lang),
        keywords: [...text.keywords, place],
        categoryId: topic.category[0],
        categoryName: lang === 'en' ? topic.category[1] : topic.category[2],
      });
    }
  }
  return out;
}

/** Queries as residents type them, each written for one article of the corpus. */
function labelledQueries(size: number, lang: Lang): Query[] {
  const random = rng(size * 7 + (lang === 'fr' ? 1 : 0));
  const queries: Query[] = [];
  for (let k = 0; k < QUERIES_PER_LANG; k++) {
    const i = Math.floor(((k + 0.5) * size) / QUERIES_PER_LANG);
    const topic = TOPICS[i % TOPICS.length]!;
    let place = placeName(Math.floor(i / TOPICS.length)).replace(/[-’]/g, ' ').toLowerCase();
    if (random() < 0.6) place = place.normalize('NFD').replace(/\p{M}/gu, '');
    const ask = [...topic[lang].ask].sort(() => random() - 0.5).slice(0, 2);
    if (random() < 0.3) {
      // One typo: a letter dropped in the middle of the longest topic word.
      const w = ask.reduce((a, b, j) => (b.length > ask[a]!.length ? j : a), 0);
      const word = ask[w]!;
      if (word.length >= 6) {
        const at = 2 + Math.floor(random() * (word.length - 4));
        ask[w] = word.slice(0, at) + word.slice(at + 1);
      }
    }
    const words = random() < 0.5 ? [...ask, place] : [place, ...ask];
    queries.push({ q: words.join(' '), expect: [`gen-${i}`] });
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------
// In the browser

const browserEntry = `
import Fuse from 'fuse.js';
import { STRATEGIES } from './packages/kb-search/test/fixtures/strategies.ts';
import { buildSearchEngine } from './packages/kb-search/src/search/engine.ts';
const quantile = (sorted, q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
window.benchStrategies = STRATEGIES.map((s) => s.name);
window.benchRun = (docs, lang, strategy, queries, keystrokeQueries, rounds) => {
  // Each round builds the searcher afresh (no cache carried over) and types the same keystrokes.
  const builds = [];
  const rows = [];
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    const search = STRATEGIES[strategy].build(docs, lang, Fuse);
    builds.push(performance.now() - t0);
    const times = [];
    for (const { q } of queries.slice(0, keystrokeQueries)) {
      for (let n = 1; n <= q.length; n++) {
        const typed = q.slice(0, n);
        const s = performance.now();
        search(typed, 10);
        times.push(performance.now() - s);
      }
    }
    rows.push(times);
    if (round === 0) for (const { q, expect } of queries) if (search(q, 3).some((id) => expect.includes(id))) hits++;
  }
  const first = [...rows[0]].sort((a, b) => a - b);
  const best = rows[0].map((_, k) => Math.min(...rows.map((r) => r[k]))).sort((a, b) => a - b);
  return {
    buildMs: builds[0], buildMinMs: Math.min(...builds), hits, total: queries.length, keystrokes: first.length,
    p50: quantile(first, 0.5), p95: quantile(first, 0.95), max: first[first.length - 1] ?? NaN,
    p50min: quantile(best, 0.5), p95min: quantile(best, 0.95),
  };
};
`;

// The index built as the element builds it (buildSearchEngine: slices between yields), with the
// longest slice (the longest main-thread task it causes) and Chromium's long tasks (> 50 ms) meanwhile.
const buildEntry = `
window.benchBuild = async (docs, lang) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  let longest = 0;
  let slices = 0;
  const t0 = performance.now();
  await buildSearchEngine(docs, { lang, Fuse, onSlice: (ms) => { slices++; if (ms > longest) longest = ms; } });
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { ms, longest, slices, longTasks: longTasks.length, longestLongTask: Math.max(0, ...longTasks) };
};
`;

// <muni-kb-search> itself on a page of its own origin, its index answered by the bench: a keystroke's
// time from the keydown (or beforeinput, for a letter with no key) to the element's rendered update
// (search + Lit render: "key→render") and to the next animation frame after it ("key→frame"; the frame
// is when the browser paints, so it also holds the wait for the display's next tick).
const elementEntry = `
import './packages/kb-search/src/define.ts';
const samples = [];
let pending;
let waiter;
addEventListener('keydown', (e) => { pending = e.timeStamp; }, true);
addEventListener('beforeinput', (e) => { pending ??= e.timeStamp; }, true);
addEventListener('input', () => {
  const t0 = pending ?? performance.now();
  pending = undefined;
  const el = document.querySelector('muni-kb-search');
  el.updateComplete.then(() => {
    const rendered = performance.now();
    requestAnimationFrame(() => {
      samples.push({ render: rendered - t0, frame: performance.now() - t0, rows: el.shadowRoot.querySelectorAll('[role="option"]').length });
      waiter?.();
    });
  });
});
window.benchSamples = samples;
window.benchWaitSample = (n) => samples.length >= n ? Promise.resolve() : new Promise((r) => { waiter = () => { if (samples.length >= n) { waiter = undefined; r(); } }; });
window.benchEngineReady = () => { const el = document.querySelector('muni-kb-search'); return el.engines?.has(el.uiLang) ?? false; };
`;

async function bundle(entry: string, format: 'iife' | 'esm' = 'iife'): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: 'bench-search-entry.js' },
    bundle: true,
    format,
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

/**
 * The longest task on a renderer's main thread in a Chromium trace (RunTask events): wall time, and
 * the thread's own CPU time (tdur), which leaves out the time a loaded machine did not run it.
 */
function longestTasks(trace: Buffer): { wall: number; cpu: number } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }> }).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let wall = 0;
  let cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !main.has(`${e.pid}:${e.tid}`)) continue;
    wall = Math.max(wall, (e.dur ?? 0) / 1000);
    cpu = Math.max(cpu, (e.tdur ?? 0) / 1000);
  }
  return { wall, cpu };
}

interface PaintFigures { keys: number; renderP50: number; renderP95: number; frameP50: number; frameP95: number; maxRows: number }

/** Types the first `count` labelled queries into the element, key by key, as a resident would. */
async function typeIntoElement(browser: Browser, script: string, docs: Doc[], lang: Lang, queries: Query[], count: number): Promise<PaintFigures> {
  const origin = 'http://bench.test';
  const categories = Object.values(CATEGORIES).map(([id, en, fr], i) => ({
    id, slug: id, name: lang === 'en' ? en : fr, articleCount: docs.filter((d) => d.categoryId === id).length, sort: i + 1,
  }));
  const index = JSON.stringify({ lang, categories, articles: docs.map((d, i) => ({ ...d, popularity: i % 97, updatedAt: '2026-10-01T12:00:00.000Z' })) });
  const context = await browser.newContext();
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="${lang}"><head><title>bench</title></head><body><main><muni-kb-search api="${origin}" town="bench"></muni-kb-search></main><script src="/element.js"></script></body></html>` });
    }
    if (url.pathname === '/element.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (url.pathname === '/api/v1/towns/bench/kb/index') return route.fulfill({ contentType: 'application/json', body: index });
    if (url.pathname === '/api/v1/towns/bench/kb/searches') return route.fulfill({ status: 204 });
    return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"not in the bench"}}' });
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const input = page.locator('muni-kb-search input[role="combobox"]');
  await input.click(); // the first focus starts building the engine
  await page.waitForFunction('window.benchEngineReady()', undefined, { timeout: 120_000, polling: 50 });
  let n = 0;
  for (const { q } of queries.slice(0, count)) {
    for (const ch of q) {
      await page.keyboard.type(ch);
      await page.evaluate((k) => (window as unknown as { benchWaitSample: (k: number) => Promise<void> }).benchWaitSample(k), ++n);
    }
    await input.press('Escape');
    await input.press('Escape'); // closes, then clears: ready for the next query
  }
  const samples = (await page.evaluate('window.benchSamples')) as Array<{ render: number; frame: number; rows: number }>;
  await context.close();
  const quantile = (values: number[], q: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  };
  const render = samples.map((x) => x.render);
  const frame = samples.map((x) => x.frame);
  return {
    keys: samples.length,
    renderP50: quantile(render, 0.5), renderP95: quantile(render, 0.95),
    frameP50: quantile(frame, 0.5), frameP95: quantile(frame, 0.95),
    maxRows: Math.max(0, ...samples.map((x) => x.rows)),
  };
}

async function main(): Promise<void> {
  const benchScript = await bundle(browserEntry + buildEntry);
  const elementScript = await bundle(elementEntry);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: benchScript });
  const names = (await page.evaluate('window.benchStrategies')) as string[];
  const strategies = (BASELINES ? names.map((_, i) => i) : [0]).filter((i) => !ONLY || ONLY.includes(i));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/fuse.js/package.json'), 'utf8')) as { version: string };
  console.log(`bench:search — Chromium ${browser.version()}, fuse.js ${version}, ${QUERIES_PER_LANG} labelled queries per language per corpus, ${ROUNDS} rounds`);
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs`);
  console.log(`(the engine types every query character by character; the fuse.js set-ups type the first ${BASELINE_KEYSTROKE_QUERIES} per language)\n`);

  const rows: string[][] = [];
  const summary: string[][] = [];
  for (const size of SIZES) {
    const docs = corpus(size);
    for (const lang of ['en', 'fr'] as const) {
      const json = JSON.stringify({ articles: docs[lang], lang });
      const gzip = zlib.gzipSync(json).length;
      const queries = labelledQueries(size, lang);
      let engineRow: { buildMs: number; p50: number; p95: number; hits: number; total: number } | undefined;
      for (const s of strategies) {
        const r = (await page.evaluate(
          ([d, l, i, q, k, r]) => (window as unknown as { benchRun: (...a: unknown[]) => unknown }).benchRun(d, l, i, q, k, r),
          [docs[lang], lang, s, queries, s === 0 ? queries.length : BASELINE_KEYSTROKE_QUERIES, s === 0 ? ROUNDS : BASELINE_ROUNDS] as const,
        )) as { buildMs: number; buildMinMs: number; hits: number; total: number; keystrokes: number; p50: number; p95: number; max: number; p50min: number; p95min: number };
        rows.push([String(size), lang, names[s]!, s === 0 ? `${(gzip / 1024).toFixed(1)} KB (${(json.length / 1024).toFixed(0)} KB raw)` : '',
          `${r.buildMs.toFixed(0)} / ${r.buildMinMs.toFixed(0)}`, String(r.keystrokes), r.p50.toFixed(2), r.p95.toFixed(2), r.max.toFixed(1), r.p50min.toFixed(2), r.p95min.toFixed(2), `${((100 * r.hits) / r.total).toFixed(1)} %`]);
        printTable(rows.slice(-1), rows.length === 1);
        if (s === 0) engineRow = r;
      }
      // A page of its own: the word cache the runs above filled would flatter the build.
      const buildPage = await browser.newPage();
      await buildPage.setContent('<!doctype html><html><body></body></html>');
      await buildPage.addScriptTag({ content: benchScript });
      // The articles are handed over first, so the trace holds the build, not the copy of its input.
      await buildPage.evaluate((d) => ((window as unknown as { benchDocs: unknown }).benchDocs = d), docs[lang]);
      await buildPage.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      await browser.startTracing(buildPage, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
      const built = (await buildPage.evaluate(
        (l) => (window as unknown as { benchBuild: (...a: unknown[]) => unknown; benchDocs: unknown }).benchBuild((window as unknown as { benchDocs: unknown }).benchDocs, l),
        lang,
      )) as { ms: number; longest: number; slices: number; longTasks: number; longestLongTask: number };
      const tasks = longestTasks(await browser.stopTracing());
      await buildPage.close();
      const paint = PAINT_QUERIES > 0 ? await typeIntoElement(browser, elementScript, docs[lang], lang, queries, PAINT_QUERIES) : undefined;
      const f = (v: number | undefined, digits = 1): string => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
      summary.push([
        String(size), lang, `${(gzip / 1024).toFixed(1)} KB`,
        engineRow ? f(engineRow.buildMs, 0) : '—', `${f(built.ms, 0)} (${built.slices})`, `${f(tasks.wall)} / ${f(tasks.cpu)}`,
        engineRow ? f(engineRow.p50, 2) : '—', engineRow ? f(engineRow.p95, 2) : '—',
        paint ? String(paint.keys) : '—', paint ? `${f(paint.renderP50)} / ${f(paint.renderP95)}` : '—', paint ? `${f(paint.frameP50)} / ${f(paint.frameP95)}` : '—', paint ? String(paint.maxRows) : '—',
        engineRow ? `${((100 * engineRow.hits) / engineRow.total).toFixed(1)} %` : '—',
      ]);
      printSummary(summary.slice(-1), summary.length === 1);
    }
  }
  await browser.close();
  console.log(`\nSummary (load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')})`);
  printTable(rows, true);
  console.log('\nThe element (<muni-kb-search>), engine figures from the first round above:');
  printSummary(summary, true);
  console.log('  build sync: createSearchEngine at once; sliced: buildSearchEngine as the element runs it (wall ms, slices);');
  console.log('  longest task wall / cpu: the longest task on the main thread while the sliced build ran (Chromium trace), wall ms / its own CPU ms');
  console.log('    (on a loaded machine the wall time includes the time the thread waited for a core; the CPU time is the work);');
  console.log(`  key→render / key→frame: keydown to the element's rendered update / to the next animation frame, p50 / p95 ms, ${PAINT_QUERIES} queries typed key by key; rows: most suggestions rendered.`);
  console.log('\nTargets: p95 ≤ 16 ms per keystroke at 1,000 and 5,000 articles; index ≤ 80 KB gzip at 1,000; hit@3 ≥ 95 %.');
}

const SUMMARY_HEADER = ['articles', 'lang', 'index gzip', 'build sync ms', 'sliced ms (n)', 'longest task wall/cpu', 'p50 ms', 'p95 ms', 'keys', 'key→render p50/p95', 'key→frame p50/p95', 'rows', 'hit@3'];
const SUMMARY_WIDTHS = [8, 4, 10, 13, 13, 21, 7, 7, 5, 18, 17, 4, 7];
function printSummary(rows: string[][], header: boolean): void {
  const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(SUMMARY_WIDTHS[i]!) : c.padStart(SUMMARY_WIDTHS[i]!))).join(' ');
  if (header) console.log(line(SUMMARY_HEADER));
  for (const row of rows) console.log(line(row));
}

const HEADER = ['articles', 'lang', 'strategy', 'index gzip', 'build ms 1st/min', 'keys', 'p50 ms', 'p95 ms', 'max ms', 'min p50', 'min p95', 'hit@3'];
const WIDTHS = [8, 4, 40, 24, 16, 5, 7, 7, 7, 7, 7, 7];
function printTable(rows: string[][], header: boolean): void {
  const line = (cells: string[]): string => cells.map((c, i) => (i < 4 ? c.padEnd(WIDTHS[i]!) : c.padStart(WIDTHS[i]!))).join(' ');
  if (header) console.log(line(HEADER));
  for (const row of rows) console.log(line(row));
}

await main();
