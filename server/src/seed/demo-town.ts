// Demo content for the fictional Township of Lakeview / Canton de Lakeview (Ontario).
// Everything here is made up: names, streets, phone numbers (555-01xx) and .example addresses.

import type { Bilingual, SeedArticle, SeedCategory, SeedData, SeedDepartment, SeedQuestion, SeedRequest, SeedService } from './seed-types.ts';

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
    en: 'This form is not monitored after hours. For an urgent water, sewer or road problem outside office hours, call the after-hours line at 705-555-0199.',
    fr: 'Ce formulaire n’est pas surveillé en dehors des heures de bureau. Pour un problème urgent d’eau, d’égout ou de route après les heures, appelez la ligne de garde au 705-555-0199.',
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

const categories: SeedCategory[] = [
  { id: 'cat-waste', slug: { en: 'waste-recycling', fr: 'dechets-recyclage' }, name: { en: 'Waste & recycling', fr: 'Déchets et recyclage' }, order: 1 },
  { id: 'cat-roads', slug: { en: 'roads-winter', fr: 'routes-hiver' }, name: { en: 'Roads & winter', fr: 'Routes et hiver' }, order: 2 },
  { id: 'cat-water', slug: { en: 'water-sewer', fr: 'eau-egouts' }, name: { en: 'Water & sewer', fr: 'Eau et égouts' }, order: 3 },
  { id: 'cat-animals', slug: { en: 'animals-pets', fr: 'animaux' }, name: { en: 'Animals & pets', fr: 'Animaux de compagnie' }, order: 4 },
  { id: 'cat-taxes', slug: { en: 'taxes-payments', fr: 'taxes-paiements' }, name: { en: 'Taxes & payments', fr: 'Taxes et paiements' }, order: 5 },
  { id: 'cat-permits', slug: { en: 'permits-bylaws', fr: 'permis-reglements' }, name: { en: 'Permits & by-laws', fr: 'Permis et règlements' }, order: 6 },
  { id: 'cat-parks', slug: { en: 'parks-recreation', fr: 'parcs-loisirs' }, name: { en: 'Parks & recreation', fr: 'Parcs et loisirs' }, order: 7 },
  { id: 'cat-council', slug: { en: 'council-town-hall', fr: 'conseil-hotel-de-ville' }, name: { en: 'Council & town hall', fr: 'Conseil et hôtel de ville' }, order: 8 },
];

const wasteArticles: SeedArticle[] = [
  {
    id: 'art-garbage-collection-schedule',
    categoryId: 'cat-waste',
    en: {
      slug: 'garbage-collection-schedule',
      title: 'Garbage and recycling collection schedule',
      summary: 'Find your collection day, set-out times and what happens on statutory holidays.',
      keywords: ['garbage day', 'trash', 'rubbish', 'collection schedule', 'pickup day', 'calendar', 'holiday'],
      body: `## When is my collection day?

Lakeview is divided into two collection zones:

- **Zone A** (north of Main Street): Tuesday
- **Zone B** (south of Main Street, including Birch Point): Thursday

Garbage, blue box recycling and green bins are collected on the **same day every week**. Yard waste is collected every second week from April to November.

## Setting out your waste

- Put everything at the curb by **7 a.m.**, but not before 6 p.m. the night before.
- Leave at least one metre between your bins and any parked car or snowbank.
- Each household may set out **two bags or cans** of garbage a week. Extra bags need a $3 bag tag, sold at the Town Hall and local stores.

## Holidays

When a statutory holiday falls on or before your collection day, pick-up moves one day later for the rest of that week.

If your waste was out on time but was missed, [report a missed pick-up](/report.html).`,
    },
    fr: {
      slug: 'horaire-collecte-ordures',
      title: 'Horaire de la collecte des ordures et du recyclage',
      summary: 'Trouvez votre jour de collecte, l’heure à laquelle sortir vos bacs et les changements pendant les jours fériés.',
      keywords: ['jour des vidanges', 'ordures', 'déchets', 'poubelle', 'horaire de collecte', 'calendrier', 'jour férié'],
      body: `## Quel est mon jour de collecte?

Lakeview est divisé en deux zones de collecte :

- **Zone A** (au nord de la rue Main) : le mardi
- **Zone B** (au sud de la rue Main, y compris Birch Point) : le jeudi

Les ordures, le bac bleu et le bac vert sont ramassés **le même jour chaque semaine**. Les résidus verts sont ramassés aux deux semaines, d’avril à novembre.

## Comment sortir vos matières

- Placez tout en bordure de rue avant **7 h**, mais pas avant 18 h la veille.
- Laissez au moins un mètre entre vos bacs et les voitures stationnées ou les bancs de neige.
- Chaque ménage peut sortir **deux sacs ou poubelles** d’ordures par semaine. Les sacs supplémentaires doivent porter une étiquette de 3 $, en vente à l’hôtel de ville et dans certains commerces.

## Jours fériés

Quand un jour férié tombe le jour de votre collecte ou avant, la collecte est reportée d’une journée pour le reste de la semaine.

Si vos matières étaient sorties à temps mais n’ont pas été ramassées, [signalez une collecte manquée](/fr/report.html).`,
    },
  },
  {
    id: 'art-green-bin',
    categoryId: 'cat-waste',
    en: {
      slug: 'green-bin',
      title: 'What goes in the green bin',
      summary: 'Food scraps and soiled paper go in the green bin. Here is what is accepted and how to keep it clean.',
      keywords: ['green bin', 'compost', 'organics', 'food waste', 'food scraps', 'kitchen waste'],
      body: `The green bin turns food waste into compost at the county facility. It is collected **every week** on your regular collection day.

## Yes, please

- Fruit and vegetable scraps, meat, fish and bones
- Bread, pasta, rice, dairy and eggshells
- Coffee grounds, filters and paper tea bags
- Soiled paper towels, napkins and pizza boxes
- Pet waste wrapped in newspaper

## No, thank you

- Plastic bags of any kind, including "compostable" plastic bags
- Diapers and sanitary products (these go in the garbage)
- Yard waste, which has its own collection
- Cans, glass or plastic containers

## Keeping it clean

Line your kitchen catcher with newspaper or a paper bag. In summer, freeze meat scraps until collection day. A sprinkle of baking soda helps with odours. Replacement bins cost $20 at the Town Hall; cracked bins are replaced free of charge.`,
    },
    fr: {
      slug: 'bac-vert',
      title: 'Ce qui va dans le bac vert',
      summary: 'Les restes de table et le papier souillé vont dans le bac vert. Voici ce qui est accepté et comment garder votre bac propre.',
      keywords: ['bac vert', 'compost', 'matières organiques', 'résidus alimentaires', 'restes de table', 'déchets de cuisine'],
      body: `Le bac vert permet de transformer vos résidus alimentaires en compost au centre régional. Il est ramassé **chaque semaine**, le même jour que vos ordures.

## Acceptés

- Pelures de fruits et de légumes, viande, poisson et os
- Pain, pâtes, riz, produits laitiers et coquilles d’œufs
- Marc de café, filtres et sachets de thé en papier
- Essuie-tout, serviettes de table et boîtes de pizza souillés
- Excréments d’animaux enveloppés dans du papier journal

## Refusés

- Tout sac de plastique, même ceux dits « compostables »
- Couches et produits d’hygiène féminine (ils vont aux ordures)
- Résidus verts, qui ont leur propre collecte
- Canettes, verre et contenants de plastique

## Pour un bac propre

Tapissez votre mini-bac de cuisine de papier journal ou d’un sac en papier. L’été, congelez les restes de viande jusqu’au jour de collecte. Un peu de bicarbonate de soude aide à contrôler les odeurs. Un bac de remplacement coûte 20 $ à l’hôtel de ville; un bac fissuré est remplacé gratuitement.`,
    },
  },
  {
    id: 'art-blue-box-recycling',
    categoryId: 'cat-waste',
    en: {
      slug: 'blue-box-recycling',
      title: 'Blue box recycling: what is accepted',
      summary: 'Containers, paper and cardboard all go together in the blue box. Check the list before you toss.',
      keywords: ['recycling', 'blue box', 'cardboard', 'plastic', 'cans', 'glass', 'paper'],
      body: `Lakeview uses a single blue box for all recyclables. Rinse containers and put everything in loose, not in bags.

## Accepted

- Plastic bottles, jugs and tubs with the lids on
- Metal food and drink cans, clean foil trays
- Glass bottles and jars
- Milk and juice cartons, drink boxes
- Newspapers, flyers, boxboard and paper
- Cardboard, flattened and cut to no larger than 75 cm by 75 cm

## Not accepted

- Plastic bags and film (return them to participating stores)
- Styrofoam, coffee cups and chip bags
- Propane tanks, batteries and paint cans (bring these to a hazardous waste day)
- Dishes, window glass and light bulbs

Extra recycling can go out in a clear bag or a second blue box at no charge. Replacement blue boxes are free at the Town Hall and the Works Yard on Quarry Road.`,
    },
    fr: {
      slug: 'recyclage-bac-bleu',
      title: 'Recyclage au bac bleu : matières acceptées',
      summary: 'Contenants, papier et carton vont tous dans le bac bleu. Vérifiez la liste avant de jeter.',
      keywords: ['recyclage', 'bac bleu', 'carton', 'plastique', 'canettes', 'verre', 'papier'],
      body: `À Lakeview, toutes les matières recyclables vont dans un seul bac bleu. Rincez les contenants et déposez-les en vrac, pas dans des sacs.

## Acceptés

- Bouteilles, cruches et pots de plastique, avec leur couvercle
- Canettes et boîtes de conserve, assiettes d’aluminium propres
- Bouteilles et pots de verre
- Cartons de lait et de jus, boîtes à boire
- Journaux, circulaires, carton mince et papier
- Carton ondulé, aplati et coupé en morceaux d’au plus 75 cm sur 75 cm

## Refusés

- Sacs et pellicules de plastique (rapportez-les aux magasins participants)
- Styromousse, gobelets à café et sacs de croustilles
- Bonbonnes de propane, piles et contenants de peinture (apportez-les à une journée de collecte des déchets dangereux)
- Vaisselle, verre à vitre et ampoules

Vous pouvez sortir vos surplus de recyclage dans un sac transparent ou un deuxième bac bleu, sans frais. Les bacs bleus de remplacement sont gratuits à l’hôtel de ville et au garage municipal du chemin Quarry.`,
    },
  },
  {
    id: 'art-bulky-items',
    categoryId: 'cat-waste',
    en: {
      slug: 'bulky-item-pickup',
      title: 'Bulky item pick-up',
      summary: 'Book a curbside pick-up for furniture, mattresses and large appliances.',
      keywords: ['bulky items', 'large items', 'furniture', 'mattress', 'couch', 'appliance', 'big garbage'],
      body: `Furniture and other items too big for a garbage bag can be picked up at the curb by appointment.

## How it works

1. Call the Town Hall at 705-555-0100 or visit the front counter to book. Pick-ups happen on the first and third Monday of each month.
2. Pay $15 per item (mattresses and box springs count as one item each).
3. Put the items at the curb by 7 a.m. on your booked day, with your booking number taped to them.

## Accepted items

- Sofas, chairs, tables and dressers
- Mattresses and box springs, wrapped in plastic
- Carpet, rolled and tied in pieces no longer than 1.2 m
- Fridges, freezers and air conditioners, with a Freon removal sticker

## Not accepted

Renovation waste, tires, hot tubs and anything containing fuel. These can be taken to the Lakeview Transfer Station on Quarry Road.

Leaving furniture at the roadside without a booking is illegal dumping. If you see dumped items, [report them](/report.html).`,
    },
    fr: {
      slug: 'collecte-objets-encombrants',
      title: 'Collecte des objets encombrants',
      summary: 'Prenez rendez-vous pour faire ramasser meubles, matelas et gros électroménagers en bordure de rue.',
      keywords: ['encombrants', 'gros rebuts', 'meubles', 'matelas', 'divan', 'électroménager', 'gros déchets'],
      body: `Les meubles et autres objets trop gros pour un sac à ordures peuvent être ramassés en bordure de rue, sur rendez-vous.

## Comment ça fonctionne

1. Appelez l’hôtel de ville au 705-555-0100 ou présentez-vous au comptoir pour réserver. Les collectes ont lieu le premier et le troisième lundi du mois.
2. Payez 15 $ par objet (chaque matelas et chaque sommier compte pour un objet).
3. Placez les objets en bordure de rue avant 7 h le jour prévu, avec votre numéro de réservation collé dessus.

## Objets acceptés

- Divans, chaises, tables et commodes
- Matelas et sommiers, emballés dans du plastique
- Tapis roulés et attachés, en morceaux d’au plus 1,2 m
- Réfrigérateurs, congélateurs et climatiseurs, avec l’autocollant attestant le retrait du fréon

## Objets refusés

Les débris de rénovation, les pneus, les spas et tout ce qui contient du carburant. Apportez-les plutôt au poste de transfert de Lakeview, sur le chemin Quarry.

Laisser des meubles au bord de la route sans réservation constitue un dépôt sauvage. Si vous en voyez, [signalez-le](/fr/report.html).`,
    },
  },
  {
    id: 'art-hazardous-waste',
    categoryId: 'cat-waste',
    en: {
      slug: 'household-hazardous-waste',
      title: 'Household hazardous waste days',
      summary: 'Drop off paint, batteries, propane tanks and chemicals safely at a free hazardous waste day.',
      keywords: ['hazardous waste', 'paint', 'batteries', 'chemicals', 'propane', 'motor oil', 'electronics'],
      body: `Never put hazardous products in the garbage, down the drain or in the blue box. Bring them to a free **Household Hazardous Waste Day** at the Works Yard, 40 Quarry Road.

## 2026 dates

- Saturday, May 9, 9 a.m. to 3 p.m.
- Saturday, July 18, 9 a.m. to 3 p.m.
- Saturday, October 3, 9 a.m. to 3 p.m.

## What to bring

- Paint, stains and aerosol cans
- Household batteries and car batteries
- Propane cylinders and small fuel tanks
- Motor oil, antifreeze and oil filters
- Pool chemicals, pesticides and cleaners
- Fluorescent tubes and compact fluorescent bulbs
- Old electronics: TVs, computers, printers

Keep products in their original containers with the lids tight. Commercial waste is not accepted. Proof of Lakeview residency, such as a driver’s licence or tax bill, is required.

Used batteries and burnt-out bulbs can also be dropped off any time in the bins at the Town Hall lobby.`,
    },
    fr: {
      slug: 'dechets-domestiques-dangereux',
      title: 'Journées de collecte des déchets domestiques dangereux',
      summary: 'Apportez gratuitement peinture, piles, bonbonnes de propane et produits chimiques à une journée de collecte.',
      keywords: ['déchets dangereux', 'RDD', 'peinture', 'piles', 'produits chimiques', 'propane', 'huile à moteur', 'électronique'],
      body: `Ne jetez jamais de produits dangereux aux ordures, dans l’évier ou dans le bac bleu. Apportez-les plutôt à une **journée de collecte des déchets domestiques dangereux**, gratuite, au garage municipal situé au 40, chemin Quarry.

## Dates en 2026

- Samedi 9 mai, de 9 h à 15 h
- Samedi 18 juillet, de 9 h à 15 h
- Samedi 3 octobre, de 9 h à 15 h

## Ce que vous pouvez apporter

- Peinture, teinture et bombes aérosol
- Piles domestiques et batteries d’auto
- Bonbonnes de propane et petits réservoirs de carburant
- Huile à moteur, antigel et filtres à huile
- Produits pour piscine, pesticides et produits de nettoyage
- Tubes fluorescents et ampoules fluocompactes
- Vieux appareils électroniques : téléviseurs, ordinateurs, imprimantes

Gardez les produits dans leur contenant d’origine, bien fermé. Les déchets commerciaux sont refusés. Une preuve de résidence à Lakeview, comme un permis de conduire ou un compte de taxes, est exigée.

Vous pouvez aussi déposer en tout temps vos piles usées et vos ampoules grillées dans les boîtes prévues à cet effet dans le hall de l’hôtel de ville.`,
    },
  },
  {
    id: 'art-yard-waste',
    categoryId: 'cat-waste',
    en: {
      slug: 'yard-waste-leaves',
      title: 'Yard waste, leaves and Christmas trees',
      summary: 'Leaves, grass clippings and branches are collected every second week from April to November.',
      keywords: ['yard waste', 'leaves', 'leaf pickup', 'branches', 'brush', 'grass clippings', 'christmas tree'],
      body: `Yard waste is collected **every second week from April to November** on your regular collection day. Check the printed calendar or the Lakeview app for your weeks.

## How to set it out

- Use paper yard waste bags or an open, rigid container marked with an X. Plastic bags are left behind.
- Tie branches in bundles no longer than 1.2 m and no heavier than 20 kg. Branches must be under 10 cm thick.
- There is no limit on the number of bags.

## Grass clippings

Leaving clippings on the lawn ("grasscycling") feeds your grass naturally. If you bag them, they go with yard waste, never in the garbage.

## Christmas trees

Trees are collected during the first two weeks of January. Remove all lights, decorations and the stand, and do not put the tree in a bag.

Larger amounts of brush can be dropped off free at the Transfer Station on Quarry Road.`,
    },
    fr: {
      slug: 'residus-verts-feuilles',
      title: 'Résidus verts, feuilles et sapins de Noël',
      summary: 'Les feuilles, le gazon coupé et les branches sont ramassés aux deux semaines, d’avril à novembre.',
      keywords: ['résidus verts', 'feuilles mortes', 'collecte des feuilles', 'branches', 'broussailles', 'gazon coupé', 'sapin de Noël'],
      body: `Les résidus verts sont ramassés **aux deux semaines, d’avril à novembre**, le même jour que vos ordures. Consultez le calendrier imprimé ou l’application de Lakeview pour connaître vos semaines.

## Comment les préparer

- Utilisez des sacs de papier conçus pour les résidus verts ou un contenant rigide et ouvert marqué d’un X. Les sacs de plastique ne sont pas ramassés.
- Attachez les branches en fagots d’au plus 1,2 m de long et 20 kg. Les branches doivent avoir moins de 10 cm de diamètre.
- Le nombre de sacs n’est pas limité.

## Gazon coupé

Laisser le gazon coupé sur la pelouse (l’herbicyclage) nourrit naturellement votre terrain. Si vous le ramassez, mettez-le avec les résidus verts, jamais aux ordures.

## Sapins de Noël

Les sapins sont ramassés pendant les deux premières semaines de janvier. Retirez les lumières, les décorations et le pied, et ne mettez pas l’arbre dans un sac.

Les grandes quantités de broussailles peuvent être déposées gratuitement au poste de transfert du chemin Quarry.`,
    },
  },
];

