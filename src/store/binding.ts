import type { ListBinding } from '../lists/lists';

export type { ListBinding };

/** One binding per list key of the entity map `M` (src/lists/lists.ts has the product's). */
export type ListBindings<M> = { readonly [K in keyof M]: ListBinding<M[K]> };
