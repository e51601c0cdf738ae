// Demo content for the fictional Township of Lakeview / Canton de Lakeview (Ontario).
// Everything here is made up: names, streets, phone numbers (555-01xx) and .example addresses.

import { loadKbContent } from './kb-content.ts';
import type { Bilingual, SeedData, SeedDepartment, SeedQuestion, SeedRequest, SeedService } from './seed-types.ts';

/** The knowledge base: Markdown files with front matter a clerk can edit (content/kb/, see its README). */
const kb = loadKbContent(new URL('./content/kb/', import.meta.url));

const yesNo: { key: string; name: Bilingual }[] = [
  { key: 'yes', name: { en: 'Yes', fr: 'Oui' } },
  { key: 'no', name: { en: 'No', fr: 'Non' } },
];

const emergencyNote = (order: number): SeedQuestion => ({
  code: 'emergency-note',
  datatype: 'string',
  required: false,
  variable: false,
  order,
  label: {
    en: 'For emergencies or danger to life, call 911.',
    fr: 'En cas d’urgence ou de danger pour la vie, composez le 911.',
  },
  description: {
    en: 'This form is not monitored after hours. For an urgent water, sewer or road problem outside office hours, call the after-hours line at 613-555-0199.',
    fr: 'Ce formulaire n’est pas surveillé en dehors des heures de bureau. Pour un problème urgent d’eau, d’égout ou de route après les heures, appelez la ligne de garde au 613-555-0199.',
  },
});

const departments: SeedDepartment[] = [
  { id: 'public-works', name: { en: 'Public Works', fr: 'Travaux publics' }, email: 'publicworks@lakeview.example' },
  { id: 'roads', name: { en: 'Roads', fr: 'Voirie' }, email: 'roads@lakeview.example' },
  { id: 'bylaw', name: { en: 'By-law Enforcement', fr: 'Application des règlements municipaux' }, email: 'bylaw@lakeview.example' },
  { id: 'waste', name: { en: 'Waste & Recycling', fr: 'Déchets et recyclage' }, email: 'waste@lakeview.example' },
  { id: 'water', name: { en: 'Water & Wastewater', fr: 'Eau potable et eaux usées' }, email: 'water@lakeview.example' },
  { id: 'animal-control', name: { en: 'Animal Control', fr: 'Contrôle des animaux' }, email: 'animals@lakeview.example' },
  { id: 'clerk', name: { en: 'Clerk’s Office', fr: 'Bureau du greffe' }, email: 'clerk@lakeview.example' },
];

const groups = {
  roads: { en: 'Roads & sidewalks', fr: 'Routes et trottoirs' },
  lights: { en: 'Streetlights', fr: 'Éclairage des rues' },
  waste: { en: 'Garbage & recycling', fr: 'Ordures et recyclage' },
  bylaw: { en: 'By-law complaints', fr: 'Plaintes – règlements municipaux' },
  water: { en: 'Water & sewer', fr: 'Eau et égouts' },
  animals: { en: 'Animals', fr: 'Animaux' },
} satisfies Record<string, Bilingual>;