const roadsArticles: SeedArticle[] = [
  {
    id: 'art-winter-parking-ban',
    categoryId: 'cat-roads',
    en: {
      slug: 'winter-parking-ban',
      title: 'Winter overnight parking ban',
      summary: 'From November 15 to April 1, no parking on Township streets between 2 a.m. and 7 a.m.',
      keywords: ['winter parking', 'overnight parking', 'parking ban', 'snow', 'parking ticket', 'tow'],
      body: `To let plows clear streets curb to curb, **overnight parking on all Township roads is prohibited from November 15 to April 1, between 2 a.m. and 7 a.m.** This applies every night, whether or not it is snowing.

## Fines and towing

- A ticket for parking during the ban is $60.
- Vehicles that block plowing during a snow event may be towed at the owner’s cost.

## Where can I park?

- Your own driveway
- The municipal lots at the Arena (125 Lakeshore Road) and behind the Library on Main Street allow overnight parking in the rows marked with blue signs

## Exemptions

Short-term exemptions for visitors, driveway repairs or medical needs can be requested from By-law Enforcement at 705-555-0101. Exemptions are cancelled automatically when a snow event is declared.

To report a vehicle that is blocking a plow or a driveway, use the [parking complaint form](/report.html).`,
    },
    fr: {
      slug: 'interdiction-stationnement-hiver',
      title: 'Interdiction de stationner la nuit en hiver',
      summary: 'Du 15 novembre au 1er avril, il est interdit de stationner dans les rues du Canton entre 2 h et 7 h.',
      keywords: ['stationnement hiver', 'stationnement de nuit', 'interdiction de stationner', 'neige', 'contravention', 'remorquage'],
      body: `Pour que les chasse-neige puissent déneiger les rues d’une bordure à l’autre, **il est interdit de stationner la nuit sur tous les chemins du Canton du 15 novembre au 1er avril, entre 2 h et 7 h.** L’interdiction s’applique chaque nuit, qu’il neige ou non.

## Amendes et remorquage

- Une contravention pendant l’interdiction coûte 60 $.
- Un véhicule qui nuit au déneigement lors d’une tempête peut être remorqué aux frais du propriétaire.

## Où stationner?

- Dans votre propre entrée
- Dans les stationnements municipaux de l’aréna (125, chemin Lakeshore) et derrière la bibliothèque de la rue Main, dans les rangées identifiées par des panneaux bleus

## Exemptions

Vous pouvez demander une exemption de courte durée pour des visiteurs, des travaux dans votre entrée ou un besoin médical au Service d’application des règlements, au 705-555-0101. Les exemptions sont annulées automatiquement lorsqu’une opération de déneigement est déclarée.

Pour signaler un véhicule qui bloque un chasse-neige ou une entrée, remplissez le [formulaire de plainte de stationnement](/fr/report.html).`,
    },
  },
  {
    id: 'art-snow-plow-priorities',
    categoryId: 'cat-roads',
    en: {
      slug: 'snow-plow-priorities',
      title: 'Snow plowing priorities',
      summary: 'Which roads get plowed first, how long it takes, and what to expect on your street.',
      keywords: ['snow plow', 'plowing', 'snow removal', 'when will my street be plowed', 'salt', 'sanding'],
      body: `Lakeview’s fleet of nine plows and two sidewalk machines clears about 240 km of roads. Plowing starts when 5 cm of snow has fallen and follows this order:

1. **Priority 1** – Main Street, Lakeshore Road, County Road 7 and hills near schools. Cleared within 4 hours of the end of a storm.
2. **Priority 2** – School bus routes, collector roads and the hospital access road. Cleared within 12 hours.
3. **Priority 3** – Residential streets, cul-de-sacs and laneways. Cleared within 24 hours.

During a long storm, crews keep returning to Priority 1 roads, so residential streets may wait longer.

## Sidewalks

Sidewalks near schools and on Main Street are cleared first; other sidewalks within 48 hours.

## Salt and sand

Salt is used on paved roads down to about -12 °C. Below that, and on gravel roads, crews use sand.

If your street is still not plowed after these times, [let us know](/report.html).`,
    },
    fr: {
      slug: 'priorites-deneigement',
      title: 'Priorités de déneigement',
      summary: 'Quelles rues sont déneigées en premier, combien de temps ça prend et à quoi vous attendre dans votre rue.',
      keywords: ['déneigement', 'chasse-neige', 'charrue', 'quand ma rue sera-t-elle déneigée', 'sel', 'sablage'],
      body: `La flotte de Lakeview, composée de neuf chasse-neige et de deux trottoirettes, entretient environ 240 km de chemins. Le déneigement commence dès que 5 cm de neige sont tombés, selon l’ordre suivant :

1. **Priorité 1** – La rue Main, le chemin Lakeshore, la route de comté 7 et les côtes près des écoles. Déneigés dans les 4 heures suivant la fin de la tempête.
2. **Priorité 2** – Les trajets d’autobus scolaires, les rues collectrices et l’accès à l’hôpital. Déneigés dans les 12 heures.
3. **Priorité 3** – Les rues résidentielles, les culs-de-sac et les ruelles. Déneigés dans les 24 heures.

Pendant une longue tempête, les équipes repassent sans cesse sur les routes de priorité 1; les rues résidentielles peuvent donc attendre plus longtemps.

## Trottoirs

Les trottoirs près des écoles et sur la rue Main passent en premier; les autres sont dégagés dans les 48 heures.

## Sel et abrasifs

Le sel est épandu sur les chemins asphaltés jusqu’à environ -12 °C. Par temps plus froid, et sur les chemins de gravier, les équipes utilisent du sable.

Si votre rue n’est toujours pas déneigée après ces délais, [avisez-nous](/fr/report.html).`,
    },
  },
  {
    id: 'art-report-pothole',
    categoryId: 'cat-roads',
    en: {
      slug: 'report-a-pothole',
      title: 'Reporting a pothole',
      summary: 'How to report a pothole, how quickly it gets fixed, and what to do if it damaged your car.',
      keywords: ['pothole', 'road repair', 'hole in road', 'car damage', 'tire damage', 'pavement'],
      body: `Potholes form when water seeps into cracks, freezes and expands. Spring thaw is the busiest season.

## How to report one

[Report a pothole online](/report.html) or call Roads at 705-555-0102. Tell us:

- The street and the nearest house number or intersection
- Which lane it is in
- About how big it is

## How quickly is it fixed?

Crews patrol main roads weekly. Potholes on main roads are usually filled within 4 days of a report, and on residential streets within 7 days. Winter patches are temporary; permanent repairs are done once asphalt plants open in May.

## Damage to your vehicle

If your vehicle was damaged, send a written claim to the Clerk’s Office within 10 days. Include the date, time, exact location, photos and repair estimates. Claims are reviewed by the Township’s insurer, and payment depends on whether the Township met provincial maintenance standards.`,
    },
    fr: {
      slug: 'signaler-nid-de-poule',
      title: 'Signaler un nid-de-poule',
      summary: 'Comment signaler un nid-de-poule, en combien de temps il est réparé et quoi faire s’il a endommagé votre voiture.',
      keywords: ['nid-de-poule', 'nid de poule', 'réparation de route', 'trou', 'dommages au véhicule', 'pneu crevé', 'chaussée'],
      body: `Les nids-de-poule se forment quand l’eau s’infiltre dans les fissures, gèle et prend de l’expansion. Le dégel printanier est la période la plus occupée.

## Comment le signaler

[Signalez un nid-de-poule en ligne](/fr/report.html) ou appelez la Voirie au 705-555-0102. Indiquez-nous :

- La rue et le numéro civique ou l’intersection la plus proche
- La voie où il se trouve
- Sa taille approximative

## Délais de réparation

Les équipes inspectent les artères chaque semaine. Sur les artères, les nids-de-poule sont habituellement colmatés dans les 4 jours suivant un signalement, et dans les 7 jours sur les rues résidentielles. Les réparations faites en hiver sont temporaires; les réparations permanentes suivent l’ouverture des usines d’asphalte en mai.

## Dommages à votre véhicule

Si votre véhicule a été endommagé, envoyez une réclamation écrite au Bureau du greffe dans les 10 jours. Précisez la date, l’heure et l’endroit exact, et joignez des photos et des estimations de réparation. L’assureur du Canton étudie chaque réclamation; l’indemnisation dépend du respect des normes d’entretien provinciales.`,
    },
  },
  {
    id: 'art-streetlights',
    categoryId: 'cat-roads',
    en: {
      slug: 'streetlights',
      title: 'Streetlight out or flickering',
      summary: 'Report a broken streetlight and learn who looks after lights on county roads and private lanes.',
      keywords: ['streetlight', 'street light', 'light out', 'flickering light', 'lamp post', 'dark street'],
      body: `The Township maintains about 1,400 LED streetlights. Most repairs are done by our electrical contractor within 10 working days.

## Before you report

Find the **pole number** on the small metal tag at eye level. It helps the crew find the right light quickly. Note whether the light is out, flickering, or on during the day.

[Report a streetlight problem](/report.html)

## Not ours?

- Lights on **County Road 7** belong to the County; we forward those reports for you.
- Lights in **private condominiums and parking lots** are the property owner’s responsibility.
- Traffic signals that are dark or stuck are urgent: call 705-555-0199 at any hour.

## Downed wires

If a pole is knocked down or wires are on the ground, stay at least 10 metres away and call 911.`,
    },
    fr: {
      slug: 'lampadaires',
      title: 'Lampadaire éteint ou qui clignote',
      summary: 'Signalez un lampadaire défectueux et découvrez qui entretient l’éclairage des routes de comté et des chemins privés.',
      keywords: ['lampadaire', 'éclairage de rue', 'lumière éteinte', 'lumière qui clignote', 'réverbère', 'rue sombre'],
      body: `Le Canton entretient environ 1 400 lampadaires à DEL. La plupart des réparations sont effectuées par notre entrepreneur en électricité dans un délai de 10 jours ouvrables.

## Avant de faire un signalement

Repérez le **numéro du poteau**, inscrit sur une petite plaque métallique à hauteur des yeux. Il permet à l’équipe de trouver rapidement le bon lampadaire. Notez aussi si la lumière est éteinte, si elle clignote ou si elle reste allumée le jour.

[Signaler un problème d’éclairage](/fr/report.html)

## Ce n’est pas à nous?

- L’éclairage de la **route de comté 7** relève du Comté; nous lui transmettons votre signalement.
- L’éclairage des **condominiums et stationnements privés** est la responsabilité du propriétaire.
- Un feu de circulation éteint ou bloqué est une urgence : appelez le 705-555-0199, jour et nuit.

## Fils tombés

Si un poteau est renversé ou que des fils sont au sol, restez à au moins 10 mètres et composez le 911.`,
    },
  },
  {
    id: 'art-windrows-driveways',
    categoryId: 'cat-roads',
    en: {
      slug: 'windrows-and-driveways',
      title: 'Snow windrows, driveways and mailboxes',
      summary: 'Why plows leave snow at the end of your driveway, where to put your own snow, and plow damage claims.',
      keywords: ['windrow', 'snow at end of driveway', 'plow damage', 'mailbox', 'shovelling', 'snowbank'],
      body: `The ridge of snow a plow leaves across your driveway is called a **windrow**. Plows cannot avoid leaving one, and the Township does not clear driveway windrows except for residents registered in the Seniors and Accessibility Windrow Program.

## Where to put your snow

- Pile snow on your own property, on the side of the driveway away from oncoming plows.
- Do not push or blow snow onto the road or sidewalk. It is against the Traffic By-law and can cause collisions.

## Windrow program

Residents aged 70 and older, or with a disability, who have no one able to help can apply before November 1. Call 705-555-0100.

## Plow damage

Crews repair sod damaged by plows in the spring. Mailboxes knocked down by direct contact with a plow are repaired or replaced; mailboxes damaged by the weight of snow are not. [Report plow damage](/report.html) and include a photo if you can.`,
    },
    fr: {
      slug: 'andains-entrees-boites-aux-lettres',
      title: 'Andains, entrées et boîtes aux lettres',
      summary: 'Pourquoi la charrue laisse de la neige au bout de votre entrée, où mettre votre neige et comment réclamer des dommages.',
      keywords: ['andain', 'neige au bout de l’entrée', 'dommages de charrue', 'boîte aux lettres', 'pelletage', 'banc de neige'],
      body: `Le cordon de neige que la charrue laisse devant votre entrée s’appelle un **andain**. Les chasse-neige ne peuvent pas l’éviter, et le Canton ne dégage pas les andains, sauf pour les résidents inscrits au programme de dégagement pour aînés et personnes handicapées.

## Où mettre votre neige

- Entassez la neige sur votre terrain, du côté de l’entrée opposé à l’arrivée des chasse-neige.
- Ne poussez et ne soufflez jamais la neige dans la rue ou sur le trottoir. C’est interdit par le règlement sur la circulation et cela peut causer des accidents.

## Programme de dégagement des andains

Les résidents de 70 ans et plus ou ayant un handicap, qui n’ont personne pour les aider, peuvent s’inscrire avant le 1er novembre en composant le 705-555-0100.

## Dommages causés par la charrue

Les équipes réparent au printemps la pelouse abîmée par les charrues. Une boîte aux lettres renversée par un contact direct avec la charrue est réparée ou remplacée; celle qui cède sous le poids de la neige ne l’est pas. [Signalez les dommages](/fr/report.html) et joignez une photo si possible.`,
    },
  },
];

