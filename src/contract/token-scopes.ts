/** `read`: safe methods only; `write`: everything the user's role allows (reliability.md §B). */
export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]
