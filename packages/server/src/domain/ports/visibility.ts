export const VISIBILITIES = ['public', 'private'] as const;
/** Who may see a credential in a portfolio: anyone with the link, or its earner alone. */
export type Visibility = (typeof VISIBILITIES)[number];