const waterArticles: SeedArticle[] = [
  {
    id: 'art-boil-water-advisory',
    categoryId: 'cat-water',
    en: {
      slug: 'boil-water-advisory',
      title: 'Boil water advisories',
      summary: 'What a boil water advisory means, how to use your water safely, and what to do once it is lifted.',
      keywords: ['boil water advisory', 'boil water', 'drinking water', 'safe to drink', 'water quality', 'contamination'],
      body: `A **boil water advisory** is issued with the Public Health Unit when tests show, or a break may have caused, bacteria in the water system. Advisories are posted on the Township home page, on local radio and by door-to-door notices in the affected area.

## During an advisory

- Bring water to a **rolling boil for at least one minute** before drinking it, making baby formula, brushing teeth, making ice or washing fruit and vegetables.
- Tap water is fine for bathing adults, but supervise children so they do not swallow it.
- Dishwashers on the hot or sanitize cycle are safe to use.
- Home filters and jugs do **not** make the water safe.

## When the advisory is lifted

- Run all cold taps for five minutes.
- Throw out ice made during the advisory.
- Replace any fridge or under-sink filters.

Questions? Call Water & Wastewater at 705-555-0103.`,
    },
    fr: {
      slug: 'avis-ebullition-eau',
      title: 'Avis d’ébullition de l’eau',
      summary: 'Ce que signifie un avis d’ébullition, comment utiliser l’eau en toute sécurité et quoi faire une fois l’avis levé.',
      keywords: ['avis d’ébullition', 'faire bouillir l’eau', 'eau potable', 'eau contaminée', 'qualité de l’eau', 'bactéries'],
      body: `Un **avis d’ébullition de l’eau** est émis, de concert avec le bureau de santé publique, lorsque des analyses révèlent la présence de bactéries dans le réseau ou qu’un bris a pu en introduire. Les avis sont publiés sur la page d’accueil du Canton, à la radio locale et par des avis distribués de porte en porte dans le secteur touché.

## Pendant l’avis

- Faites **bouillir l’eau à gros bouillons pendant au moins une minute** avant de la boire, de préparer une préparation pour nourrissons, de vous brosser les dents, de faire des glaçons ou de laver les fruits et légumes.
- L’eau du robinet convient au bain des adultes, mais surveillez les enfants pour qu’ils n’en avalent pas.
- Le lave-vaisselle peut être utilisé avec un cycle à eau chaude ou d’assainissement.
- Les pichets et filtres domestiques ne rendent **pas** l’eau potable.

## Quand l’avis est levé

- Laissez couler tous les robinets d’eau froide pendant cinq minutes.
- Jetez les glaçons faits pendant l’avis.
- Remplacez les filtres du réfrigérateur ou sous l’évier.

Des questions? Appelez le Service de l’eau au 705-555-0103.`,
    },
  },
  {
    id: 'art-water-meter-reading',
    categoryId: 'cat-water',
    en: {
      slug: 'water-meter-reading',
      title: 'Reading your water meter and understanding your bill',
      summary: 'How your meter is read, how to check for leaks yourself, and what to do about a high water bill.',
      keywords: ['water meter', 'meter reading', 'water bill', 'high bill', 'leak', 'utility bill'],
      body: `Most Lakeview homes have a radio-read water meter, usually in the basement where the water line enters. It sends readings automatically, so staff rarely need to come inside. Water and sewer are billed **every three months**.

## Reading the meter yourself

The black numbers show cubic metres (m³). One cubic metre is 1,000 litres. A typical household of three uses about 50 m³ per quarter.

## Checking for a leak

1. Turn off every tap and appliance that uses water.
2. Note the reading, or watch the small red triangle (the leak indicator).
3. Wait 30 minutes without using water. If the number changed or the triangle turned, you have a leak. Running toilets are the most common cause.

## High bill?

If your bill is much higher than usual and you cannot find a leak, call 705-555-0103. We can re-read the meter and, once a leak is repaired, you may qualify for a one-time leak adjustment.`,
    },
    fr: {
      slug: 'lecture-compteur-eau',
      title: 'Lire votre compteur d’eau et comprendre votre facture',
      summary: 'Comment votre compteur est relevé, comment vérifier vous-même s’il y a une fuite et quoi faire si votre facture est élevée.',
      keywords: ['compteur d’eau', 'lecture du compteur', 'facture d’eau', 'facture élevée', 'fuite', 'services publics'],
      body: `La plupart des maisons de Lakeview ont un compteur d’eau à lecture radio, habituellement au sous-sol, là où la conduite d’eau entre dans la maison. Les relevés sont transmis automatiquement; le personnel a donc rarement besoin d’entrer chez vous. L’eau et les égouts sont facturés **tous les trois mois**.

## Lire vous-même le compteur

Les chiffres noirs indiquent des mètres cubes (m³). Un mètre cube équivaut à 1 000 litres. Un ménage de trois personnes consomme environ 50 m³ par trimestre.

## Détecter une fuite

1. Fermez tous les robinets et appareils qui utilisent de l’eau.
2. Notez le relevé ou observez le petit triangle rouge (l’indicateur de fuite).
3. Attendez 30 minutes sans utiliser d’eau. Si le chiffre a changé ou que le triangle a tourné, il y a une fuite. Une toilette qui coule est la cause la plus fréquente.

## Facture élevée?

Si votre facture est beaucoup plus élevée que d’habitude et que vous ne trouvez pas de fuite, appelez le 705-555-0103. Nous pouvons relire le compteur et, une fois la fuite réparée, vous pourriez avoir droit à un rajustement unique.`,
    },
  },
  {
    id: 'art-frozen-pipes',
    categoryId: 'cat-water',
    en: {
      slug: 'frozen-pipes',
      title: 'Preventing and thawing frozen pipes',
      summary: 'Simple steps to keep pipes from freezing, and what to do if you have no water on a cold morning.',
      keywords: ['frozen pipes', 'no water', 'frozen water line', 'thaw pipes', 'cold weather', 'burst pipe'],
      body: `Pipes in outside walls, crawl spaces and unheated garages can freeze when temperatures drop below -15 °C.

## Prevention

- Keep your home heated to at least 15 °C, even when you are away.
- Seal drafts near pipes and wrap exposed pipes with foam insulation.
- Disconnect garden hoses and shut off outdoor taps in the fall.
- Open cabinet doors under sinks on outside walls so warm air can reach the pipes.

## If your pipes freeze

1. Turn off the main water valve if you suspect a pipe has burst.
2. Thaw the pipe slowly with a hair dryer or a space heater kept at a safe distance. **Never use an open flame.**
3. Open the tap so melting water can flow out.

## Is it our side or yours?

If your neighbours also have no water, the problem may be in the Township’s line. Call 705-555-0199 at any hour or [report no water](/report.html). Thawing the pipe between the curb stop and your house is the owner’s responsibility.`,
    },
    fr: {
      slug: 'tuyaux-geles',
      title: 'Prévenir et dégeler les tuyaux gelés',
      summary: 'Quelques gestes simples pour éviter le gel des tuyaux, et quoi faire si vous n’avez plus d’eau par un matin très froid.',
      keywords: ['tuyaux gelés', 'pas d’eau', 'entrée d’eau gelée', 'dégeler', 'grand froid', 'tuyau éclaté'],
      body: `Les tuyaux situés dans les murs extérieurs, les vides sanitaires et les garages non chauffés peuvent geler quand la température descend sous -15 °C.

## Prévention

- Chauffez votre maison à au moins 15 °C, même en votre absence.
- Bouchez les courants d’air près des tuyaux et isolez les tuyaux exposés avec de la mousse.
- À l’automne, débranchez les boyaux d’arrosage et fermez les robinets extérieurs.
- Ouvrez les portes d’armoire sous les éviers situés sur un mur extérieur pour laisser entrer l’air chaud.

## Si vos tuyaux gèlent

1. Fermez le robinet principal si vous croyez qu’un tuyau a éclaté.
2. Dégelez le tuyau lentement avec un séchoir à cheveux ou un radiateur d’appoint placé à une distance sécuritaire. **N’utilisez jamais de flamme nue.**
3. Ouvrez le robinet pour que l’eau de fonte puisse s’écouler.

## Chez nous ou chez vous?

Si vos voisins n’ont pas d’eau non plus, le problème se trouve peut-être dans la conduite du Canton. Appelez le 705-555-0199, jour et nuit, ou [signalez l’absence d’eau](/fr/report.html). Le dégel du tuyau entre la vanne d’arrêt de bordure et la maison incombe au propriétaire.`,
    },
  },
  {
    id: 'art-sewer-backup-prevention',
    categoryId: 'cat-water',
    en: {
      slug: 'sewer-backup-prevention',
      title: 'Sewer backups and basement flooding',
      summary: 'What to do during a sewer backup, and how a backwater valve and the flood protection subsidy can help.',
      keywords: ['sewer backup', 'basement flooding', 'backwater valve', 'sump pump', 'floor drain', 'flood'],
      body: `## If sewage is backing up now

- Stay out of standing water if it may reach electrical outlets or the furnace.
- Stop using water in the house: no flushing, laundry or dishwasher.
- Call 705-555-0199 (24 hours) or [report a sewer backup](/report.html). A crew will check whether the Township’s sewer main is blocked.
- Call your insurance company and take photos before cleaning up.

## Who is responsible?

The Township maintains the sewer main under the street. The lateral pipe from the main to your house is the owner’s responsibility, but if tree roots from a Township tree caused the blockage, we will share the cost.

## Protect your home

- A **backwater valve** stops sewage from flowing back into your basement.
- Disconnect downspouts from the sewer and direct them onto your lawn.
- Never pour grease, wipes or paper towels down the drain.

The Flood Protection Subsidy covers up to $1,500 toward installing a backwater valve or sump pump. Apply through the Building Department.`,
    },
    fr: {
      slug: 'prevention-refoulement-egout',
      title: 'Refoulements d’égout et sous-sols inondés',
      summary: 'Quoi faire pendant un refoulement d’égout, et comment un clapet antiretour et la subvention de protection contre les inondations peuvent vous aider.',
      keywords: ['refoulement d’égout', 'sous-sol inondé', 'clapet antiretour', 'pompe de puisard', 'drain de plancher', 'inondation'],
      body: `## Si les eaux usées refoulent en ce moment

- N’entrez pas dans l’eau si elle risque d’atteindre les prises électriques ou la fournaise.
- Cessez d’utiliser l’eau : pas de chasse d’eau, de lessive ni de lave-vaisselle.
- Appelez le 705-555-0199 (24 heures sur 24) ou [signalez un refoulement](/fr/report.html). Une équipe vérifiera si l’égout municipal est bouché.
- Communiquez avec votre assureur et prenez des photos avant de nettoyer.

## Qui est responsable?

Le Canton entretient la conduite principale sous la rue. Le branchement entre la conduite principale et votre maison appartient au propriétaire, mais si les racines d’un arbre municipal ont causé le blocage, le Canton partagera les coûts.

## Protégez votre maison

- Un **clapet antiretour** empêche les eaux usées de revenir dans votre sous-sol.
- Débranchez vos descentes pluviales de l’égout et dirigez-les vers la pelouse.
- Ne jetez jamais de graisse, de lingettes ou d’essuie-tout dans les drains.

La subvention de protection contre les inondations rembourse jusqu’à 1 500 $ pour l’installation d’un clapet antiretour ou d’une pompe de puisard. Faites votre demande auprès du Service du bâtiment.`,
    },
  },
  {
    id: 'art-lawn-watering',
    categoryId: 'cat-water',
    en: {
      slug: 'lawn-watering-restrictions',
      title: 'Summer lawn watering schedule',
      summary: 'Odd-even watering days from June to September, and when a total outdoor watering ban applies.',
      keywords: ['lawn watering', 'sprinkler', 'water restrictions', 'watering days', 'garden', 'drought'],
      body: `From **June 1 to September 15**, outdoor watering on the municipal water system follows an odd-even schedule:

- **Odd-numbered addresses** water on odd-numbered calendar days.
- **Even-numbered addresses** water on even-numbered calendar days.
- Watering is allowed only from **6 a.m. to 9 a.m. and 7 p.m. to 10 p.m.**

## Always allowed

- Hand watering of flower and vegetable gardens with a watering can or a hose with a shut-off nozzle
- Filling a pool once per season
- Watering new sod or seed for the first 14 days, with a free permit from the Town Hall

## Watering bans

During a drought or a water treatment plant problem, the Township may declare a **total outdoor watering ban**. Bans are posted on the home page and announced on local radio. The fine for breaking a ban is $100.

Properties on private wells are not covered by this schedule, but water conservation is still encouraged. Most lawns need only 2.5 cm of water a week, including rain.`,
    },
    fr: {
      slug: 'arrosage-pelouses',
      title: 'Horaire d’arrosage des pelouses en été',
      summary: 'Arrosage selon les adresses paires et impaires de juin à septembre, et interdiction totale en période de sécheresse.',
      keywords: ['arrosage', 'gicleurs', 'restrictions d’eau', 'jours d’arrosage', 'jardin', 'sécheresse'],
      body: `Du **1er juin au 15 septembre**, l’arrosage extérieur relié à l’aqueduc municipal suit un horaire pair-impair :

- Les **adresses impaires** arrosent les jours impairs du calendrier.
- Les **adresses paires** arrosent les jours pairs du calendrier.
- L’arrosage est permis seulement **de 6 h à 9 h et de 19 h à 22 h**.

## Toujours permis

- L’arrosage à la main des plates-bandes et du potager, avec un arrosoir ou un boyau muni d’un pistolet à fermeture automatique
- Le remplissage d’une piscine une fois par saison
- L’arrosage d’une nouvelle tourbe ou d’un nouvel ensemencement pendant 14 jours, avec un permis gratuit de l’hôtel de ville

## Interdictions d’arrosage

En période de sécheresse ou de problème à l’usine de traitement, le Canton peut décréter une **interdiction totale d’arrosage extérieur**. L’interdiction est publiée sur la page d’accueil et annoncée à la radio locale. L’amende est de 100 $.

Les propriétés alimentées par un puits privé ne sont pas visées, mais on les invite tout de même à économiser l’eau. La plupart des pelouses n’ont besoin que de 2,5 cm d’eau par semaine, pluie comprise.`,
    },
  },
];