const services: SeedService[] = [
  {
    code: 'pothole',
    name: { en: 'Pothole', fr: 'Nid-de-poule' },
    description: {
      en: 'Report a pothole on a Township road, lane or municipal parking lot.',
      fr: 'Signaler un nid-de-poule sur un chemin, une ruelle ou un stationnement municipal du Canton.',
    },
    group: groups.roads,
    keywords: {
      en: ['pothole', 'hole in road', 'road damage', 'crack', 'pavement', 'asphalt'],
      fr: ['nid-de-poule', 'nid de poule', 'trou dans la rue', 'chaussée', 'asphalte', 'route abîmée'],
    },
    departmentId: 'roads',
    anonymousAllowed: true,
    targetDays: 5,
    questions: [
      {
        code: 'pothole-size',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'About how big is it?', fr: 'Quelle est sa taille approximative?' },
        values: [
          { key: 'small', name: { en: 'Smaller than a dinner plate', fr: 'Plus petit qu’une assiette' } },
          { key: 'medium', name: { en: 'About the size of a tire', fr: 'Environ la taille d’un pneu' } },
          { key: 'large', name: { en: 'Larger than a tire', fr: 'Plus grand qu’un pneu' } },
        ],
      },
      {
        code: 'lane',
        datatype: 'singlevaluelist',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Where on the road is it?', fr: 'Où se trouve-t-il sur la chaussée?' },
        values: [
          { key: 'driving-lane', name: { en: 'In a driving lane', fr: 'Dans une voie de circulation' } },
          { key: 'shoulder', name: { en: 'On the shoulder or curb', fr: 'Sur l’accotement ou près de la bordure' } },
          { key: 'bike-lane', name: { en: 'In a bike lane', fr: 'Dans une piste cyclable' } },
        ],
      },
    ],
  },
  {
    code: 'streetlight-out',
    name: { en: 'Streetlight out', fr: 'Lampadaire défectueux' },
    description: {
      en: 'Report a streetlight that is out, flickering or on during the day.',
      fr: 'Signaler un lampadaire éteint, qui clignote ou qui reste allumé le jour.',
    },
    group: groups.lights,
    keywords: {
      en: ['streetlight', 'street light', 'light out', 'lamp post', 'flickering', 'dark street'],
      fr: ['lampadaire', 'éclairage', 'lumière de rue', 'réverbère', 'clignote', 'rue sombre'],
    },
    departmentId: 'public-works',
    anonymousAllowed: true,
    targetDays: 10,
    questions: [
      {
        code: 'pole-number',
        datatype: 'string',
        required: false,
        variable: true,
        order: 1,
        label: { en: 'Pole number (if visible)', fr: 'Numéro du poteau (s’il est visible)' },
        description: {
          en: 'Most poles have a small metal tag at eye level, for example LV-0421.',
          fr: 'La plupart des poteaux portent une petite plaque métallique à hauteur des yeux, par exemple LV-0421.',
        },
      },
      {
        code: 'light-problem',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 2,
        label: { en: 'What is the problem?', fr: 'Quel est le problème?' },
        values: [
          { key: 'out', name: { en: 'Light is out', fr: 'La lumière est éteinte' } },
          { key: 'flickering', name: { en: 'Light flickers', fr: 'La lumière clignote' } },
          { key: 'day-burning', name: { en: 'Light stays on during the day', fr: 'La lumière reste allumée le jour' } },
          { key: 'damaged', name: { en: 'Pole or fixture is damaged', fr: 'Le poteau ou le luminaire est endommagé' } },
        ],
      },
    ],
  },
  {
    code: 'sidewalk-damage',
    name: { en: 'Sidewalk damage', fr: 'Trottoir endommagé' },
    description: {
      en: 'Report a cracked, heaved or broken sidewalk that could cause someone to trip.',
      fr: 'Signaler un trottoir fissuré, soulevé ou brisé qui pourrait faire trébucher quelqu’un.',
    },
    group: groups.roads,
    keywords: {
      en: ['sidewalk', 'trip hazard', 'cracked sidewalk', 'uneven', 'curb', 'walkway'],
      fr: ['trottoir', 'risque de chute', 'trottoir fissuré', 'dalle soulevée', 'bordure', 'chemin piétonnier'],
    },
    departmentId: 'public-works',
    anonymousAllowed: true,
    targetDays: 20,
    questions: [
      {
        code: 'damage-type',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'Type of damage', fr: 'Type de dommage' },
        values: [
          { key: 'crack', name: { en: 'Crack', fr: 'Fissure' } },
          { key: 'heaved', name: { en: 'Raised or sunken slab', fr: 'Dalle soulevée ou affaissée' } },
          { key: 'missing', name: { en: 'Broken or missing section', fr: 'Section brisée ou manquante' } },
        ],
      },
      {
        code: 'trip-hazard',
        datatype: 'singlevaluelist',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Has someone tripped or been hurt?', fr: 'Quelqu’un a-t-il trébuché ou s’est-il blessé?' },
        values: yesNo,
      },
    ],
  },
  {
    code: 'winter-road-maintenance',
    name: { en: 'Snow plowing or icy road', fr: 'Déneigement ou chaussée glacée' },
    description: {
      en: 'Report a road or sidewalk that has not been plowed, an icy spot, or damage caused by a plow.',
      fr: 'Signaler une rue ou un trottoir non déneigé, une plaque de glace ou des dommages causés par une charrue.',
    },
    group: groups.roads,
    keywords: {
      en: ['snow', 'plow', 'plowing', 'snowplow', 'ice', 'icy', 'salt', 'sanding', 'windrow'],
      fr: ['neige', 'déneigement', 'chasse-neige', 'charrue', 'glace', 'verglas', 'sel', 'sablage', 'andain'],
    },
    departmentId: 'roads',
    anonymousAllowed: true,
    targetDays: 2,
    questions: [
      {
        code: 'winter-issue',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'What do you need to report?', fr: 'Que voulez-vous signaler?' },
        values: [
          { key: 'not-plowed', name: { en: 'Road not plowed', fr: 'Rue non déneigée' } },
          { key: 'icy', name: { en: 'Icy road or intersection', fr: 'Rue ou intersection glacée' } },
          { key: 'sidewalk', name: { en: 'Sidewalk not cleared', fr: 'Trottoir non déneigé' } },
          { key: 'plow-damage', name: { en: 'Plow damage (mailbox, lawn, curb)', fr: 'Dommages causés par la charrue (boîte aux lettres, pelouse, bordure)' } },
        ],
      },
      {
        code: 'plow-priorities-note',
        datatype: 'string',
        required: false,
        variable: false,
        order: 2,
        label: {
          en: 'Main roads and school bus routes are cleared first; residential streets are usually done within 24 hours after the snow stops.',
          fr: 'Les artères principales et les trajets d’autobus scolaires sont déneigés en premier; les rues résidentielles le sont habituellement dans les 24 heures suivant la fin de la chute de neige.',
        },
      },
    ],
  },
  {
    code: 'missed-garbage',
    name: { en: 'Missed garbage pick-up', fr: 'Collecte des ordures manquée' },
    description: {
      en: 'Your garbage was out by 7 a.m. on collection day but was not picked up.',
      fr: 'Vos ordures étaient en bordure de rue à 7 h le jour de la collecte, mais n’ont pas été ramassées.',
    },
    group: groups.waste,
    keywords: {
      en: ['garbage', 'trash', 'rubbish', 'missed pickup', 'not collected', 'bin', 'waste'],
      fr: ['ordures', 'déchets', 'poubelle', 'collecte manquée', 'pas ramassé', 'bac', 'vidanges'],
    },
    departmentId: 'waste',
    anonymousAllowed: true,
    targetDays: 2,
    questions: [
      {
        code: 'set-out-time',
        datatype: 'datetime',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'When did you put your garbage out?', fr: 'Quand avez-vous sorti vos ordures?' },
      },
      {
        code: 'bag-count',
        datatype: 'number',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'How many bags or cans were left?', fr: 'Combien de sacs ou de poubelles ont été laissés?' },
        description: {
          en: 'The limit is two bags or cans per household each week, plus tagged extra bags.',
          fr: 'La limite est de deux sacs ou poubelles par ménage par semaine, plus les sacs supplémentaires étiquetés.',
        },
      },
    ],
  },
  {
    code: 'missed-recycling',
    name: { en: 'Missed recycling or green bin', fr: 'Collecte du recyclage ou du bac vert manquée' },
    description: {
      en: 'Your blue box, green bin or yard waste was set out on time but was not collected.',
      fr: 'Votre bac bleu, votre bac vert ou vos résidus verts étaient sortis à temps, mais n’ont pas été ramassés.',
    },
    group: groups.waste,
    keywords: {
      en: ['recycling', 'blue box', 'green bin', 'compost', 'organics', 'yard waste', 'missed pickup'],
      fr: ['recyclage', 'bac bleu', 'bac vert', 'compost', 'matières organiques', 'résidus verts', 'collecte manquée'],
    },
    departmentId: 'waste',
    anonymousAllowed: true,
    targetDays: 2,
    questions: [
      {
        code: 'streams',
        datatype: 'multivaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'What was missed?', fr: 'Qu’est-ce qui n’a pas été ramassé?' },
        values: [
          { key: 'blue-box', name: { en: 'Blue box (recycling)', fr: 'Bac bleu (recyclage)' } },
          { key: 'green-bin', name: { en: 'Green bin (food waste)', fr: 'Bac vert (résidus alimentaires)' } },
          { key: 'yard-waste', name: { en: 'Yard waste bags', fr: 'Sacs de résidus verts' } },
        ],
      },
    ],
  },
  {
    code: 'illegal-dumping',
    name: { en: 'Illegal dumping', fr: 'Dépôt sauvage de déchets' },
    description: {
      en: 'Report garbage, furniture, tires or other items dumped on public land, a roadside or a park.',
      fr: 'Signaler des ordures, des meubles, des pneus ou d’autres objets abandonnés sur un terrain public, en bordure de route ou dans un parc.',
    },
    group: groups.waste,
    keywords: {
      en: ['illegal dumping', 'dumped', 'littering', 'abandoned furniture', 'tires', 'mattress', 'junk'],
      fr: ['dépôt sauvage', 'déchets abandonnés', 'détritus', 'meubles abandonnés', 'pneus', 'matelas', 'cochonneries'],
    },
    departmentId: 'waste',
    anonymousAllowed: true,
    targetDays: 5,
    questions: [
      {
        code: 'dumped-items',
        datatype: 'text',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'What was dumped?', fr: 'Qu’est-ce qui a été abandonné?' },
        description: {
          en: 'Do not touch needles, chemicals or containers that may hold hazardous material.',
          fr: 'Ne touchez pas aux seringues, aux produits chimiques ni aux contenants qui pourraient renfermer des matières dangereuses.',
        },
      },
      {
        code: 'item-count',
        datatype: 'number',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Approximate number of items or bags', fr: 'Nombre approximatif d’objets ou de sacs' },
      },
    ],
  },
  {
    code: 'noise-complaint',
    name: { en: 'Noise complaint', fr: 'Plainte pour bruit' },
    description: {
      en: 'Report ongoing noise that breaks the Noise By-law, such as construction outside permitted hours or repeated loud music.',
      fr: 'Signaler un bruit persistant contraire au règlement sur le bruit, comme des travaux en dehors des heures permises ou de la musique forte à répétition.',
    },
    group: groups.bylaw,
    keywords: {
      en: ['noise', 'loud', 'music', 'party', 'construction noise', 'barking', 'quiet hours'],
      fr: ['bruit', 'bruyant', 'musique', 'fête', 'bruit de chantier', 'jappement', 'heures de silence'],
    },
    departmentId: 'bylaw',
    anonymousAllowed: false,
    targetDays: 5,
    questions: [
      emergencyNote(1),
      {
        code: 'noise-source',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 2,
        label: { en: 'Source of the noise', fr: 'Source du bruit' },
        values: [
          { key: 'music', name: { en: 'Music or party', fr: 'Musique ou fête' } },
          { key: 'construction', name: { en: 'Construction or equipment', fr: 'Travaux ou machinerie' } },
          { key: 'animal', name: { en: 'Barking dog or other animal', fr: 'Chien qui jappe ou autre animal' } },
          { key: 'other', name: { en: 'Other', fr: 'Autre' } },
        ],
      },
      {
        code: 'noise-started',
        datatype: 'datetime',
        required: false,
        variable: true,
        order: 3,
        label: { en: 'When did it start?', fr: 'Quand le bruit a-t-il commencé?' },
      },
    ],
  },
  {
    code: 'parking-complaint',
    name: { en: 'Parking complaint', fr: 'Plainte de stationnement' },
    description: {
      en: 'Report a vehicle parked illegally, blocking a driveway or fire hydrant, or left on the street during the winter parking ban.',
      fr: 'Signaler un véhicule stationné illégalement, qui bloque une entrée ou une borne d’incendie, ou laissé dans la rue pendant l’interdiction de stationnement hivernale.',
    },
    group: groups.bylaw,
    keywords: {
      en: ['parking', 'parked car', 'blocked driveway', 'hydrant', 'abandoned vehicle', 'overnight parking'],
      fr: ['stationnement', 'voiture stationnée', 'entrée bloquée', 'borne-fontaine', 'véhicule abandonné', 'stationnement de nuit'],
    },
    departmentId: 'bylaw',
    anonymousAllowed: false,
    targetDays: 2,
    questions: [
      {
        code: 'parking-issue',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'What is the problem?', fr: 'Quel est le problème?' },
        values: [
          { key: 'driveway', name: { en: 'Blocking a driveway', fr: 'Bloque une entrée privée' } },
          { key: 'hydrant', name: { en: 'Too close to a fire hydrant', fr: 'Trop près d’une borne d’incendie' } },
          { key: 'winter-ban', name: { en: 'Overnight winter parking', fr: 'Stationnement de nuit en hiver' } },
          { key: 'abandoned', name: { en: 'Vehicle appears abandoned', fr: 'Véhicule qui semble abandonné' } },
        ],
      },
      {
        code: 'plate',
        datatype: 'string',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Licence plate (if known)', fr: 'Numéro de plaque (si connu)' },
      },
      {
        code: 'vehicle',
        datatype: 'string',
        required: false,
        variable: true,
        order: 3,
        label: { en: 'Vehicle make and colour', fr: 'Marque et couleur du véhicule' },
      },
    ],
  },
  {
    code: 'property-standards',
    name: { en: 'Property standards', fr: 'Normes d’entretien des propriétés' },
    description: {
      en: 'Report long grass, piled-up garbage, a derelict building or another property that is not kept up.',
      fr: 'Signaler un gazon trop long, des déchets accumulés, un bâtiment délabré ou une autre propriété mal entretenue.',
    },
    group: groups.bylaw,
    keywords: {
      en: ['property standards', 'long grass', 'weeds', 'junk in yard', 'unsafe building', 'derelict', 'eyesore'],
      fr: ['normes d’entretien', 'gazon long', 'mauvaises herbes', 'cour encombrée', 'bâtiment dangereux', 'bâtiment délabré', 'terrain négligé'],
    },
    departmentId: 'bylaw',
    anonymousAllowed: false,
    targetDays: 10,
    questions: [
      {
        code: 'standards-issue',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'Main issue', fr: 'Problème principal' },
        values: [
          { key: 'grass', name: { en: 'Long grass or weeds', fr: 'Gazon long ou mauvaises herbes' } },
          { key: 'debris', name: { en: 'Garbage or debris in the yard', fr: 'Déchets ou débris dans la cour' } },
          { key: 'building', name: { en: 'Unsafe or derelict building', fr: 'Bâtiment dangereux ou délabré' } },
          { key: 'other', name: { en: 'Other', fr: 'Autre' } },
        ],
      },
      {
        code: 'how-long',
        datatype: 'text',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'How long has this been going on?', fr: 'Depuis combien de temps dure la situation?' },
      },
    ],
  },
  {
    code: 'water-main-break',
    name: { en: 'Water main break or no water', fr: 'Bris d’aqueduc ou absence d’eau' },
    description: {
      en: 'Report water coming up through the road or sidewalk, or a home with no water at all.',
      fr: 'Signaler de l’eau qui jaillit de la chaussée ou du trottoir, ou une maison complètement privée d’eau.',
    },
    group: groups.water,
    keywords: {
      en: ['water main', 'watermain break', 'no water', 'water leak', 'flooding', 'water on road'],
      fr: ['conduite d’eau', 'bris d’aqueduc', 'pas d’eau', 'fuite d’eau', 'inondation', 'eau sur la route'],
    },
    departmentId: 'water',
    anonymousAllowed: true,
    targetDays: 1,
    questions: [
      emergencyNote(1),
      {
        code: 'water-situation',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 2,
        label: { en: 'What are you seeing?', fr: 'Que constatez-vous?' },
        values: [
          { key: 'water-on-road', name: { en: 'Water flowing on the road or sidewalk', fr: 'De l’eau coule sur la chaussée ou le trottoir' } },
          { key: 'no-water', name: { en: 'No water in my home', fr: 'Plus d’eau à la maison' } },
          { key: 'hydrant-leak', name: { en: 'Leaking fire hydrant', fr: 'Borne d’incendie qui fuit' } },
        ],
      },
    ],
  },
  {
    code: 'low-water-pressure',
    name: { en: 'Low water pressure', fr: 'Faible pression d’eau' },
    description: {
      en: 'Water still runs but the pressure is much lower than usual. Staff may need to arrange a visit.',
      fr: 'L’eau coule encore, mais la pression est bien plus faible que d’habitude. Le personnel pourrait devoir planifier une visite.',
    },
    group: groups.water,
    keywords: {
      en: ['water pressure', 'low pressure', 'weak tap', 'shower pressure', 'trickle'],
      fr: ['pression d’eau', 'faible pression', 'robinet faible', 'pression de la douche', 'filet d’eau'],
    },
    departmentId: 'water',
    anonymousAllowed: false,
    targetDays: 3,
    questions: [
      {
        code: 'all-taps',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'Is the pressure low at every tap?', fr: 'La pression est-elle faible à tous les robinets?' },
        description: {
          en: 'If only one tap is affected, the aerator screen at its tip is probably blocked.',
          fr: 'Si un seul robinet est touché, l’aérateur au bout du bec est probablement obstrué.',
        },
        values: yesNo,
      },
      {
        code: 'since-when',
        datatype: 'datetime',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Since when have you noticed it?', fr: 'Depuis quand l’avez-vous remarqué?' },
      },
    ],
  },
  {
    code: 'sewer-backup',
    name: { en: 'Sewer backup', fr: 'Refoulement d’égout' },
    description: {
      en: 'Report sewage backing up into your basement or overflowing from a manhole.',
      fr: 'Signaler des eaux usées qui refoulent dans votre sous-sol ou qui débordent d’un regard d’égout.',
    },
    group: groups.water,
    keywords: {
      en: ['sewer backup', 'sewage', 'basement flooding', 'floor drain', 'manhole', 'smell'],
      fr: ['refoulement d’égout', 'eaux usées', 'sous-sol inondé', 'drain de plancher', 'regard d’égout', 'odeur'],
    },
    departmentId: 'water',
    anonymousAllowed: false,
    targetDays: 1,
    questions: [
      emergencyNote(1),
      {
        code: 'backup-where',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 2,
        label: { en: 'Where is the backup?', fr: 'Où se produit le refoulement?' },
        values: [
          { key: 'floor-drain', name: { en: 'Basement floor drain', fr: 'Drain de plancher du sous-sol' } },
          { key: 'fixtures', name: { en: 'Toilet, sink or tub', fr: 'Toilette, lavabo ou baignoire' } },
          { key: 'manhole', name: { en: 'Manhole on the street', fr: 'Regard d’égout dans la rue' } },
        ],
      },
    ],
  },
  {
    code: 'stray-dog',
    name: { en: 'Stray or lost dog', fr: 'Chien errant ou perdu' },
    description: {
      en: 'Report a dog running at large, or a dog you have found or lost.',
      fr: 'Signaler un chien en liberté, ou un chien que vous avez trouvé ou perdu.',
    },
    group: groups.animals,
    keywords: {
      en: ['stray dog', 'lost dog', 'found dog', 'dog at large', 'loose dog', 'missing pet'],
      fr: ['chien errant', 'chien perdu', 'chien trouvé', 'chien en liberté', 'animal perdu', 'animal disparu'],
    },
    departmentId: 'animal-control',
    anonymousAllowed: true,
    targetDays: 1,
    questions: [
      {
        code: 'dog-description',
        datatype: 'text',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'Describe the dog (size, colour, breed, collar or tag)', fr: 'Décrivez le chien (taille, couleur, race, collier ou médaille)' },
      },
      {
        code: 'dog-status',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 2,
        label: { en: 'Which describes the situation?', fr: 'Quelle est la situation?' },
        values: [
          { key: 'running-loose', name: { en: 'Dog is running loose', fr: 'Le chien court en liberté' } },
          { key: 'contained', name: { en: 'I have the dog safely with me', fr: 'J’ai le chien en sécurité avec moi' } },
          { key: 'lost-mine', name: { en: 'My dog is lost', fr: 'Mon chien est perdu' } },
        ],
      },
      {
        code: 'last-seen',
        datatype: 'datetime',
        required: false,
        variable: true,
        order: 3,
        label: { en: 'When was it last seen?', fr: 'Quand a-t-il été vu pour la dernière fois?' },
      },
    ],
  },
  {
    code: 'dog-licence-question',
    name: { en: 'Dog licence question', fr: 'Question sur la licence de chien' },
    description: {
      en: 'Ask about buying, renewing or replacing a dog licence tag. We will reply by email or phone.',
      fr: 'Posez une question sur l’achat, le renouvellement ou le remplacement d’une médaille de licence pour chien. Nous vous répondrons par courriel ou par téléphone.',
    },
    group: groups.animals,
    keywords: {
      en: ['dog licence', 'dog license', 'dog tag', 'pet licence', 'renew licence', 'lost tag'],
      fr: ['licence de chien', 'médaille de chien', 'licence pour animal', 'renouveler la licence', 'médaille perdue'],
    },
    departmentId: 'animal-control',
    anonymousAllowed: false,
    targetDays: 5,
    questions: [
      {
        code: 'dog-count',
        datatype: 'number',
        required: false,
        variable: true,
        order: 1,
        label: { en: 'How many dogs live at your address?', fr: 'Combien de chiens vivent à votre adresse?' },
        description: {
          en: 'Residential properties may keep up to three dogs.',
          fr: 'Une propriété résidentielle peut compter jusqu’à trois chiens.',
        },
      },
      {
        code: 'tag-number',
        datatype: 'string',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Current tag number (if any)', fr: 'Numéro de la médaille actuelle (le cas échéant)' },
      },
    ],
  },
  {
    code: 'dead-animal',
    name: { en: 'Dead animal on road', fr: 'Animal mort sur la route' },
    description: {
      en: 'Report a dead animal on a Township road, sidewalk or park so crews can remove it.',
      fr: 'Signaler un animal mort sur un chemin, un trottoir ou dans un parc du Canton afin qu’une équipe le ramasse.',
    },
    group: groups.animals,
    keywords: {
      en: ['dead animal', 'roadkill', 'deer', 'raccoon', 'skunk', 'carcass'],
      fr: ['animal mort', 'animal frappé', 'chevreuil', 'raton laveur', 'mouffette', 'carcasse'],
    },
    departmentId: 'roads',
    anonymousAllowed: true,
    targetDays: 2,
    questions: [
      {
        code: 'animal-type',
        datatype: 'singlevaluelist',
        required: true,
        variable: true,
        order: 1,
        label: { en: 'Type of animal', fr: 'Type d’animal' },
        values: [
          { key: 'small', name: { en: 'Small (squirrel, raccoon, skunk, cat)', fr: 'Petit (écureuil, raton laveur, mouffette, chat)' } },
          { key: 'large', name: { en: 'Large (deer, coyote, dog)', fr: 'Gros (chevreuil, coyote, chien)' } },
          { key: 'bird', name: { en: 'Bird', fr: 'Oiseau' } },
        ],
      },
      {
        code: 'in-traffic',
        datatype: 'singlevaluelist',
        required: false,
        variable: true,
        order: 2,
        label: { en: 'Is it blocking traffic?', fr: 'Bloque-t-il la circulation?' },
        values: yesNo,
      },
    ],
  },
];

