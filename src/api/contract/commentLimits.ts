/**
 * SAM's own limits (packages/shared DEFAULT_COMMENT_*), enforced after trimming; deployments may change them.
 * A module of their own, so a form can know them without carrying the comments' schemas into its chunk.
 */
export const COMMENT_LIMITS = { bodyMax: 8_000, quoteMax: 2_000, clientMutationIdMax: 200, listDefault: 100, listMax: 500 } as const;