const animalArticles: SeedArticle[] = [
  {
    id: 'art-dog-licences',
    categoryId: 'cat-animals',
    en: {
      slug: 'dog-licences',
      title: 'Dog licences',
      summary: 'Every dog in Lakeview needs a licence tag, renewed each year by March 31.',
      keywords: ['dog licence', 'dog license', 'dog tag', 'pet licence', 'renew', 'spayed', 'neutered'],
      body: `All dogs over three months old living in Lakeview must wear a current Township licence tag. The tag helps Animal Control get a lost dog home quickly instead of taking it to the pound.

## Fees

| Dog | Fee |
|---|---|
| Spayed or neutered | $25 |
| Not spayed or neutered | $45 |
| Registered service dog | Free |

Seniors 65 and older pay half price. Licences bought after **March 31** carry a $15 late fee.

## How to buy or renew

- At the Town Hall front counter, 1 Main Street
- By mail with a cheque payable to the Township of Lakeview
- At the Lakeview Veterinary Clinic and Pet Valley on Lakeshore Road

Bring proof of spaying or neutering the first time. A replacement tag costs $5.

Residential properties may keep up to three dogs. If you have a question about your licence, [send us a question](/report.html) and we will reply.`,
    },
    fr: {
      slug: 'licences-chien',
      title: 'Licences pour chien',
      summary: 'Tous les chiens de Lakeview doivent porter une médaille de licence, renouvelée chaque année au plus tard le 31 mars.',
      keywords: ['licence de chien', 'médaille de chien', 'licence pour animal', 'renouvellement', 'stérilisé', 'castré'],
      body: `Tous les chiens de plus de trois mois qui vivent à Lakeview doivent porter une médaille de licence valide du Canton. La médaille permet au Contrôle des animaux de ramener rapidement un chien perdu chez lui plutôt qu’à la fourrière.

## Tarifs

| Chien | Tarif |
|---|---|
| Stérilisé ou castré | 25 $ |
| Non stérilisé | 45 $ |
| Chien d’assistance enregistré | Gratuit |

Les aînés de 65 ans et plus paient demi-tarif. Des frais de retard de 15 $ s’appliquent aux licences achetées après le **31 mars**.

## Acheter ou renouveler une licence

- Au comptoir de l’hôtel de ville, 1, rue Main
- Par la poste, avec un chèque libellé à l’ordre du Canton de Lakeview
- À la Clinique vétérinaire de Lakeview et chez Pet Valley, sur le chemin Lakeshore

Apportez une preuve de stérilisation la première fois. Une médaille de remplacement coûte 5 $.

Une propriété résidentielle peut compter jusqu’à trois chiens. Pour toute question sur votre licence, [écrivez-nous](/fr/report.html) et nous vous répondrons.`,
    },
  },
  {
    id: 'art-lost-pets',
    categoryId: 'cat-animals',
    en: {
      slug: 'lost-and-found-pets',
      title: 'Lost or found pets',
      summary: 'What to do if your pet is missing or you find a stray, and how to pick up your dog from the pound.',
      keywords: ['lost dog', 'lost cat', 'found dog', 'stray', 'missing pet', 'pound', 'animal shelter'],
      body: `## If your pet is lost

1. Call Animal Control at 705-555-0104 with a description and where your pet was last seen.
2. Check the Lakeview Animal Shelter’s found-pets page and visit in person; photos can be misleading.
3. Post on neighbourhood social media groups and put up flyers.

## If you find a dog

- If you can do so safely, keep the dog contained and check its tag. Licensed dogs can usually be returned the same day.
- Otherwise, [report a stray dog](/report.html) with the location and a description. Do not chase a frightened dog into traffic.

## Found cats

The Township does not pick up healthy stray cats. Check for a collar or microchip at any vet clinic, or contact the Kawartha Humane Society.

## Getting your dog back

Impounded dogs are held at the Lakeview Animal Shelter, 88 Quarry Road, for five days. The fee is $40 for the first impound plus $15 a day for boarding, and the dog must be licensed before it goes home.`,
    },
    fr: {
      slug: 'animaux-perdus-trouves',
      title: 'Animaux perdus ou trouvés',
      summary: 'Quoi faire si votre animal a disparu ou si vous trouvez un animal errant, et comment récupérer votre chien à la fourrière.',
      keywords: ['chien perdu', 'chat perdu', 'chien trouvé', 'animal errant', 'animal disparu', 'fourrière', 'refuge'],
      body: `## Si votre animal est perdu

1. Appelez le Contrôle des animaux au 705-555-0104 en donnant une description et l’endroit où votre animal a été vu pour la dernière fois.
2. Consultez la page des animaux trouvés du refuge de Lakeview et allez-y en personne : les photos peuvent être trompeuses.
3. Publiez un avis dans les groupes de quartier et posez des affiches.

## Si vous trouvez un chien

- Si c’est sans danger, gardez le chien avec vous et regardez sa médaille. Un chien qui a une licence peut souvent être rendu le jour même.
- Sinon, [signalez un chien errant](/fr/report.html) en précisant l’endroit et en le décrivant. Ne poursuivez pas un chien effrayé vers la route.

## Chats trouvés

Le Canton ne ramasse pas les chats errants en bonne santé. Faites vérifier s’il a une micropuce dans une clinique vétérinaire ou communiquez avec la Société protectrice des animaux de Kawartha.

## Récupérer votre chien

Les chiens saisis sont gardés cinq jours au refuge de Lakeview, au 88, chemin Quarry. Les frais sont de 40 $ pour une première saisie, plus 15 $ par jour de pension, et le chien doit avoir une licence avant de rentrer à la maison.`,
    },
  },
  {
    id: 'art-backyard-chickens',
    categoryId: 'cat-animals',
    en: {
      slug: 'backyard-chickens',
      title: 'Backyard chickens',
      summary: 'Residential properties may keep up to four hens with a free registration. No roosters.',
      keywords: ['chickens', 'backyard chickens', 'hens', 'coop', 'poultry', 'livestock'],
      body: `Since 2024, residents of single-detached homes in Lakeview’s urban area may keep a small flock of backyard hens.

## The rules

- Up to **four hens**. Roosters are not allowed.
- Register your flock with the Clerk’s Office (free). You will also need a free premises ID from the province.
- The coop must be in the rear yard, at least **3 metres from every lot line** and 8 metres from any neighbour’s window or door.
- Hens must stay in the coop or a fenced run; no free-ranging.
- Eggs, meat and manure may not be sold.
- Store feed in sealed metal containers to avoid attracting rodents.

## Rural properties

On properties zoned Rural or Agricultural, poultry is allowed under the Zoning By-law without registration.

## Complaints

Odour, noise or escaped birds are handled by By-law Enforcement. You can [submit a complaint](/report.html); your name is kept confidential.`,
    },
    fr: {
      slug: 'poules-en-ville',
      title: 'Poules en milieu urbain',
      summary: 'Les propriétés résidentielles peuvent garder jusqu’à quatre poules, avec une inscription gratuite. Les coqs sont interdits.',
      keywords: ['poules', 'poules urbaines', 'poulailler', 'volaille', 'œufs', 'animaux de ferme'],
      body: `Depuis 2024, les résidents de maisons unifamiliales isolées du secteur urbain de Lakeview peuvent garder un petit groupe de poules dans leur cour.

## Les règles

- Jusqu’à **quatre poules**. Les coqs sont interdits.
- Inscrivez vos poules au Bureau du greffe (gratuit). Il vous faudra aussi un numéro d’identification des lieux, également gratuit, auprès de la province.
- Le poulailler doit être dans la cour arrière, à au moins **3 mètres de toute limite de terrain** et à 8 mètres des fenêtres et des portes des voisins.
- Les poules doivent rester dans le poulailler ou dans un enclos clôturé; elles ne peuvent pas circuler librement.
- La vente d’œufs, de viande ou de fumier est interdite.
- Rangez la nourriture dans des contenants métalliques fermés pour ne pas attirer les rongeurs.

## Propriétés rurales

Sur les terrains en zone rurale ou agricole, la volaille est permise par le règlement de zonage, sans inscription.

## Plaintes

Les odeurs, le bruit et les poules en fuite relèvent du Service d’application des règlements. Vous pouvez [déposer une plainte](/fr/report.html); votre nom reste confidentiel.`,
    },
  },
  {
    id: 'art-wildlife-coyotes',
    categoryId: 'cat-animals',
    en: {
      slug: 'wildlife-coyotes-raccoons',
      title: 'Living with wildlife: coyotes, raccoons and skunks',
      summary: 'The Township does not remove healthy wildlife. Here is how to keep animals away and who to call.',
      keywords: ['wildlife', 'coyote', 'raccoon', 'skunk', 'animal in attic', 'dead animal', 'deer'],
      body: `Lakeview borders forests and wetlands, so wildlife sightings are normal. Animal Control does **not** trap or remove healthy wild animals from private property.

## Keep animals away

- Put garbage and green bins out on the morning of collection, not the night before.
- Feed pets indoors and never leave food out for wildlife.
- Close gaps under decks and sheds with buried wire mesh.
- Keep small pets on a leash and supervise them at dusk.

## Coyotes

A coyote passing through is not a threat. If one approaches, make yourself big, shout and back away slowly; do not run. Report a coyote that is aggressive toward people to Animal Control at 705-555-0104.

## Sick, injured or dead animals

- Injured wildlife: call the Kawartha Wildlife Centre at 705-555-0150.
- Dead animals on a road, sidewalk or park: [report them](/report.html) and a crew will remove them.
- On private property, removal is the owner’s responsibility; double-bag small animals and put them out with the garbage.`,
    },
    fr: {
      slug: 'faune-coyotes-ratons-laveurs',
      title: 'Cohabiter avec la faune : coyotes, ratons laveurs et mouffettes',
      summary: 'Le Canton ne déplace pas les animaux sauvages en santé. Voici comment les tenir à distance et qui appeler.',
      keywords: ['faune', 'animaux sauvages', 'coyote', 'raton laveur', 'mouffette', 'animal mort', 'chevreuil'],
      body: `Lakeview est entouré de forêts et de milieux humides; il est donc normal d’y croiser des animaux sauvages. Le Contrôle des animaux ne capture **pas** et ne déplace pas les animaux sauvages en santé sur les propriétés privées.

## Tenez les animaux à distance

- Sortez vos ordures et votre bac vert le matin de la collecte, pas la veille.
- Nourrissez vos animaux à l’intérieur et ne laissez jamais de nourriture pour la faune.
- Bouchez les ouvertures sous les terrasses et les cabanons avec un grillage enfoui dans le sol.
- Gardez vos petits animaux en laisse et surveillez-les au crépuscule.

## Coyotes

Un coyote de passage ne constitue pas une menace. S’il s’approche, faites-vous grand, criez et reculez lentement, sans courir. Signalez tout coyote agressif envers les gens au Contrôle des animaux, au 705-555-0104.

## Animaux malades, blessés ou morts

- Animal sauvage blessé : appelez le Centre de la faune de Kawartha au 705-555-0150.
- Animal mort sur une route, un trottoir ou dans un parc : [signalez-le](/fr/report.html) et une équipe viendra le ramasser.
- Sur un terrain privé, le propriétaire doit s’en occuper; mettez les petits animaux dans deux sacs et sortez-les avec les ordures.`,
    },
  },
];

