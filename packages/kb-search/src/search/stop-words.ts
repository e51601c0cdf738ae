// Words that carry no meaning in a resident's question ("when is garbage day", "quand passe le camion
// des ordures"). Folded (no accents), so they compare with fold()'s output. Kept short on purpose: a
// word that can name a thing residents look for (can, pas → "pas d'eau" is kept by "eau") stays out.

const EN = `a about after all also am an and any anything are as at be been before being but by can could
did do does doing done for from get gets getting got had has have having he her here hers him his how
i if in into is it its itself just me mine my myself need needs no not now of off on once only or our ours
out over please should so some than that the their theirs them then there these they this those to too
under until up us very want was we were what whats when where which while who whom whose why will with
would you your yours`;

const FR = `a ai afin alors au aucun aussi autre aux avec avoir avez avons besoin bien c ca ce ceci cela celle
celles celui ces cet cette chez comment d dans de des doit doivent dois donc du elle elles en encore es est
et etc etre eu faire fait faut ici il ils j je jusqu l la laquelle le lequel les leur leurs lors lui m ma mais me
mes moi mon n ne ni nos notre nous on ont ou par parce pas peut peuvent peux plus pour pourquoi puis
qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sous sur t ta te tes toi ton tu un
une vers voici voila vos votre vous y`;

const toSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Readonly<Record<'en' | 'fr', ReadonlySet<string>>> = { en: toSet(EN), fr: toSet(FR) };

export function isStopWord(word: string, lang: 'en' | 'fr'): boolean {
  return STOP_WORDS[lang].has(word);
}