const requests: SeedRequest[] = [
  {
    serviceCode: 'pothole',
    status: 'received',
    description: 'Deep pothole in the eastbound lane of Maple Avenue, just past the crosswalk at Lakeview Public School. Cars are swerving around it at pick-up time.',
    locationText: '214 Maple Avenue, Lakeview',
    lat: 44.5012,
    lng: -78.2134,
    daysAgo: 1,
    publicNotes: [],
  },
  {
    serviceCode: 'streetlight-out',
    status: 'in_progress',
    description: 'Streetlight on pole LV-0421 has been out for about a week. The corner is very dark for people walking to the bus stop in the morning.',
    locationText: 'Birch Street at Cedar Lane',
    lat: 44.4978,
    lng: -78.2071,
    daysAgo: 6,
    contact: { name: 'Priya Sharma', email: 'priya.sharma@example.ca' },
    publicNotes: [
      {
        en: 'Our electrical contractor has confirmed a failed LED fixture. A replacement is scheduled for this week.',
        fr: 'Notre entrepreneur en électricité a confirmé qu’un luminaire à DEL est défectueux. Le remplacement est prévu cette semaine.',
      },
    ],
  },
  {
    serviceCode: 'missed-garbage',
    status: 'resolved',
    description: 'Garbage and green bin were out at 6:30 a.m. on Tuesday but the truck skipped our side of the street. Neighbours at 40 and 44 were missed too.',
    locationText: '42 Lakeshore Road, Lakeview',
    lat: 44.5046,
    lng: -78.1987,
    daysAgo: 12,
    contact: { name: 'Marc Tremblay', email: 'marc.tremblay@example.ca', phone: '613-555-0142' },
    publicNotes: [
      {
        en: 'The collection contractor confirmed the truck missed part of Lakeshore Road because of a mechanical problem.',
        fr: 'L’entrepreneur responsable de la collecte a confirmé qu’un bris mécanique a empêché le camion de terminer une partie du chemin Lakeshore.',
      },
      {
        en: 'Garbage and green bins on this block were collected Wednesday morning. Thank you for your patience.',
        fr: 'Les ordures et les bacs verts de ce tronçon ont été ramassés mercredi matin. Merci de votre patience.',
      },
    ],
  },
  {
    serviceCode: 'sidewalk-damage',
    status: 'on_hold',
    description: 'Sidewalk slab lifted about 5 cm by tree roots in front of the library entrance. An older man tripped on it last week.',
    locationText: '77 Main Street (Lakeview Public Library)',
    lat: 44.4995,
    lng: -78.2102,
    daysAgo: 20,
    contact: { email: 'h.nguyen@example.ca' },
    publicNotes: [
      {
        en: 'The area has been marked with safety paint. A permanent repair needs the ground to thaw and is scheduled for the spring sidewalk program.',
        fr: 'Le secteur a été marqué à la peinture de sécurité. La réparation permanente exige que le sol soit dégelé; elle est prévue dans le programme de réfection des trottoirs du printemps.',
      },
    ],
  },
];


export const demoTown: SeedData = {
  town: {
    id: 'lakeview',
    name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' },
    defaultLanguage: 'en',
    siteOrigins: ['http://127.0.0.1:8787', 'http://localhost:8787'],
    referencePrefix: 'LKV',
    timezone: 'America/Toronto',
    contact: {
      email: 'info@lakeview.example',
      phone: '613-555-0142',
      address: {
        en: 'Municipal Office, 1 Shoreline Road, Lakeview, Ontario',
        fr: 'Bureau municipal, 1, chemin Shoreline, Lakeview (Ontario)',
      },
    },
  },
  departments,
  services,
  categories: kb.categories,
  articles: kb.articles,
  requests,
};