const taxArticles: SeedArticle[] = [
  {
    id: 'art-property-tax-due-dates',
    categoryId: 'cat-taxes',
    en: {
      slug: 'property-tax-due-dates',
      title: 'Property tax due dates',
      summary: 'Property taxes are billed twice a year and paid in four instalments. Late payments carry a monthly penalty.',
      keywords: ['property tax', 'tax bill', 'due date', 'instalment', 'late payment', 'penalty', 'taxes'],
      body: `Lakeview sends two property tax bills a year, each payable in two instalments.

## 2026 due dates

| Bill | Mailed | Instalments due |
|---|---|---|
| Interim | early February | February 27 and April 30 |
| Final | early July | July 31 and September 30 |

The interim bill is about half of last year’s total taxes. The final bill uses the tax rates set by Council in the spring, minus what you paid on the interim.

## Late payments

A penalty of **1.25% per month** is added on the first day after each missed due date. Council cannot waive penalties, so pay on time even if you are waiting for an assessment appeal.

## Did not get a bill?

Not receiving a bill does not change the due date. If you just bought a home or changed your mailing address, call Tax Services at 705-555-0105 for a copy. You can also sign up for e-billing to receive your bills by email.`,
    },
    fr: {
      slug: 'echeances-taxes-foncieres',
      title: 'Échéances des taxes foncières',
      summary: 'Les taxes foncières sont facturées deux fois par année et payables en quatre versements. Des pénalités mensuelles s’appliquent aux retards.',
      keywords: ['taxes foncières', 'impôt foncier', 'compte de taxes', 'échéance', 'versement', 'pénalité', 'retard de paiement'],
      body: `Lakeview envoie deux comptes de taxes foncières par année, chacun payable en deux versements.

## Échéances en 2026

| Compte | Envoi | Versements dus |
|---|---|---|
| Provisoire | début février | 27 février et 30 avril |
| Final | début juillet | 31 juillet et 30 septembre |

Le compte provisoire correspond à environ la moitié des taxes de l’an dernier. Le compte final est établi selon les taux adoptés par le conseil au printemps, moins ce que vous avez déjà payé.

## Paiements en retard

Une pénalité de **1,25 % par mois** s’ajoute dès le lendemain de chaque échéance manquée. Le conseil ne peut pas annuler les pénalités : payez à temps même si vous contestez votre évaluation.

## Vous n’avez pas reçu votre compte?

Ne pas recevoir de compte ne change pas l’échéance. Si vous venez d’acheter une maison ou de changer d’adresse postale, appelez le Service des taxes au 705-555-0105 pour obtenir une copie. Vous pouvez aussi vous inscrire à la facturation électronique pour recevoir vos comptes par courriel.`,
    },
  },
  {
    id: 'art-pay-online',
    categoryId: 'cat-taxes',
    en: {
      slug: 'pay-your-bill-online',
      title: 'Paying your tax or water bill online',
      summary: 'Pay through your bank’s online banking, by credit card, or in person. Allow three business days.',
      keywords: ['pay online', 'online banking', 'pay bill', 'payment', 'credit card', 'e-transfer', 'water bill'],
      body: `## Online or telephone banking

Most Canadian banks and credit unions let you pay the Township directly:

1. Add a new payee and search for **Lakeview Township – Taxes** or **Lakeview Township – Water**.
2. Enter your **roll number** (19 digits, on your tax bill) or your **water account number** as the account number.
3. Allow **three business days** for the payment to reach us. The date we receive it is the date that counts.

If you have a tax and a water account, set them up as two separate payees.

## Credit card

Pay by Visa or Mastercard through the online payment portal. A third-party convenience fee of 2.5% applies.

## Other ways to pay

- In person at the Town Hall, 1 Main Street, by debit, cheque or cash, Monday to Friday, 8:30 a.m. to 4:30 p.m.
- In the after-hours drop box beside the Town Hall front door (cheques only)
- By mail, with post-dated cheques

Interac e-Transfer is not accepted.`,
    },
    fr: {
      slug: 'payer-facture-en-ligne',
      title: 'Payer votre compte de taxes ou d’eau en ligne',
      summary: 'Payez par les services bancaires en ligne, par carte de crédit ou en personne. Prévoyez trois jours ouvrables.',
      keywords: ['payer en ligne', 'services bancaires en ligne', 'paiement de facture', 'carte de crédit', 'virement', 'facture d’eau'],
      body: `## Services bancaires en ligne ou par téléphone

La plupart des banques et caisses populaires canadiennes permettent de payer directement le Canton :

1. Ajoutez un fournisseur et cherchez **Lakeview Township – Taxes** ou **Lakeview Township – Water**.
2. Comme numéro de compte, inscrivez votre **numéro de rôle** (19 chiffres, sur votre compte de taxes) ou votre **numéro de compte d’eau**.
3. Prévoyez **trois jours ouvrables** pour que le paiement nous parvienne. C’est la date de réception qui compte.

Si vous avez un compte de taxes et un compte d’eau, ajoutez-les comme deux fournisseurs distincts.

## Carte de crédit

Payez par Visa ou Mastercard au moyen du portail de paiement en ligne. Des frais de service de 2,5 % sont perçus par le fournisseur externe.

## Autres modes de paiement

- En personne à l’hôtel de ville, 1, rue Main, par carte de débit, chèque ou en argent comptant, du lundi au vendredi, de 8 h 30 à 16 h 30
- Dans la boîte de dépôt à côté de la porte principale de l’hôtel de ville (chèques seulement)
- Par la poste, avec des chèques postdatés

Les virements Interac ne sont pas acceptés.`,
    },
  },
  {
    id: 'art-pre-authorized-payments',
    categoryId: 'cat-taxes',
    en: {
      slug: 'pre-authorized-payments',
      title: 'Pre-authorized payment plans',
      summary: 'Have taxes or water bills withdrawn automatically, monthly or on each due date, with no penalties.',
      keywords: ['pre-authorized payment', 'PAP', 'automatic payment', 'monthly payments', 'direct debit', 'auto pay'],
      body: `A pre-authorized payment plan takes your property tax or water payments straight from your bank account, so you never miss a due date.

## Choose your plan

- **Monthly plan (taxes):** 11 equal withdrawals on the 15th of each month from January to November. The amount is adjusted once the final tax bill is calculated in July.
- **Due date plan (taxes):** your instalment is withdrawn on each of the four due dates.
- **Water plan:** your quarterly water and sewer bill is withdrawn on its due date.

## How to sign up

1. Fill in the Pre-Authorized Payment Application, available at the Town Hall or from Tax Services at 705-555-0105.
2. Attach a void cheque or a direct deposit form from your bank.
3. Return it at least **15 days before** the first withdrawal you want.

Your account must be paid up to date before you join the monthly plan.

## Changes

To change bank accounts or cancel, give us 15 days’ written notice. If a payment is returned by your bank, a $40 fee applies, and after two returned payments you will be removed from the plan.`,
    },
    fr: {
      slug: 'paiements-preautorises',
      title: 'Paiements préautorisés',
      summary: 'Faites prélever automatiquement vos taxes ou votre compte d’eau, chaque mois ou à chaque échéance, sans pénalité.',
      keywords: ['paiement préautorisé', 'PPA', 'prélèvement automatique', 'versements mensuels', 'débit préautorisé', 'paiement automatique'],
      body: `Le programme de paiements préautorisés prélève vos taxes foncières ou votre compte d’eau directement dans votre compte bancaire. Vous ne manquerez plus jamais une échéance.

## Choisissez votre formule

- **Formule mensuelle (taxes) :** 11 prélèvements égaux le 15 de chaque mois, de janvier à novembre. Le montant est rajusté en juillet, une fois le compte final établi.
- **Formule à l’échéance (taxes) :** chaque versement est prélevé à l’une des quatre dates d’échéance.
- **Formule eau :** votre facture trimestrielle d’eau et d’égout est prélevée à son échéance.

## Comment vous inscrire

1. Remplissez le formulaire de demande de paiements préautorisés, offert à l’hôtel de ville ou auprès du Service des taxes au 705-555-0105.
2. Joignez un chèque portant la mention « ANNULÉ » ou un formulaire de dépôt direct de votre banque.
3. Retournez le tout au moins **15 jours avant** le premier prélèvement souhaité.

Votre compte doit être à jour avant votre adhésion à la formule mensuelle.

## Modifications

Pour changer de compte bancaire ou annuler, avisez-nous par écrit 15 jours à l’avance. Des frais de 40 $ s’appliquent à tout paiement refusé par votre banque, et après deux refus, vous serez retiré du programme.`,
    },
  },
  {
    id: 'art-property-assessment',
    categoryId: 'cat-taxes',
    en: {
      slug: 'property-assessment',
      title: 'Property assessment and how your taxes are calculated',
      summary: 'MPAC sets your assessed value; Council sets the tax rate. Here is how to question your assessment.',
      keywords: ['assessment', 'MPAC', 'property value', 'tax rate', 'appeal', 'request for reconsideration'],
      body: `Your property tax is your **assessed value × the tax rate**.

## Who does what

- The **Municipal Property Assessment Corporation (MPAC)**, a provincial agency, values every property in Ontario and mails you a Property Assessment Notice.
- **Lakeview Council** sets the municipal tax rate each spring as part of the budget. The rate also includes the County’s share and the provincial education tax.

About 45% of your bill funds Township services, 35% the County, and 20% schools.

## If you disagree with your assessment

1. Look at sales of similar homes near you on MPAC’s AboutMyProperty website.
2. File a **Request for Reconsideration** with MPAC. It is free, but the deadline is usually March 31 of the tax year.
3. If you still disagree, you can appeal to the Assessment Review Board.

The Township cannot change your assessment, but Tax Services at 705-555-0105 can explain your bill and tell you about tax relief for low-income seniors and people with disabilities.`,
    },
    fr: {
      slug: 'evaluation-fonciere',
      title: 'Évaluation foncière et calcul de vos taxes',
      summary: 'La SEFM fixe la valeur de votre propriété; le conseil fixe le taux de taxation. Voici comment contester votre évaluation.',
      keywords: ['évaluation foncière', 'SEFM', 'MPAC', 'valeur de la propriété', 'taux de taxation', 'demande de réexamen'],
      body: `Vos taxes foncières correspondent à **la valeur évaluée × le taux de taxation**.

## Qui fait quoi

- La **Société d’évaluation foncière des municipalités (SEFM)**, un organisme provincial, évalue toutes les propriétés de l’Ontario et vous envoie un avis d’évaluation foncière.
- Le **conseil de Lakeview** fixe chaque printemps le taux municipal lors de l’adoption du budget. Le taux comprend aussi la part du Comté et l’impôt scolaire provincial.

Environ 45 % de votre compte finance les services du Canton, 35 % le Comté et 20 % les écoles.

## Si vous contestez votre évaluation

1. Comparez avec les ventes de maisons semblables près de chez vous sur le site AboutMyProperty de la SEFM.
2. Présentez une **demande de réexamen** à la SEFM. C’est gratuit, mais la date limite est habituellement le 31 mars de l’année d’imposition.
3. Si vous êtes toujours en désaccord, vous pouvez interjeter appel auprès de la Commission de révision de l’évaluation foncière.

Le Canton ne peut pas modifier votre évaluation, mais le Service des taxes, au 705-555-0105, peut vous expliquer votre compte et vous renseigner sur les allègements fiscaux pour les aînés à faible revenu et les personnes handicapées.`,
    },
  },
];

