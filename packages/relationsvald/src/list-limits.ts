/** Declared list maxima of relationsvåld (core's schema/list-bounds.ts). */
/** Accompanying children in one placement decision (create, extend, move): the inputs allow no more. */
export const MAX_CHILDREN_PER_DECISION = 20;
