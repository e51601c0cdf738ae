/**
 * Defines a MuniKit element once. A page that loads the widget script twice, or two versions of it,
 * must keep working: the first definition stays and the second copy only says so (as Shoelace does).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`MuniKit: <${tag}> is already defined; the widget script is on this page more than once, so this copy is not used.`);
}