const permitArticles: SeedArticle[] = [
  {
    id: 'art-building-permits',
    categoryId: 'cat-permits',
    en: {
      slug: 'building-permits',
      title: 'Do I need a building permit?',
      summary: 'Which projects need a building permit, how to apply, and how long it takes.',
      keywords: ['building permit', 'renovation', 'deck', 'addition', 'shed', 'garage', 'construction'],
      body: `Under the Ontario Building Code, many home projects need a permit **before** work starts. Building without one can mean fines and having to open up finished work for inspection.

## You need a permit for

- Additions, decks over 60 cm high and attached sunrooms
- Sheds and garages larger than 15 m²
- Finishing a basement, adding a bathroom or moving walls
- New or replacement woodstoves and chimneys
- Installing a backwater valve, septic system or pool enclosure

## You usually do not need a permit for

Replacing shingles, windows of the same size, kitchen cabinets, flooring or fences (fences still must follow the Fence By-law).

## How to apply

1. Book a free pre-consultation with the Building Department at 705-555-0106.
2. Submit the application form, drawings and site plan by email or at the Town Hall.
3. Pay the fee, based on the size of the project (minimum $150).

Most house permits are reviewed within **10 business days**. Keep the permit posted on site and book inspections at least 48 hours ahead.`,
    },
    fr: {
      slug: 'permis-de-construire',
      title: 'Ai-je besoin d’un permis de construire?',
      summary: 'Les projets qui exigent un permis de construire, comment faire une demande et les délais à prévoir.',
      keywords: ['permis de construire', 'permis de construction', 'rénovation', 'terrasse', 'agrandissement', 'cabanon', 'garage'],
      body: `Selon le Code du bâtiment de l’Ontario, bien des projets exigent un permis **avant** le début des travaux. Construire sans permis peut entraîner des amendes et des travaux à refaire.

## Un permis est requis pour

- Un agrandissement, une terrasse de plus de 60 cm de hauteur ou un solarium attenant
- Un cabanon ou un garage de plus de 15 m²
- La finition d’un sous-sol, l’ajout d’une salle de bain ou le déplacement de murs
- Un nouveau poêle à bois ou une nouvelle cheminée
- L’installation d’un clapet antiretour, d’une fosse septique ou d’une enceinte de piscine

## Habituellement, aucun permis n’est requis pour

Le remplacement de bardeaux, de fenêtres de même taille, d’armoires, de revêtements de sol ou de clôtures (les clôtures restent soumises au règlement sur les clôtures).

## Comment faire une demande

1. Réservez une consultation gratuite auprès du Service du bâtiment au 705-555-0106.
2. Soumettez le formulaire, les plans et le plan d’implantation par courriel ou au comptoir.
3. Payez les droits, calculés selon la taille du projet (minimum 150 $).

La plupart des demandes résidentielles sont traitées en **10 jours ouvrables**. Affichez le permis sur le chantier et réservez vos inspections 48 heures d’avance.`,
    },
  },
  {
    id: 'art-fence-height',
    categoryId: 'cat-permits',
    en: {
      slug: 'fence-height-bylaw',
      title: 'Fence height and location rules',
      summary: 'Maximum fence heights in front and back yards, corner lots, and fences shared with a neighbour.',
      keywords: ['fence', 'fence height', 'fence by-law', 'property line', 'neighbour', 'hedge', 'corner lot'],
      body: `No permit is needed to build a regular fence in Lakeview, but the **Fence By-law** sets limits on height and location.

## Maximum heights (residential)

- **Front yard:** 1 metre
- **Side and rear yards:** 2 metres
- **Corner lots:** no fence, hedge or structure over 0.75 m within the 6-metre sight triangle at the intersection, so drivers can see

Heights are measured from the ground on the lower side of the fence.

## Other rules

- Barbed wire and electric fences are not allowed in residential areas.
- The finished side should face the neighbour or the street.
- Pool fences have stricter rules; see the Pool Enclosure By-law.

## Fences on the property line

If a fence is on the shared line, the **Line Fences Act** lets neighbours share the cost. Talk with your neighbour first. If you cannot agree, the Clerk’s Office can arrange for fence viewers to decide.

Not sure where your line is? Check your survey or hire an Ontario Land Surveyor. The Township cannot locate property lines for you.`,
    },
    fr: {
      slug: 'reglement-hauteur-clotures',
      title: 'Hauteur et emplacement des clôtures',
      summary: 'Hauteurs maximales des clôtures en cour avant et arrière, terrains d’angle et clôtures mitoyennes.',
      keywords: ['clôture', 'hauteur de clôture', 'règlement sur les clôtures', 'limite de propriété', 'voisin', 'haie', 'terrain d’angle'],
      body: `Aucun permis n’est exigé pour construire une clôture ordinaire à Lakeview, mais le **règlement sur les clôtures** en limite la hauteur et l’emplacement.

## Hauteurs maximales (secteur résidentiel)

- **Cour avant :** 1 mètre
- **Cours latérales et arrière :** 2 mètres
- **Terrains d’angle :** aucune clôture, haie ou structure de plus de 0,75 m dans le triangle de visibilité de 6 mètres à l’intersection

La hauteur se mesure à partir du sol, du côté le plus bas de la clôture.

## Autres règles

- Les fils barbelés et les clôtures électriques sont interdits en secteur résidentiel.
- Le côté fini doit faire face au voisin ou à la rue.
- Les clôtures de piscine sont soumises à des règles plus strictes; consultez le règlement sur les enceintes de piscine.

## Clôtures mitoyennes

Lorsqu’une clôture est sur la limite commune, la **Loi sur les clôtures de bornage** permet aux voisins d’en partager le coût. Parlez-en d’abord à votre voisin. Faute d’entente, le Bureau du greffe peut faire appel à des arbitres de clôtures.

Vous ne savez pas où passe la limite? Consultez votre plan d’arpentage ou faites appel à un arpenteur-géomètre de l’Ontario. Le Canton ne peut pas établir les limites de propriété.`,
    },
  },
  {
    id: 'art-noise-bylaw',
    categoryId: 'cat-permits',
    en: {
      slug: 'noise-bylaw-hours',
      title: 'Noise By-law: quiet hours and construction times',
      summary: 'Quiet hours are 11 p.m. to 7 a.m. Construction and power tools are limited to daytime hours.',
      keywords: ['noise', 'noise by-law', 'quiet hours', 'loud music', 'construction hours', 'barking dog', 'party'],
      body: `The Noise By-law protects residents from unreasonable noise, especially at night.

## Quiet hours

- **11 p.m. to 7 a.m.** every day (until 9 a.m. on Sundays and holidays)
- During quiet hours, music, parties or machinery that can be clearly heard inside a neighbour’s home are not allowed.

## Construction and power tools

- Monday to Saturday: **7 a.m. to 7 p.m.**
- Sundays and holidays: **9 a.m. to 5 p.m.**, for homeowners doing their own work only
- Snow removal and emergency repairs are allowed at any time.

## Barking dogs

A dog barking persistently for 10 minutes or more is a by-law offence, day or night.

## Making a complaint

Try talking with your neighbour first; most people do not realize they are being loud. If the problem continues, [submit a noise complaint](/report.html). We need your contact information to follow up, but it is kept confidential. For a loud party happening right now after hours, call the OPP non-emergency line at 1-888-310-1122.`,
    },
    fr: {
      slug: 'reglement-bruit-heures',
      title: 'Règlement sur le bruit : heures de silence et travaux',
      summary: 'Les heures de silence vont de 23 h à 7 h. Les travaux et outils électriques sont limités au jour.',
      keywords: ['bruit', 'règlement sur le bruit', 'heures de silence', 'musique forte', 'heures de travaux', 'chien qui jappe', 'fête'],
      body: `Le règlement sur le bruit protège les résidents contre le bruit excessif, surtout la nuit.

## Heures de silence

- **De 23 h à 7 h** tous les jours (jusqu’à 9 h les dimanches et jours fériés)
- Pendant ces heures, la musique, les fêtes et la machinerie qu’on entend clairement de l’intérieur d’une maison voisine sont interdites.

## Travaux et outils électriques

- Du lundi au samedi : **de 7 h à 19 h**
- Les dimanches et jours fériés : **de 9 h à 17 h**, seulement pour les propriétaires qui font eux-mêmes leurs travaux
- Le déneigement et les réparations d’urgence sont permis en tout temps.

## Chiens qui jappent

Un chien qui jappe sans arrêt pendant 10 minutes ou plus contrevient au règlement, de jour comme de nuit.

## Déposer une plainte

Essayez d’abord d’en parler à votre voisin : la plupart des gens ne se rendent pas compte qu’ils dérangent. Si le problème persiste, [déposez une plainte pour bruit](/fr/report.html). Nous avons besoin de vos coordonnées pour faire le suivi, mais elles restent confidentielles. Pour une fête bruyante en cours après les heures, appelez la ligne non urgente de la Police provinciale de l’Ontario au 1-888-310-1122.`,
    },
  },
  {
    id: 'art-burn-permits',
    categoryId: 'cat-permits',
    en: {
      slug: 'burn-permits',
      title: 'Burn permits and backyard fires',
      summary: 'Campfires are allowed without a permit; open burning of brush needs a free burn permit from the Fire Department.',
      keywords: ['burn permit', 'open burning', 'campfire', 'fire pit', 'brush pile', 'fire ban'],
      body: `## Campfires and fire pits

Small recreational fires, no larger than **1 metre across**, are allowed without a permit in the rural area and in approved outdoor fireplaces in town. The fire must be at least 5 metres from buildings, trees and fences, and someone must watch it at all times.

## Open burning (brush and leaves)

Burning brush piles on rural properties requires a **free burn permit** from Lakeview Fire & Emergency Services:

- Apply online or call 705-555-0107; permits are valid for the calendar year.
- Before each burn, call the burn line to confirm burning is allowed that day.
- Burn only between **6 p.m. and midnight** from April 1 to October 31 (daytime burns are allowed the rest of the year).
- Burn only clean, dry wood and brush. Never burn garbage, tires or construction material.

## Fire bans

During dry weather, the Fire Chief may declare a **total fire ban**. Bans are posted at fire halls, on the home page and on local radio. If a fire gets out of control, call 911 immediately.`,
    },
    fr: {
      slug: 'permis-de-brulage',
      title: 'Permis de brûlage et feux extérieurs',
      summary: 'Les feux de camp sont permis sans permis; le brûlage de broussailles exige un permis gratuit du Service d’incendie.',
      keywords: ['permis de brûlage', 'brûlage à ciel ouvert', 'feu de camp', 'foyer extérieur', 'tas de branches', 'interdiction de feux'],
      body: `## Feux de camp et foyers extérieurs

Les petits feux récréatifs d’au plus **1 mètre de diamètre** sont permis sans permis en milieu rural et dans les foyers extérieurs approuvés en ville. Le feu doit être à au moins 5 mètres des bâtiments, des arbres et des clôtures, et quelqu’un doit le surveiller en tout temps.

## Brûlage à ciel ouvert (broussailles et feuilles)

Le brûlage de tas de broussailles sur une propriété rurale exige un **permis de brûlage gratuit** du Service d’incendie et d’urgence de Lakeview :

- Faites votre demande en ligne ou au 705-555-0107; le permis est valide pour l’année civile.
- Avant chaque brûlage, appelez la ligne d’information pour confirmer qu’il est permis.
- Du 1er avril au 31 octobre, brûlez seulement **entre 18 h et minuit** (le brûlage de jour est permis le reste de l’année).
- Brûlez seulement du bois et des branches propres et secs, jamais d’ordures, de pneus ni de matériaux de construction.

## Interdictions de feux

Par temps sec, le chef pompier peut décréter une **interdiction totale des feux**. Elle est affichée aux casernes, sur la page d’accueil et annoncée à la radio locale. Si un feu vous échappe, composez immédiatement le 911.`,
    },
  },
  {
    id: 'art-pool-enclosures',
    categoryId: 'cat-permits',
    en: {
      slug: 'pool-enclosure-permit',
      title: 'Pool and hot tub enclosures',
      summary: 'Any pool deeper than 60 cm needs a pool enclosure permit and a fence at least 1.5 m high with a self-closing gate.',
      keywords: ['pool', 'pool fence', 'pool enclosure', 'hot tub', 'swimming pool permit', 'above ground pool'],
      body: `Drowning is a leading cause of death for young children, so Lakeview’s **Pool Enclosure By-law** is strict.

## When you need a permit

Any outdoor pool that can hold water **60 cm deep or more**, including above-ground and inflatable pools, needs a pool enclosure permit ($100) **before** it is filled.

## Enclosure requirements

- Fence at least **1.5 metres** high, with no gaps larger than 10 cm
- No climbable rails or openings between 10 cm and 1.2 m from the ground on the outside
- Gates that are **self-closing and self-latching**, with the latch on the pool side
- A house wall can form part of the enclosure only if doors leading to the pool have an alarm or self-closing device

## Above-ground pools and hot tubs

Above-ground pools with walls at least 1.2 m high can use a locking, removable ladder instead of a fence. Hot tubs need a locking safety cover that meets CSA standards.

A final inspection is required before you fill the pool. Book it with the Building Department at 705-555-0106.`,
    },
    fr: {
      slug: 'enceinte-piscine',
      title: 'Enceintes de piscine et de spa',
      summary: 'Toute piscine de plus de 60 cm de profondeur exige un permis d’enceinte et une clôture d’au moins 1,5 m avec barrière à fermeture automatique.',
      keywords: ['piscine', 'clôture de piscine', 'enceinte de piscine', 'spa', 'permis de piscine', 'piscine hors terre'],
      body: `La noyade est l’une des principales causes de décès chez les jeunes enfants. C’est pourquoi le **règlement sur les enceintes de piscine** de Lakeview est strict.

## Quand un permis est-il exigé?

Toute piscine extérieure pouvant contenir **60 cm d’eau ou plus**, y compris les piscines hors terre et gonflables, exige un permis d’enceinte (100 $) **avant** d’être remplie.

## Exigences pour l’enceinte

- Clôture d’au moins **1,5 mètre** de hauteur, sans ouverture de plus de 10 cm
- Aucune traverse ou ouverture permettant l’escalade entre 10 cm et 1,2 m du sol, du côté extérieur
- Barrières à **fermeture et à verrouillage automatiques**, le loquet étant du côté de la piscine
- Un mur de la maison peut faire partie de l’enceinte seulement si les portes donnant sur la piscine sont munies d’une alarme ou d’un dispositif de fermeture automatique

## Piscines hors terre et spas

Une piscine hors terre dont les parois font au moins 1,2 m peut avoir une échelle amovible verrouillable au lieu d’une clôture. Les spas doivent avoir un couvercle de sécurité verrouillable conforme aux normes CSA.

Une inspection finale est exigée avant le remplissage. Réservez-la auprès du Service du bâtiment au 705-555-0106.`,
    },
  },
  {
    id: 'art-parking-rules',
    categoryId: 'cat-permits',
    en: {
      slug: 'parking-rules',
      title: 'Parking rules on Township streets',
      summary: 'Three-hour limit, no parking near hydrants or intersections, and how to pay or dispute a parking ticket.',
      keywords: ['parking', 'parking ticket', 'parking by-law', 'fire hydrant', 'pay ticket', 'dispute ticket'],
      body: `## General rules

Unless a sign says otherwise, you may park on a Township street for up to **three hours**. You may not park:

- Within 3 metres of a fire hydrant
- Within 9 metres of an intersection or 15 metres of a railway crossing
- Across or within 1 metre of a driveway, including your own if it blocks the sidewalk
- Facing the wrong way on a two-way street
- On any street between 2 a.m. and 7 a.m. from November 15 to April 1

Accessible parking spaces require a valid permit displayed on the dashboard.

## Paying a ticket

Pay within 15 days to receive the early payment amount. Pay online with the ticket number, at the Town Hall, or by mail.

## Disputing a ticket

Request a review in writing within 15 days, explaining why you think the ticket was issued in error. A screening officer will reply within 30 days.

To report a vehicle breaking these rules, [submit a parking complaint](/report.html).`,
    },
    fr: {
      slug: 'regles-stationnement',
      title: 'Règles de stationnement dans les rues du Canton',
      summary: 'Limite de trois heures, interdiction près des bornes d’incendie et des intersections, et comment payer ou contester une contravention.',
      keywords: ['stationnement', 'contravention', 'billet de stationnement', 'règlement de stationnement', 'borne d’incendie', 'contester une contravention'],
      body: `## Règles générales

À moins d’indication contraire, vous pouvez stationner dans une rue du Canton pendant **trois heures** au maximum. Il est interdit de stationner :

- À moins de 3 mètres d’une borne d’incendie
- À moins de 9 mètres d’une intersection ou de 15 mètres d’un passage à niveau
- Devant une entrée ou à moins de 1 mètre de celle-ci, y compris la vôtre si vous bloquez le trottoir
- En sens inverse de la circulation dans une rue à double sens
- Dans toute rue entre 2 h et 7 h, du 15 novembre au 1er avril

Les places réservées aux personnes handicapées exigent un permis valide placé sur le tableau de bord.

## Payer une contravention

Payez dans les 15 jours pour profiter du montant réduit. Payez en ligne avec le numéro de la contravention, à l’hôtel de ville ou par la poste.

## Contester une contravention

Demandez une révision par écrit dans les 15 jours en expliquant pourquoi vous croyez que la contravention a été donnée par erreur. Un agent de révision vous répondra dans les 30 jours.

Pour signaler un véhicule en infraction, [déposez une plainte de stationnement](/fr/report.html).`,
    },
  },
];

