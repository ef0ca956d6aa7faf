/**
 * Spread first into a built object so that `id` and `object` lead its keys,
 * as in Stripe's answers; the values are set by the fields that follow.
 */
export const ID_FIRST = { id: '', object: '' } as const;
