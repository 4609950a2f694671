/** A section in another language: exactly the Swedish section's keys, each a text. */
export type Texts<Swedish> = { readonly [K in keyof Swedish]: string };