const parkArticles: SeedArticle[] = [
  {
    id: 'art-park-rentals',
    categoryId: 'cat-parks',
    en: {
      slug: 'park-pavilion-rentals',
      title: 'Renting a park pavilion or sports field',
      summary: 'Book the Lakeshore Park pavilion, ball diamonds or soccer fields for parties, reunions and events.',
      keywords: ['park rental', 'pavilion', 'picnic shelter', 'book a park', 'sports field', 'birthday party', 'wedding photos'],
      body: `Township parks are free to enjoy, but you can reserve facilities for a group event.

## What you can book

| Facility | Half day | Full day |
|---|---|---|
| Lakeshore Park pavilion (80 people) | $60 | $110 |
| Birch Point picnic shelter (30 people) | $35 | $60 |
| Ball diamond or soccer field | $25 per hour | — |

Lakeview residents and non-profit groups get a 25% discount.

## How to book

1. Check availability and book through Recreation at 705-555-0108, or at the Arena front desk.
2. Pay in full when booking. A $100 damage deposit applies to events over 50 people.
3. Cancel at least 14 days ahead for a full refund.

## Good to know

- Alcohol requires a Special Occasion Permit from the AGCO and proof of $2 million liability insurance.
- Bouncy castles and tents need approval so crews can check for underground lines.
- Parks close at 11 p.m.
- Bring garbage bags; bins fill quickly on summer weekends.`,
    },
    fr: {
      slug: 'location-pavillon-parc',
      title: 'Louer un pavillon ou un terrain sportif',
      summary: 'Réservez le pavillon du parc Lakeshore, les terrains de balle ou de soccer pour vos fêtes, réunions et événements.',
      keywords: ['location de parc', 'pavillon', 'abri à pique-nique', 'réserver un parc', 'terrain sportif', 'fête d’enfants', 'photos de mariage'],
      body: `L’accès aux parcs du Canton est gratuit, mais vous pouvez réserver certaines installations pour un événement de groupe.

## Installations à louer

| Installation | Demi-journée | Journée |
|---|---|---|
| Pavillon du parc Lakeshore (80 personnes) | 60 $ | 110 $ |
| Abri à pique-nique de Birch Point (30 personnes) | 35 $ | 60 $ |
| Terrain de balle ou de soccer | 25 $ l’heure | — |

Les résidents de Lakeview et les organismes sans but lucratif ont droit à un rabais de 25 %.

## Comment réserver

1. Vérifiez les disponibilités et réservez auprès du Service des loisirs au 705-555-0108 ou à l’accueil de l’aréna.
2. Payez la totalité au moment de la réservation. Un dépôt de 100 $ pour dommages s’applique aux événements de plus de 50 personnes.
3. Annulez au moins 14 jours à l’avance pour un remboursement complet.

## Bon à savoir

- L’alcool exige un permis de circonstance de la CAJO et une preuve d’assurance responsabilité de 2 millions de dollars.
- Les jeux gonflables et les tentes doivent être approuvés pour qu’on puisse vérifier les conduites souterraines.
- Les parcs ferment à 23 h.
- Apportez des sacs à ordures : les poubelles se remplissent vite les fins de semaine d’été.`,
    },
  },
  {
    id: 'art-ice-rink-hours',
    categoryId: 'cat-parks',
    en: {
      slug: 'ice-rink-public-skating',
      title: 'Public skating and outdoor rinks',
      summary: 'Public skating times at the Lakeview Arena and when the outdoor rinks open.',
      keywords: ['skating', 'public skate', 'ice rink', 'arena', 'outdoor rink', 'shinny', 'hockey'],
      body: `## Lakeview Community Arena – 125 Lakeshore Road

Public skating runs from mid-October to the end of March:

- **Family skate:** Saturday and Sunday, 1 p.m. to 2:30 p.m.
- **Adult skate (18+):** Tuesday and Thursday, 12 p.m. to 1 p.m.
- **Shinny hockey:** Friday, 7 p.m. to 8:30 p.m. (helmets and gloves required)
- **Parent and tot:** Wednesday, 10 a.m. to 11 a.m.

Admission is $3 for adults and $2 for children and seniors. Family skates on Sundays are free, thanks to the Lakeview Lions Club. CSA-approved helmets are strongly recommended for everyone and required for children under 10.

Schedules change during holidays and tournaments; call the Arena at 705-555-0108 or check the posted schedule.

## Outdoor rinks

Volunteers and Township crews flood rinks at Lakeshore Park, Centennial Park and Birch Point once there have been several days below -10 °C, usually in early January. Outdoor rinks are unsupervised and open from 8 a.m. to 10 p.m. A flag at each rink shows whether the ice is open (green) or closed (red).`,
    },
    fr: {
      slug: 'patinage-libre-patinoires',
      title: 'Patinage libre et patinoires extérieures',
      summary: 'L’horaire du patinage libre à l’aréna de Lakeview et l’ouverture des patinoires extérieures.',
      keywords: ['patinage', 'patinage libre', 'patinoire', 'aréna', 'patinoire extérieure', 'hockey libre'],
      body: `## Aréna communautaire de Lakeview – 125, chemin Lakeshore

Le patinage libre a lieu de la mi-octobre à la fin mars :

- **Patinage familial :** samedi et dimanche, de 13 h à 14 h 30
- **Patinage pour adultes (18 ans et plus) :** mardi et jeudi, de 12 h à 13 h
- **Hockey libre :** vendredi, de 19 h à 20 h 30 (casque et gants obligatoires)
- **Parents et tout-petits :** mercredi, de 10 h à 11 h

L’entrée coûte 3 $ pour les adultes et 2 $ pour les enfants et les aînés. Le patinage familial du dimanche est gratuit grâce au Club Lions de Lakeview. Le casque homologué CSA est fortement recommandé pour tous et obligatoire pour les enfants de moins de 10 ans.

L’horaire change pendant les congés et les tournois; appelez l’aréna au 705-555-0108 ou consultez l’horaire affiché.

## Patinoires extérieures

Des bénévoles et les équipes du Canton arrosent les patinoires des parcs Lakeshore, Centennial et Birch Point après plusieurs jours sous -10 °C, habituellement au début de janvier. Les patinoires extérieures ne sont pas surveillées et sont ouvertes de 8 h à 22 h. Un drapeau indique si la glace est ouverte (vert) ou fermée (rouge).`,
    },
  },
  {
    id: 'art-swimming-lessons',
    categoryId: 'cat-parks',
    en: {
      slug: 'swimming-lessons',
      title: 'Swimming lessons and public swims',
      summary: 'Red Cross and Lifesaving Society lessons at the Lakeview Pool and the summer waterfront program.',
      keywords: ['swimming lessons', 'swim', 'pool', 'public swim', 'lifeguard', 'beach', 'aquatics'],
      body: `## Lakeview Pool (at the Lakeview Secondary School)

Lessons follow the **Lifesaving Society Swim for Life** program, for ages 3 to adult. Sessions run for eight weeks in fall, winter and spring.

- Preschool levels: $72 per session
- Swimmer levels 1 to 6: $85 per session
- Bronze Medallion and Bronze Cross: $180, including the exam fee

Not sure which level to choose? Book a free 10-minute assessment with a swim instructor.

## Public swims

- Family swim: Saturday and Sunday, 2 p.m. to 4 p.m.
- Lane swim: weekdays, 6:30 a.m. to 8 a.m. and 12 p.m. to 1 p.m.

## Summer waterfront

From July to mid-August, lifeguards supervise the Lakeshore Park beach from 11 a.m. to 6 p.m. Two-week outdoor lesson sets start the first Monday of July.

## Registration

Registration opens at 8 a.m. on the dates posted in the Recreation Guide. Register online or call 705-555-0108. Fee assistance is available for families who qualify.`,
    },
    fr: {
      slug: 'cours-de-natation',
      title: 'Cours de natation et bains libres',
      summary: 'Cours de la Société de sauvetage à la piscine de Lakeview et programme estival à la plage.',
      keywords: ['cours de natation', 'natation', 'piscine', 'bain libre', 'sauveteur', 'plage', 'aquatique'],
      body: `## Piscine de Lakeview (à l’école secondaire de Lakeview)

Les cours suivent le programme **Nager pour la vie de la Société de sauvetage**, pour tous, de 3 ans à l’âge adulte. Les sessions durent huit semaines, à l’automne, à l’hiver et au printemps.

- Niveaux préscolaires : 72 $ par session
- Niveaux nageur 1 à 6 : 85 $ par session
- Médaille de bronze et Croix de bronze : 180 $, examen compris

Vous hésitez sur le niveau? Réservez une évaluation gratuite de 10 minutes avec un moniteur.

## Bains libres

- Bain familial : samedi et dimanche, de 14 h à 16 h
- Longueurs : en semaine, de 6 h 30 à 8 h et de 12 h à 13 h

## Plage en été

De juillet à la mi-août, des sauveteurs surveillent la plage du parc Lakeshore de 11 h à 18 h. Des cours intensifs de deux semaines en plein air commencent le premier lundi de juillet.

## Inscription

Les inscriptions ouvrent à 8 h aux dates indiquées dans le Guide des loisirs. Inscrivez-vous en ligne ou au 705-555-0108. Une aide financière est offerte aux familles admissibles.`,
    },
  },
  {
    id: 'art-trails-dogs-parks',
    categoryId: 'cat-parks',
    en: {
      slug: 'parks-trails-dog-park',
      title: 'Parks, trails and the off-leash dog park',
      summary: 'Park hours, trail conditions in winter, and the rules at the Centennial off-leash dog park.',
      keywords: ['parks', 'trails', 'walking trail', 'dog park', 'off leash', 'playground', 'park hours'],
      body: `Lakeview has 14 parks and about 22 km of trails, including the Rail Trail along the old CN line.

## Park hours

Parks are open from **6 a.m. to 11 p.m.** Overnight camping is not permitted. Washrooms at Lakeshore and Centennial parks are open from Victoria Day to Thanksgiving.

## Trails in winter

The Rail Trail is groomed for cross-country skiing and snowshoeing between Main Street and Birch Point. Other trails are not maintained in winter; use them at your own risk.

## Centennial off-leash dog park

- Dogs must be licensed, vaccinated and under voice control.
- Owners must carry a leash and pick up after their dog.
- A maximum of three dogs per person, and children under 12 must be with an adult.
- Dogs showing aggression must leave immediately.

Everywhere else, including trails and beaches, dogs must be on a leash no longer than 2 metres. Dogs are not allowed on the swimming beach from May 15 to September 15.

To report damaged playground equipment or a fallen tree on a trail, call 705-555-0108.`,
    },
    fr: {
      slug: 'parcs-sentiers-parc-canin',
      title: 'Parcs, sentiers et parc canin sans laisse',
      summary: 'Les heures d’ouverture des parcs, l’état des sentiers en hiver et les règles du parc canin Centennial.',
      keywords: ['parcs', 'sentiers', 'sentier pédestre', 'parc canin', 'sans laisse', 'terrain de jeu', 'heures d’ouverture'],
      body: `Lakeview compte 14 parcs et environ 22 km de sentiers, dont le sentier ferroviaire sur l’ancienne voie du CN.

## Heures d’ouverture

Les parcs sont ouverts **de 6 h à 23 h**. Le camping de nuit est interdit. Les toilettes des parcs Lakeshore et Centennial sont ouvertes de la fête de la Reine à l’Action de grâce.

## Sentiers en hiver

Le sentier ferroviaire est entretenu pour le ski de fond et la raquette entre la rue Main et Birch Point. Les autres sentiers ne sont pas entretenus l’hiver.

## Parc canin sans laisse Centennial

- Les chiens doivent avoir une licence, être vaccinés et obéir à la voix.
- Les propriétaires doivent avoir une laisse et ramasser les excréments de leur chien.
- Maximum de trois chiens par personne; les enfants de moins de 12 ans doivent être accompagnés d’un adulte.
- Tout chien agressif doit quitter les lieux immédiatement.

Partout ailleurs, y compris dans les sentiers et sur les plages, les chiens doivent être en laisse (2 mètres au maximum). Ils sont interdits sur la plage de baignade du 15 mai au 15 septembre.

Pour signaler un module de jeu endommagé ou un arbre tombé sur un sentier, appelez le 705-555-0108.`,
    },
  },
];

const councilArticles: SeedArticle[] = [
  {
    id: 'art-council-meetings',
    categoryId: 'cat-council',
    en: {
      slug: 'council-meetings',
      title: 'Council meetings: agendas, livestreams and speaking as a delegation',
      summary: 'Council meets the second and fourth Tuesday of each month. Watch online, read the agenda or ask to speak.',
      keywords: ['council meeting', 'agenda', 'minutes', 'livestream', 'delegation', 'mayor', 'councillor'],
      body: `Lakeview Council is made up of the Mayor, the Deputy Mayor and five Councillors, one for each ward.

## When and where

Regular meetings are held on the **second and fourth Tuesday of each month at 6 p.m.** in the Council Chambers, Town Hall, 1 Main Street. There is one meeting in July and one in August. Meetings are open to the public, except for closed sessions allowed under the Municipal Act.

## Agendas and minutes

Agendas are posted the Thursday before each meeting. Minutes are posted once Council approves them, usually two weeks later. Printed copies are available at the Clerk’s Office and the Library.

## Watch online

Meetings are livestreamed and recorded on the Township’s YouTube channel, with closed captions.

## Speaking to Council

To speak as a delegation, send a request to the Clerk’s Office at clerk@lakeview.example by **noon on the Wednesday** before the meeting. Delegations have 10 minutes. You may also send written comments, which become part of the public record.`,
    },
    fr: {
      slug: 'reunions-du-conseil',
      title: 'Réunions du conseil : ordres du jour, diffusion en direct et délégations',
      summary: 'Le conseil se réunit le deuxième et le quatrième mardi du mois. Regardez en ligne, lisez l’ordre du jour ou demandez à prendre la parole.',
      keywords: ['réunion du conseil', 'séance du conseil', 'ordre du jour', 'procès-verbal', 'diffusion en direct', 'délégation', 'maire', 'conseiller'],
      body: `Le conseil de Lakeview se compose du maire, du maire adjoint et de cinq conseillers, un par quartier.

## Quand et où

Les réunions ordinaires ont lieu **le deuxième et le quatrième mardi du mois, à 18 h**, dans la salle du conseil de l’hôtel de ville, 1, rue Main. Il n’y a qu’une réunion en juillet et une en août. Les réunions sont publiques, sauf les séances à huis clos permises par la Loi sur les municipalités.

## Ordres du jour et procès-verbaux

L’ordre du jour est publié le jeudi précédant chaque réunion. Le procès-verbal est publié une fois adopté par le conseil, habituellement deux semaines plus tard. Des copies papier sont offertes au Bureau du greffe et à la bibliothèque.

## Regarder en ligne

Les réunions sont diffusées en direct et enregistrées sur la chaîne YouTube du Canton, avec sous-titres.

## Prendre la parole

Pour vous présenter comme délégation, écrivez au Bureau du greffe à clerk@lakeview.example avant **midi le mercredi** précédant la réunion. Vous disposerez de 10 minutes. Vous pouvez aussi transmettre des commentaires écrits, qui seront versés au dossier public.`,
    },
  },
  {
    id: 'art-access-to-information',
    categoryId: 'cat-council',
    en: {
      slug: 'access-to-information-foi',
      title: 'Access to information (freedom of information) requests',
      summary: 'How to request Township records under MFIPPA, what it costs, and how long it takes.',
      keywords: ['freedom of information', 'FOI', 'MFIPPA', 'access to information', 'records request', 'privacy'],
      body: `Many Township records are already public: by-laws, Council agendas and minutes, budgets and staff reports. Ask the Clerk’s Office first; you may not need a formal request.

## Making a formal request

Under the **Municipal Freedom of Information and Protection of Privacy Act (MFIPPA)**, you can request records the Township holds, including your own personal information.

1. Fill in the Access Request Form, or write a letter describing the records as precisely as you can (dates, addresses, topics).
2. Include the **$5 application fee**, set by the province.
3. Send it to the Clerk’s Office by email at foi@lakeview.example, by mail or in person.

## What happens next

- We must respond within **30 calendar days**. Large or complex requests may need an extension, and we will tell you why.
- Search time beyond the first two hours and photocopies may carry extra fees. You will receive a fee estimate before work begins.
- Some information, such as other people’s personal information, may be withheld.

If you disagree with a decision, you can appeal to the Information and Privacy Commissioner of Ontario.`,
    },
    fr: {
      slug: 'acces-information',
      title: 'Demandes d’accès à l’information',
      summary: 'Comment demander des documents du Canton en vertu de la LAIMPVP, les frais et les délais.',
      keywords: ['accès à l’information', 'AIPVP', 'LAIMPVP', 'demande de documents', 'protection de la vie privée', 'renseignements personnels'],
      body: `Bien des documents du Canton sont déjà publics : règlements, ordres du jour et procès-verbaux du conseil, budgets et rapports du personnel. Adressez-vous d’abord au Bureau du greffe; une demande officielle n’est peut-être pas nécessaire.

## Présenter une demande officielle

La **Loi sur l’accès à l’information municipale et la protection de la vie privée (LAIMPVP)** vous permet de demander des documents détenus par le Canton, y compris vos propres renseignements personnels.

1. Remplissez le formulaire de demande d’accès ou décrivez dans une lettre les documents recherchés le plus précisément possible (dates, adresses, sujets).
2. Joignez les **droits de 5 $** fixés par la province.
3. Envoyez le tout au Bureau du greffe à foi@lakeview.example, par la poste ou en personne.

## La suite

- Nous devons répondre dans un délai de **30 jours civils**. Une demande volumineuse ou complexe peut exiger une prolongation, motifs à l’appui.
- Des frais peuvent s’ajouter pour les recherches dépassant deux heures et pour les photocopies. Vous recevrez une estimation au préalable.
- Certains renseignements, comme ceux qui concernent d’autres personnes, peuvent être retenus.

En cas de désaccord, vous pouvez interjeter appel auprès du Commissaire à l’information et à la protection de la vie privée de l’Ontario.`,
    },
  },
  {
    id: 'art-accessibility-feedback',
    categoryId: 'cat-council',
    en: {
      slug: 'accessibility-feedback',
      title: 'Accessibility feedback and accommodation',
      summary: 'Ask for information in an accessible format, request an accommodation, or tell us about a barrier.',
      keywords: ['accessibility', 'AODA', 'accessible format', 'accommodation', 'barrier', 'disability', 'large print'],
      body: `The Township of Lakeview is committed to providing services in a way that respects the dignity and independence of people with disabilities, as required by the **Accessibility for Ontarians with Disabilities Act (AODA)**.

## Accessible formats

Any Township document, including this website’s content, tax bills and Council agendas, is available on request in large print, plain text, electronic formats or Braille. There is no charge.

## Accommodation at meetings and events

Let us know at least five business days before a Council meeting or Township event if you need a sign language interpreter, assistive listening device or other support.

## Tell us about a barrier

If something prevented you from using a Township service, a facility or this website, we want to know. You can:

- Email accessibility@lakeview.example
- Call the Clerk’s Office at 705-555-0100 (Bell Relay Service welcome)
- Fill in a feedback card at any Township facility

We respond to accessibility feedback within **five business days**. The Lakeview Accessibility Advisory Committee reviews feedback each year in its report to Council.`,
    },
    fr: {
      slug: 'accessibilite-commentaires',
      title: 'Accessibilité : commentaires et mesures d’adaptation',
      summary: 'Demandez de l’information en format accessible, une mesure d’adaptation, ou signalez-nous un obstacle.',
      keywords: ['accessibilité', 'LAPHO', 'format accessible', 'mesure d’adaptation', 'obstacle', 'handicap', 'gros caractères'],
      body: `Le Canton de Lakeview s’engage à offrir ses services dans le respect de la dignité et de l’autonomie des personnes handicapées, comme l’exige la **Loi sur l’accessibilité pour les personnes handicapées de l’Ontario (LAPHO)**.

## Formats accessibles

Tout document du Canton, y compris le contenu de ce site, les comptes de taxes et les ordres du jour du conseil, est offert sur demande en gros caractères, en texte simple, en format électronique ou en braille, sans frais.

## Adaptations aux réunions et événements

Avisez-nous au moins cinq jours ouvrables avant une réunion du conseil ou un événement du Canton si vous avez besoin d’un interprète en langue des signes, d’un système d’aide à l’écoute ou d’un autre soutien.

## Signalez-nous un obstacle

Si quelque chose vous a empêché d’utiliser un service, une installation ou ce site Web, dites-le-nous :

- par courriel à accessibility@lakeview.example;
- en appelant le Bureau du greffe au 705-555-0100 (appels par le Service de relais Bell bienvenus);
- en remplissant une carte de commentaires dans une installation du Canton.

Nous répondons aux commentaires sur l’accessibilité dans un délai de **cinq jours ouvrables**. Le comité consultatif sur l’accessibilité en présente le bilan annuel au conseil.`,
    },
  },
  {
    id: 'art-marriage-licences',
    categoryId: 'cat-council',
    en: {
      slug: 'marriage-licences',
      title: 'Marriage licences and civil ceremonies',
      summary: 'Get an Ontario marriage licence at the Town Hall by appointment, and book a civil ceremony.',
      keywords: ['marriage licence', 'marriage license', 'wedding', 'civil ceremony', 'get married', 'officiant'],
      body: `## Marriage licences

The Clerk’s Office issues Ontario marriage licences **by appointment**. Call 705-555-0100 to book.

- The fee is **$145**, payable by debit, credit or cash.
- Both people should attend. If one cannot, they must complete and sign the application in advance.
- Each person must bring two pieces of government-issued ID, one with a photo, such as a passport, birth certificate or driver’s licence.
- If either of you was married before, bring the final divorce certificate or the former spouse’s death certificate. Divorces granted outside Canada need provincial approval first.

A licence is valid anywhere in Ontario for **three months** from the date it is issued.

## Civil ceremonies

The Deputy Clerk performs short civil ceremonies in the Council Chambers on Fridays, or at an outdoor location in Lakeview on weekends.

- Council Chambers: $300, up to 25 guests
- Other location in Lakeview: $450

You need two witnesses aged 18 or older. Book at least six weeks ahead.`,
    },
    fr: {
      slug: 'licences-de-mariage',
      title: 'Licences de mariage et cérémonies civiles',
      summary: 'Obtenez une licence de mariage de l’Ontario à l’hôtel de ville sur rendez-vous et réservez une cérémonie civile.',
      keywords: ['licence de mariage', 'mariage', 'cérémonie civile', 'se marier', 'célébrant', 'noces'],
      body: `## Licences de mariage

Le Bureau du greffe délivre les licences de mariage de l’Ontario **sur rendez-vous**. Composez le 705-555-0100 pour réserver.

- Les droits sont de **145 $**, payables par carte de débit, carte de crédit ou en argent comptant.
- Les deux futurs époux devraient être présents. Si l’un d’eux ne peut pas venir, il doit remplir et signer la demande à l’avance.
- Chaque personne doit présenter deux pièces d’identité émises par un gouvernement, dont une avec photo : passeport, certificat de naissance ou permis de conduire.
- Si l’un de vous a déjà été marié, apportez le certificat de divorce définitif ou le certificat de décès de l’ex-conjoint. Un divorce prononcé à l’étranger doit d’abord être approuvé par la province.

La licence est valide partout en Ontario pendant **trois mois** à compter de sa délivrance.

## Cérémonies civiles

La greffière adjointe célèbre de courtes cérémonies civiles dans la salle du conseil le vendredi, ou en plein air à Lakeview la fin de semaine.

- Salle du conseil : 300 $, jusqu’à 25 invités
- Autre endroit à Lakeview : 450 $

Il vous faut deux témoins de 18 ans ou plus. Réservez au moins six semaines à l’avance.`,
    },
  },
  {
    id: 'art-commissioner-of-oaths',
    categoryId: 'cat-council',
    en: {
      slug: 'commissioner-of-oaths',
      title: 'Commissioner of oaths and document certification',
      summary: 'Have an affidavit or declaration sworn at the Town Hall, and which documents we cannot sign.',
      keywords: ['commissioner of oaths', 'affidavit', 'notary', 'sworn declaration', 'certified copy', 'sign documents'],
      body: `Staff in the Clerk’s Office are commissioners for taking affidavits and can witness your signature on a sworn statement or statutory declaration.

## What we can do

- Commission affidavits and statutory declarations for use in Ontario
- Sign pension and life certificates for seniors (free)
- Certify true copies of documents for Township business

## What we cannot do

- Notarize documents or certify copies for use outside the Township (see a notary public or lawyer)
- Sign wills, powers of attorney, real estate documents or immigration forms
- Give legal advice or help you fill in the document

## Before you come

- Book an appointment by calling 705-555-0100.
- **Do not sign the document beforehand**; you must sign in front of the commissioner.
- Bring valid government photo ID.
- The document must be complete, with no blanks.

The fee is $20 per document, or free for documents related to Township services and for pension and life certificates.`,
    },
    fr: {
      slug: 'commissaire-assermentation',
      title: 'Commissaire à l’assermentation et certification de documents',
      summary: 'Faites assermenter un affidavit ou une déclaration à l’hôtel de ville, et les documents que nous ne pouvons pas signer.',
      keywords: ['commissaire à l’assermentation', 'affidavit', 'notaire', 'déclaration solennelle', 'copie certifiée', 'signer un document'],
      body: `Le personnel du Bureau du greffe agit à titre de commissaires aux affidavits et peut recevoir votre serment pour une déclaration sous serment ou une déclaration solennelle.

## Ce que nous pouvons faire

- Recevoir les affidavits et déclarations solennelles destinés à l’Ontario
- Signer les certificats de vie et de pension des aînés (gratuit)
- Certifier conformes des copies de documents pour les affaires du Canton

## Ce que nous ne pouvons pas faire

- Notarier des documents ou certifier des copies destinées à d’autres fins (consultez un notaire ou un avocat)
- Signer des testaments, procurations, documents immobiliers ou formulaires d’immigration
- Donner des conseils juridiques ou vous aider à remplir le document

## Avant de venir

- Prenez rendez-vous au 705-555-0100.
- **Ne signez pas le document à l’avance** : vous devez le signer devant le commissaire.
- Apportez une pièce d’identité valide avec photo émise par un gouvernement.
- Le document doit être complet, sans espaces laissés en blanc.

Les frais sont de 20 $ par document; le service est gratuit pour les documents liés aux services du Canton et pour les certificats de vie et de pension.`,
    },
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
    contact: { name: 'Marc Tremblay', email: 'marc.tremblay@example.ca', phone: '705-555-0142' },
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

const articles: SeedArticle[] = [
  ...wasteArticles,
  ...roadsArticles,
  ...waterArticles,
  ...animalArticles,
  ...taxArticles,
  ...permitArticles,
  ...parkArticles,
  ...councilArticles,
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
      phone: '705-555-0100',
      address: {
        en: 'Town Hall, 1 Main Street, Lakeview, Ontario',
        fr: 'Hôtel de ville, 1, rue Main, Lakeview (Ontario)',
      },
    },
  },
  departments,
  services,
  categories,
  articles,
  requests,
};
